// How long one plugin may take to answer one call of each hook before the call fails closed.
#ifndef NEEDLEWORK_HOST_PLUGINS_HOOK_DEADLINES_H_
#define NEEDLEWORK_HOST_PLUGINS_HOOK_DEADLINES_H_

#include <cctype>
#include <chrono>
#include <map>
#include <string>

#include "needlework/plugin/v1/manifest.pb.h"

namespace needlework::host {

// A hook's name as the config, the API and messages spell it: "screen", "check_booking", ...
inline std::string HookName(int hook) {
  std::string name = needlework::plugin::v1::Hook_Name(hook);  // e.g. HOOK_SCREEN
  if (name.rfind("HOOK_", 0) == 0) name = name.substr(5);
  for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name.empty() ? std::to_string(hook) : name;
}

struct HookDeadlines {
  std::chrono::milliseconds fallback{500};                   // for a hook not in by_hook
  std::map<std::string, std::chrono::milliseconds> by_hook;  // by hook name ("screen", ...)

  // The deadline for `hook`, falling back to `fallback`.
  std::chrono::milliseconds For(const std::string& hook) const {
    auto it = by_hook.find(hook);
    return it == by_hook.end() ? fallback : it->second;
  }
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_PLUGINS_HOOK_DEADLINES_H_
