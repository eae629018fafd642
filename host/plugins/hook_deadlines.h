// How long one plugin may take to answer one call of each hook before the call fails closed.
#ifndef NEEDLEWORK_HOST_PLUGINS_HOOK_DEADLINES_H_
#define NEEDLEWORK_HOST_PLUGINS_HOOK_DEADLINES_H_

#include <chrono>
#include <map>
#include <string>

namespace needlework::host {

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
