// libFuzzer target: a clinic admin's plugin config, on the path EnablePlugin and
// SetPluginConfig take (ClinicPluginManager -> CreateInstanceWithin -> PluginInstance::Create):
// the size and depth bound, the parse, the JSON merge patch onto the manifest's defaults, then
// a real built-in plugin's create_instance (its config validation) and, for a catalog plugin,
// the host's check of the therapies it offers with that config.
//
// Input: the built-in plugin's name on the first line ("screening", "radiofrequency", ...),
// the config_json patch after it. Any answer is fine; a crash, leak or sanitizer report is not.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/builtin_plugins.h"
#include "host/plugins/plugin_instance.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t newline = input.find('\n');
  if (newline == std::string_view::npos) return 0;
  const auto* plugin = needlework::fuzz::BuiltInPlugin(input.substr(0, newline));
  if (plugin == nullptr) return -1;  // not a plugin: keep such inputs out of the corpus
  std::string patch(input.substr(newline + 1));
  auto instance = needlework::host::PluginInstance::Create(*plugin, "clinic-fuzz", patch);
  if (instance.ok()) (void)(*instance)->therapies().size();
  return 0;
}
