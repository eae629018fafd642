#include "fuzz/builtin_plugins.h"

#include <sanitizer/lsan_interface.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

namespace needlework::fuzz {
namespace {

constexpr std::string_view kNames[] = {"aftercare",  "prp",       "radiofrequency",
                                       "scheduling", "screening", "serums"};

bool IsBuiltIn(std::string_view name) {
  for (std::string_view known : kNames) {
    if (name == known) return true;
  }
  return false;
}

}  // namespace

const host::LoadedPlugin* BuiltInPlugin(std::string_view name) {
  if (!IsBuiltIn(name)) return nullptr;
  static auto* const loaded = new std::map<std::string, host::LoadedPlugin, std::less<>>();
  auto found = loaded->find(name);
  if (found != loaded->end()) return &found->second;
  std::string file =
      std::string(NEEDLEWORK_PLUGIN_DIR) + "/needlework_" + std::string(name) + ".so";
  // The host never unloads a plugin, so its library handle is leaked on purpose
  // (plugin_library.cc): not a finding.
  __lsan_disable();
  auto plugin = host::LoadPluginLibrary(file);
  __lsan_enable();
  if (!plugin.ok()) {
    std::fprintf(stderr, "cannot load %s: %s\n", file.c_str(), plugin.status().ToString().c_str());
    std::abort();
  }
  return &loaded->emplace(std::string(name), std::move(*plugin)).first->second;
}

}  // namespace needlework::fuzz
