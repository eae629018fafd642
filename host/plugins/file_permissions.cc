#include "host/plugins/file_permissions.h"

#include <cstdio>
#include <vector>

namespace needlework::host {
namespace {

const char* Name(PluginPathKind kind) {
  return kind == PluginPathKind::kFile ? "plugin file" : "plugin directory";
}

// "0664": the permission bits as chmod takes them.
std::string OctalMode(mode_t mode) {
  char text[8];
  std::snprintf(text, sizeof(text), "%04o", static_cast<unsigned>(mode & 07777));
  return text;
}

std::string Join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string joined;
  for (const auto& part : parts) joined += (joined.empty() ? "" : separator) + part;
  return joined;
}

}  // namespace

Status CheckNotWorldWritable(PluginPathKind kind, const std::string& path,
                             const struct stat& info) {
  if ((info.st_mode & S_IWOTH) == 0) return OkStatus();
  std::string risk =
      kind == PluginPathKind::kFile ? "so anyone could change it" : "so anyone could add a plugin";
  return FailedPreconditionError(std::string(Name(kind)) + " " + path +
                                 " is world-writable (mode " + OctalMode(info.st_mode) + "), " +
                                 risk + "; run chmod o-w " + path);
}

Status CheckOnlyRootOrHostCanWrite(PluginPathKind kind, const std::string& path,
                                   const struct stat& info, uid_t host_uid) {
  std::vector<std::string> problems, fixes;
  if (info.st_uid != 0 && info.st_uid != host_uid) {
    problems.push_back("owned by uid " + std::to_string(info.st_uid) +
                       ", neither root nor the host's user (uid " + std::to_string(host_uid) + ")");
    fixes.push_back("chown root " + path);
  }
  if ((info.st_mode & S_IWGRP) != 0) {
    problems.push_back("writable by its group (gid " + std::to_string(info.st_gid) + ")");
    fixes.push_back("chmod g-w " + path);
  }
  if (problems.empty()) return OkStatus();
  std::string risk = kind == PluginPathKind::kFile ? "could change it after it was approved"
                                                   : "could add or replace a plugin";
  return FailedPreconditionError(
      std::string(Name(kind)) + " " + path + " (owner uid " + std::to_string(info.st_uid) +
      ", mode " + OctalMode(info.st_mode) + ") is " + Join(problems, " and ") +
      ", so someone other than root or the host's user " + risk + "; run " + Join(fixes, " && "));
}

}  // namespace needlework::host
