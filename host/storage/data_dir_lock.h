// An exclusive lock on a data directory, so two hosts never share one SQLite store.
#ifndef NEEDLEWORK_HOST_STORAGE_DATA_DIR_LOCK_H_
#define NEEDLEWORK_HOST_STORAGE_DATA_DIR_LOCK_H_

#include <memory>
#include <string>

#include "needlework/status.h"

namespace needlework::host {

class DataDirLock {
 public:
  // Creates the directory if needed (mode 0700, whatever the umask) and takes an flock on
  // <dir>/needlework.lock (mode 0600, EnsurePrivateFile). Held until destruction (or process exit).
  // FAILED_PRECONDITION, naming the directory and its mode, when an existing `dir` is group- or
  // world-writable (EnsurePrivateDirectory), and, naming the holder's pid, when another process
  // holds it.
  static StatusOr<std::unique_ptr<DataDirLock>> Acquire(const std::string& dir);
  ~DataDirLock();
  DataDirLock(const DataDirLock&) = delete;
  DataDirLock& operator=(const DataDirLock&) = delete;

 private:
  explicit DataDirLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_STORAGE_DATA_DIR_LOCK_H_
