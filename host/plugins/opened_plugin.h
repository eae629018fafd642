// A plugin file's bytes, sealed in memory: what the host hashes, verifies and maps.
//
// The bytes are copied into a memfd that is then sealed against every change (F_SEAL_WRITE,
// F_SEAL_SHRINK, F_SEAL_GROW, then F_SEAL_SEAL so no seal can be removed or added). The
// kernel refuses every write, truncation or growth of a sealed memfd (EPERM) through any
// descriptor or mapping, so the hash taken of it, the checks made on that hash and the
// library later mapped from it (through /proc/self/fd/N) all see the same bytes, whatever
// happens to the file on disk before or after: rewritten in place, truncated or replaced.
#ifndef NEEDLEWORK_HOST_PLUGINS_OPENED_PLUGIN_H_
#define NEEDLEWORK_HOST_PLUGINS_OPENED_PLUGIN_H_

#include <string>

#include "needlework/status.h"

namespace needlework::host {

// The seals every OpenedPlugin carries (F_GET_SEALS answers exactly these).
int PluginSeals();

// A sealed copy of a plugin file. Owns the memfd until Release().
class OpenedPlugin {
 public:
  // Copies everything `fd` reads from offset 0 to its end into a new sealed memfd (named
  // after `file`'s base name, as /proc/PID/maps shows it) and hashes the sealed copy.
  // `file` is the path `fd` was opened from, kept for messages; `fd` is only read, never
  // closed. INTERNAL naming the system call that failed (e.g. a kernel without memfd
  // sealing, or a read error).
  static StatusOr<OpenedPlugin> Seal(std::string file, int fd);

  OpenedPlugin(OpenedPlugin&& other) noexcept;
  OpenedPlugin& operator=(OpenedPlugin&&) = delete;
  ~OpenedPlugin();  // closes the memfd unless released

  // The plugin file's path, as it was opened: for messages, never for loading.
  const std::string& file() const { return file_; }
  // Lower-case hex SHA-256 of the sealed bytes: the bytes LoadPath() maps.
  const std::string& sha256() const { return sha256_; }
  // The sealed memfd (-1 once moved from).
  int fd() const { return fd_; }
  // "/proc/self/fd/N" of the memfd: loading this path maps exactly the bytes that were hashed.
  std::string LoadPath() const;
  // Keeps the memfd open for the life of the process: a library loaded through LoadPath() is
  // known to the dynamic loader by that name, so the number must never be reused.
  void Release() { fd_ = -1; }

 private:
  OpenedPlugin(std::string file, int fd, std::string sha256);

  std::string file_;
  int fd_;
  std::string sha256_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_PLUGINS_OPENED_PLUGIN_H_
