// Files of serialized messages, each preceded by its size as a 4-byte little-endian integer:
// how needlework-load reads the requests it sends and how the driver hands them over.
#ifndef NEEDLEWORK_BENCH_LOAD_REQUEST_FILE_H_
#define NEEDLEWORK_BENCH_LOAD_REQUEST_FILE_H_

#include <string>
#include <vector>

#include "needlework/status.h"

namespace needlework::bench {

Status WriteMessages(const std::string& path, const std::vector<std::string>& messages);
// INVALID_ARGUMENT for a missing or truncated file.
StatusOr<std::vector<std::string>> ReadMessages(const std::string& path);

}  // namespace needlework::bench

#endif  // NEEDLEWORK_BENCH_LOAD_REQUEST_FILE_H_
