// Reading and writing the small files of /proc and cgroupfs, where a value is read whole and a
// write is one write(2) that the kernel takes or refuses as a whole.
#ifndef NEEDLEWORK_HOST_LIMITS_KERNEL_FILES_H_
#define NEEDLEWORK_HOST_LIMITS_KERNEL_FILES_H_

#include <string>
#include <string_view>

#include "needlework/status.h"

namespace needlework::host {

// `what` failed with `error` (an errno value): "<what>: <strerror>", with the code a caller
// can act on: NOT_FOUND (ENOENT, ESRCH), PERMISSION_DENIED (EACCES, EPERM), FAILED_PRECONDITION
// (EROFS, EBUSY, ENOTEMPTY, EEXIST), INTERNAL otherwise.
Status ErrnoStatus(int error, const std::string& what);

// The whole of `path` (at most 1 MiB); the errors of ErrnoStatus, naming the file.
StatusOr<std::string> ReadKernelFile(const std::string& path);

// Writes `text` to the existing file `path` (never created, never truncated) in one write(2).
// The errors of ErrnoStatus, naming the file and the text.
Status WriteKernelFile(const std::string& path, std::string_view text);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_LIMITS_KERNEL_FILES_H_
