// Loading one plugin file: Boost.DLL, the version block first, then the manifest.
#ifndef NEEDLEWORK_HOST_PLUGINS_PLUGIN_LIBRARY_H_
#define NEEDLEWORK_HOST_PLUGINS_PLUGIN_LIBRARY_H_

#include <string>
#include <string_view>

#include "host/plugins/opened_plugin.h"
#include "needlework/plugin/v1/manifest.pb.h"
#include "needlework/plugin_abi.h"
#include "needlework/status.h"
#include "sdk/layout/plugin_layouts.h"

namespace needlework::host {

// The build key this host was compiled with; a plugin's must match it exactly.
const char* HostBuildKey();

// A plugin library that passed every check. The library is never unloaded (DESIGN: never
// dlclose), so `api` and everything it points to stay valid for the life of the process.
struct LoadedPlugin {
  std::string file;
  const nw_plugin_api* api = nullptr;  // static table inside the library; never freed
  needlework::plugin::v1::Manifest manifest;
  layout::LayoutVerdict layout;  // how its message layouts compared with the host's
  std::string sha256{};  // of the file's bytes as the catalog checked them (set by the catalog)
};

// Every problem with a version block (major, minor, build key, struct_size for its minor),
// joined by "; ". Empty when the plugin is acceptable. Separate from loading so the rules
// can be tested on plain structs.
std::string CheckVersionBlock(const nw_plugin_api& api);

// The host's own SDK: the message layouts compiled into it from the SDK headers must be
// those of the libneedlework_sdk.so it runs with. FAILED_PRECONDITION naming each message
// that differs (a host and an SDK library from different builds) and what to install.
Status CheckSdkLibrary();

// Loads the sealed bytes of `plugin` (its LoadPath()), checks its version block and then its
// message layouts against the host's (layout::CheckMessageLayouts) before calling anything
// else, then asks for its manifest, validates it, and refuses it when the manifest's
// host_versions range excludes this host's release (SdkVersion()), naming the range. The memfd is
// released to the dynamic loader, which knows the library by its /proc/self/fd path, so it stays
// open for the life of the process. FAILED_PRECONDITION with a message naming every problem, and
// the plugin's file rather than the descriptor path, when the plugin is refused (the library stays
// mapped but is never used). `file` of the result is plugin.file().
StatusOr<LoadedPlugin> LoadPluginLibrary(OpenedPlugin& plugin);

// The same for `file`, opened and sealed here, without PluginTrust's checks: for tests and
// tools that load a plugin of their own build. FAILED_PRECONDITION "cannot load: ..." when it
// cannot be opened or sealed.
StatusOr<LoadedPlugin> LoadPluginLibrary(const std::string& file);

// Decodes the bytes describe() wrote (a serialized Manifest) and validates them with
// ValidateManifest. FAILED_PRECONDITION naming what is wrong; never crashes on any bytes.
StatusOr<needlework::plugin::v1::Manifest> DecodeManifest(std::string_view bytes);

// A manifest the host can route: reverse-DNS id, a semantic version, known hooks, a
// JSON-object default config, a well-formed host_versions range (plugin_version.h).
// INVALID_ARGUMENT naming every problem.
Status ValidateManifest(const needlework::plugin::v1::Manifest& manifest);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_PLUGINS_PLUGIN_LIBRARY_H_
