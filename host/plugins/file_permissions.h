// Who could change a plugin file or a plugin directory, judged from its stat(2).
//
// Anyone at all (world-writable) is refused in every trust mode. In enforce mode nobody but
// root and the host's own user may: the file or directory must be owned by one of them and
// writable by its owner only; otherwise a group member or another user could replace an
// approved plugin, or plant one. Each refusal names the path, the owner and mode found and
// the chown/chmod that fixes it.
#ifndef NEEDLEWORK_HOST_PLUGINS_FILE_PERMISSIONS_H_
#define NEEDLEWORK_HOST_PLUGINS_FILE_PERMISSIONS_H_

#include <sys/stat.h>

#include <string>

#include "needlework/status.h"

namespace needlework::host {

// What is being judged, for messages: "plugin file" or "plugin directory".
enum class PluginPathKind { kFile, kDirectory };

// FAILED_PRECONDITION when `info` (of `path`) is writable by others, saying who could then do
// what and "run chmod o-w <path>".
Status CheckNotWorldWritable(PluginPathKind kind, const std::string& path, const struct stat& info);

// FAILED_PRECONDITION when `info` (of `path`) is group-writable, or owned by a uid other than
// 0 and `host_uid`, naming each problem, the owner and mode found, and the commands that fix
// them (chown root, chmod g-w). Does not look at the world-writable bit.
Status CheckOnlyRootOrHostCanWrite(PluginPathKind kind, const std::string& path,
                                   const struct stat& info, uid_t host_uid);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_PLUGINS_FILE_PERMISSIONS_H_
