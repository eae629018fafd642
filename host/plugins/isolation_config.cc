#include "host/plugins/isolation_config.h"

#include <array>

namespace needlework::host {
namespace {

// The plugins in plugins/ that ship in the needlework-host package.
constexpr std::array<std::string_view, 6> kBuiltInPluginIds = {
    "org.needlework.aftercare",  "org.needlework.prp",       "org.needlework.radiofrequency",
    "org.needlework.scheduling", "org.needlework.screening", "org.needlework.serums"};

}  // namespace

std::string_view IsolationModeName(IsolationMode mode) {
  return mode == IsolationMode::kProcess ? "process" : "in_process";
}

bool IsBuiltInPlugin(const std::string& plugin_id) {
  for (std::string_view id : kBuiltInPluginIds) {
    if (id == plugin_id) return true;
  }
  return false;
}

IsolationMode IsolationConfig::ModeFor(const std::string& plugin_id) const {
  auto it = by_plugin.find(plugin_id);
  if (it != by_plugin.end()) return it->second;
  return IsBuiltInPlugin(plugin_id) ? IsolationMode::kInProcess : default_mode;
}

}  // namespace needlework::host
