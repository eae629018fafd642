// Files that hold secrets (tokens, private keys) and directories that hold private data,
// created so that no other user can read them or swap them for a symlink at any moment.
// No dependency beyond the SDK's Status: needleworkctl links it too (needlework_secret_file).
#ifndef NEEDLEWORK_HOST_COMMON_SECRET_FILE_H_
#define NEEDLEWORK_HOST_COMMON_SECRET_FILE_H_

#include <sys/types.h>

#include <string>
#include <string_view>

#include "needlework/status.h"

namespace needlework::host {

// Creates `path` with open(O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC, mode),
// writes `content` and fsyncs it: the file has `mode` (masked only by the umask) from the
// moment it exists, and is never chmod'ed afterwards. Use mode 0600 for a secret.
// ALREADY_EXISTS when `path` exists; FAILED_PRECONDITION, naming it, when `path` is a symlink
// (dangling or not: it is never followed); INTERNAL, with the errno text, on an I/O error (the
// partial file is removed).
Status WriteNewFile(const std::string& path, std::string_view content, mode_t mode);

// Replaces `path` (or creates it) with a file of mode 0600 holding `content`: writes a
// temporary file beside it with WriteNewFile(), fsyncs it and renames it over `path`, so a
// reader sees the old file or the whole new one. A symlink at `path` is replaced, never
// followed. INTERNAL, with the errno text, on an I/O error (the temporary file is removed).
Status ReplaceSecretFile(const std::string& path, std::string_view content);

// Makes sure `dir` is a private directory for the host's data. Creates it (and any missing
// parents) when absent, with mode 0700 whatever the umask. An existing `dir` is kept as it
// is, but FAILED_PRECONDITION, naming the directory and its mode, when it is group- or
// world-writable (another user could replace its files) or not a directory.
Status EnsurePrivateDirectory(const std::string& dir);

// Makes `path` a file only its owner can read or write: creates it empty when absent (with
// `create`; otherwise an absent file is left absent) and sets mode 0600 on it, new or
// existing, whatever the umask or an earlier version made it. For files another library
// creates with its own mode (SQLite: 0644 less the umask), called before that library opens
// them. FAILED_PRECONDITION, naming `path`, when it is a symlink (never followed) or cannot
// be opened or changed.
Status EnsurePrivateFile(const std::string& path, bool create);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_COMMON_SECRET_FILE_H_
