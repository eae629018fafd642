#include "host/storage/data_dir_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "host/common/secret_file.h"

namespace needlework::host {

StatusOr<std::unique_ptr<DataDirLock>> DataDirLock::Acquire(const std::string& dir) {
  NW_RETURN_IF_ERROR(EnsurePrivateDirectory(dir));
  std::string path = dir + "/needlework.lock";
  NW_RETURN_IF_ERROR(EnsurePrivateFile(path, true));
  int fd = ::open(path.c_str(), O_RDWR | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return FailedPreconditionError("cannot open " + path + ": " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    char holder[32] = {0};
    [[maybe_unused]] ssize_t n = ::pread(fd, holder, sizeof(holder) - 1, 0);
    ::close(fd);
    return FailedPreconditionError("data dir " + dir +
                                   " is in use by another needlework-host (pid " +
                                   std::string(holder) + "); one data dir serves one host process");
  }
  std::string pid = std::to_string(::getpid());
  if (::ftruncate(fd, 0) == 0) {
    [[maybe_unused]] ssize_t n = ::pwrite(fd, pid.data(), pid.size(), 0);
  }
  return std::unique_ptr<DataDirLock>(new DataDirLock(fd));
}

DataDirLock::~DataDirLock() { ::close(fd_); }

}  // namespace needlework::host
