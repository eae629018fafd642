// The flag rules every command shares: the global flags (accepted by every command, in any
// position), and the checks each flag passes before its command reads its value.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_FLAGS_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_FLAGS_H_

#include <span>
#include <string_view>

#include "command.h"
#include "needlework/status.h"
#include "options.h"

namespace needlework::ctl {

// The global flag called `name` (without "--"), or nullptr. Lives for the whole program.
const FlagShape* FindGlobalFlag(std::string_view name);

// Checks flags[i], a global flag, as CheckFlag does and sets it on `*options`. Errors are
// INVALID_ARGUMENT with the whole problem, naming the flag.
Status ApplyGlobalFlag(std::span<const FlagValue> flags, size_t i, GlobalOptions* options);

// What every flag passes: given once unless kValues; a value that is not "" unless
// kValueOrEmpty. `flags[i]` is the flag `shape` describes.
Status CheckFlag(const FlagShape& shape, std::span<const FlagValue> flags, size_t i);

// INVALID_ARGUMENT "missing --NAME" for the first of `required` not among `flags`.
Status CheckRequired(std::span<const std::string_view> required, std::span<const FlagValue> flags);

// The check of the whole line's options: the token is a bearer token (no spaces, no control
// characters).
Status CheckOptions(const GlobalOptions& options);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_FLAGS_H_
