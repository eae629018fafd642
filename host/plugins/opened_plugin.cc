#include "host/plugins/opened_plugin.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "host/plugins/ed25519.h"

namespace needlework::host {
namespace {

// Linux 6.3+: a memfd that can never be made executable for execve(2). mmap(PROT_EXEC), which
// is all dlopen needs, is still allowed, and a host where vm.memfd_noexec=2 requires it.
// Older kernels refuse the unknown flag (EINVAL) and get a memfd without it.
#ifndef MFD_NOEXEC_SEAL
constexpr unsigned kNoExecSeal = 0x0008U;
#else
constexpr unsigned kNoExecSeal = MFD_NOEXEC_SEAL;
#endif

Status SystemError(const std::string& call, const std::string& file) {
  return InternalError(call + " failed while sealing a copy of " + file + ": " +
                       std::strerror(errno));
}

// A new empty memfd that accepts seals; -1 with errno set on failure.
int CreateSealableMemfd(const std::string& file) {
  // The kernel keeps at most 249 bytes of the name; it is only a label in /proc/PID/maps.
  std::string name = "needlework-plugin:" + std::filesystem::path(file).filename().string();
  name.resize(std::min<size_t>(name.size(), 249));
  int fd = ::memfd_create(name.c_str(), MFD_CLOEXEC | MFD_ALLOW_SEALING | kNoExecSeal);
  if (fd < 0 && errno == EINVAL) fd = ::memfd_create(name.c_str(), MFD_CLOEXEC | MFD_ALLOW_SEALING);
  return fd;
}

bool WriteAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t wrote = ::write(fd, data, size);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) return false;
    data += wrote;
    size -= static_cast<size_t>(wrote);
  }
  return true;
}

// Copies what `from` reads from offset 0 until end of file into `to`.
Status CopyAll(int from, int to, const std::string& file) {
  char buffer[1 << 16];
  for (off_t offset = 0;;) {
    ssize_t got = ::pread(from, buffer, sizeof(buffer), offset);
    if (got == 0) return OkStatus();
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return SystemError("read", file);
    if (!WriteAll(to, buffer, static_cast<size_t>(got))) return SystemError("write", file);
    offset += got;
  }
}

Status AddSeals(int fd, const std::string& file) {
  if (::fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_SHRINK | F_SEAL_GROW) != 0 ||
      ::fcntl(fd, F_ADD_SEALS, F_SEAL_SEAL) != 0) {
    return SystemError("fcntl(F_ADD_SEALS)", file);
  }
  int seals = ::fcntl(fd, F_GET_SEALS);
  if (seals < 0 || (seals & PluginSeals()) != PluginSeals()) {
    return InternalError("the sealed copy of " + file + " does not hold its seals");
  }
  return OkStatus();
}

}  // namespace

int PluginSeals() { return F_SEAL_WRITE | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL; }

StatusOr<OpenedPlugin> OpenedPlugin::Seal(std::string file, int fd) {
  int memfd = CreateSealableMemfd(file);
  if (memfd < 0) return SystemError("memfd_create", file);
  OpenedPlugin sealed(std::move(file), memfd, "");  // closes the memfd on every error below
  NW_RETURN_IF_ERROR(CopyAll(fd, memfd, sealed.file_));
  NW_RETURN_IF_ERROR(AddSeals(memfd, sealed.file_));
  NW_ASSIGN_OR_RETURN(sealed.sha256_, signing::Sha256HexOfFd(memfd));
  return sealed;
}

OpenedPlugin::OpenedPlugin(std::string file, int fd, std::string sha256)
    : file_(std::move(file)), fd_(fd), sha256_(std::move(sha256)) {}

OpenedPlugin::OpenedPlugin(OpenedPlugin&& other) noexcept
    : file_(std::move(other.file_)), fd_(other.fd_), sha256_(std::move(other.sha256_)) {
  other.fd_ = -1;
}

OpenedPlugin::~OpenedPlugin() {
  if (fd_ >= 0) ::close(fd_);
}

std::string OpenedPlugin::LoadPath() const { return "/proc/self/fd/" + std::to_string(fd_); }

}  // namespace needlework::host
