#include "host/common/secret_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace needlework::host {
namespace {

std::string ErrnoText() { return std::strerror(errno); }

// True when `path` exists and is a symlink (lstat, so never followed).
bool IsSymlink(const std::string& path) {
  struct stat info {};
  return ::lstat(path.c_str(), &info) == 0 && S_ISLNK(info.st_mode);
}

// Writes all of `content` to `fd` and fsyncs it; false with errno set on failure.
bool WriteAllAndSync(int fd, std::string_view content) {
  while (!content.empty()) {
    ssize_t wrote = ::write(fd, content.data(), content.size());
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) return false;
    content.remove_prefix(static_cast<size_t>(wrote));
  }
  return ::fsync(fd) == 0;
}

// "0775" for the permission bits of `mode`.
std::string OctalMode(mode_t mode) {
  char text[8];
  std::snprintf(text, sizeof(text), "%04o", static_cast<unsigned>(mode & 07777));
  return text;
}

// Refuses an existing `dir` that another user could write to (see EnsurePrivateDirectory).
Status CheckExistingDirectory(const std::string& dir, const struct stat& info) {
  if (!S_ISDIR(info.st_mode)) {
    return FailedPreconditionError("data dir " + dir + " is not a directory");
  }
  if ((info.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
    return FailedPreconditionError("data dir " + dir + " has mode " + OctalMode(info.st_mode) +
                                   ": it is group- or world-writable, so another user could "
                                   "replace the database or the lock; run chmod go-w " +
                                   dir);
  }
  return OkStatus();
}

// Creates `dir` (and its parents) with mode 0700 on `dir` itself, whatever the umask.
Status CreatePrivateDirectory(const std::string& dir) {
  std::string trimmed = dir;  // "data/" names "data", whose parent is "."
  while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
  std::error_code error;
  std::filesystem::path parent = std::filesystem::path(trimmed).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, error);
  if (error) {
    return FailedPreconditionError("cannot create " + parent.string() + ": " + error.message());
  }
  if (::mkdir(dir.c_str(), 0700) != 0) {
    struct stat info {};
    if (errno == EEXIST && ::stat(dir.c_str(), &info) == 0) {
      return CheckExistingDirectory(dir, info);  // made by another process meanwhile
    }
    return FailedPreconditionError("cannot create data dir " + dir + ": " + ErrnoText());
  }
  // mkdir's mode is masked by the umask; set 0700 exactly on the directory just made.
  if (::chmod(dir.c_str(), 0700) != 0) {
    return FailedPreconditionError("cannot set mode 0700 on data dir " + dir + ": " + ErrnoText());
  }
  return OkStatus();
}

}  // namespace

Status WriteNewFile(const std::string& path, std::string_view content, mode_t mode) {
  int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC, mode);
  if (fd < 0) {
    if (IsSymlink(path)) {
      return FailedPreconditionError(path +
                                     " is a symlink; refusing to write through it (remove the "
                                     "link, or choose another path)");
    }
    if (errno == EEXIST) return AlreadyExistsError(path + " exists; not overwriting it");
    return InternalError("cannot create " + path + ": " + ErrnoText());
  }
  bool written = WriteAllAndSync(fd, content);
  std::string reason = written ? "" : ErrnoText();
  if (::close(fd) != 0 && written) {
    written = false;
    reason = ErrnoText();
  }
  if (!written) {
    ::unlink(path.c_str());
    return InternalError("cannot write " + path + ": " + reason);
  }
  return OkStatus();
}

Status ReplaceSecretFile(const std::string& path, std::string_view content) {
  std::string temp = path + ".tmp-" + std::to_string(::getpid());
  ::unlink(temp.c_str());  // left by a crash of an earlier process with this pid
  NW_RETURN_IF_ERROR(WriteNewFile(temp, content, 0600));
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    std::string reason = ErrnoText();
    ::unlink(temp.c_str());
    return InternalError("cannot rename " + temp + " to " + path + ": " + reason);
  }
  return OkStatus();
}

Status EnsurePrivateFile(const std::string& path, bool create) {
  int flags = O_RDWR | O_NOFOLLOW | O_CLOEXEC | (create ? O_CREAT : 0);
  int fd = ::open(path.c_str(), flags, 0600);
  if (fd < 0 && errno == ENOENT && !create) return OkStatus();
  if (fd < 0) {
    if (IsSymlink(path)) {
      return FailedPreconditionError(path + " is a symlink; refusing to open it (remove the link)");
    }
    return FailedPreconditionError("cannot open " + path + ": " + ErrnoText());
  }
  struct stat info {};
  bool ok = ::fstat(fd, &info) == 0 && ((info.st_mode & 07777) == 0600 || ::fchmod(fd, 0600) == 0);
  std::string reason = ok ? "" : ErrnoText();
  ::close(fd);
  if (!ok) return FailedPreconditionError("cannot set mode 0600 on " + path + ": " + reason);
  return OkStatus();
}

Status EnsurePrivateDirectory(const std::string& dir) {
  struct stat info {};
  if (::stat(dir.c_str(), &info) != 0) {
    if (errno != ENOENT)
      return FailedPreconditionError("cannot stat data dir " + dir + ": " + ErrnoText());
    return CreatePrivateDirectory(dir);
  }
  return CheckExistingDirectory(dir, info);
}

}  // namespace needlework::host
