// LoadResult as JSON, for needlework-load's output and the driver's result files.
#ifndef NEEDLEWORK_BENCH_LOAD_LOAD_JSON_H_
#define NEEDLEWORK_BENCH_LOAD_LOAD_JSON_H_

#include <nlohmann/json.hpp>

#include "bench/load/load_generator.h"

namespace needlework::bench {

// Every field but `responses`; error codes are keyed by their name ("ABORTED").
nlohmann::json LoadResultJson(const LoadResult& result);

}  // namespace needlework::bench

#endif  // NEEDLEWORK_BENCH_LOAD_LOAD_JSON_H_
