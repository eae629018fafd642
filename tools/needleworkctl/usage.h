// Help and usage texts, built from the command registry (registry.h).
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_USAGE_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_USAGE_H_

#include <string>
#include <string_view>

#include "needlework/status.h"

namespace needlework::ctl {

// The help text of `topic`: the overview for "", one command's full help for its name, the
// usage lines of a group (e.g. "clinic"). Precondition: IsHelpTopic(topic).
std::string HelpText(std::string_view topic);

// INVALID_ARGUMENT whose message is "<topic>: <problem>" (just the problem for ""), then the
// usage lines of `topic` and a pointer to `needleworkctl help <topic>`.
Status UsageError(std::string_view topic, std::string_view problem);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_USAGE_H_
