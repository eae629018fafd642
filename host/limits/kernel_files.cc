#include "host/limits/kernel_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace needlework::host {
namespace {

constexpr size_t kMaxKernelFileBytes = 1 << 20;

// Closes a descriptor on every path.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

Status ErrnoStatus(int error, const std::string& what) {
  std::string message = what + ": " + std::strerror(error);
  switch (error) {
    case ENOENT:
    case ESRCH:
      return NotFoundError(std::move(message));
    case EACCES:
    case EPERM:
      return PermissionDeniedError(std::move(message));
    case EROFS:
    case EBUSY:
    case ENOTEMPTY:
    case EEXIST:
      return FailedPreconditionError(std::move(message));
    default:
      return InternalError(std::move(message));
  }
}

StatusOr<std::string> ReadKernelFile(const std::string& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return ErrnoStatus(errno, "cannot read " + path);
  std::string text;
  char buffer[4096];
  while (text.size() < kMaxKernelFileBytes) {
    ssize_t got = ::read(fd.get(), buffer, sizeof(buffer));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return ErrnoStatus(errno, "cannot read " + path);
    if (got == 0) break;
    text.append(buffer, static_cast<size_t>(got));
  }
  return text;
}

Status WriteKernelFile(const std::string& path, std::string_view text) {
  Fd fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC));
  std::string what = "cannot write '" + std::string(text) + "' to " + path;
  if (fd.get() < 0) return ErrnoStatus(errno, what);
  ssize_t wrote = 0;
  do {
    wrote = ::write(fd.get(), text.data(), text.size());
  } while (wrote < 0 && errno == EINTR);
  if (wrote < 0) return ErrnoStatus(errno, what);
  if (static_cast<size_t>(wrote) != text.size()) return InternalError(what + ": short write");
  return OkStatus();
}

}  // namespace needlework::host
