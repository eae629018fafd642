// Loading an opened plugin file as the trust settings allow. The one path both the host's
// catalog and needlework-plugin-runner take, so a plugin is checked the same way in both.
#ifndef NEEDLEWORK_HOST_PLUGINS_TRUSTED_LOAD_H_
#define NEEDLEWORK_HOST_PLUGINS_TRUSTED_LOAD_H_

#include <string>

#include "host/plugins/plugin_library.h"
#include "host/plugins/trust.h"

namespace needlework::host {

// Why a plugin loaded in development mode is not trusted.
inline constexpr char kUntrustedReason[] =
    "untrusted: development mode (plugin_trust.mode), neither approval nor signature checked";

struct TrustedPlugin {
  LoadedPlugin plugin;
  bool trusted = false;      // approved and signed, checked before loading (enforce mode)
  std::string trust_reason;  // "approved; signed by ..." or kUntrustedReason
};

// Loads the sealed bytes of `opened` (LoadPluginLibrary), unverified in development mode; in
// enforce mode after CheckBeforeLoad, and then CheckManifest. FAILED_PRECONDITION naming the
// problem and the file.
StatusOr<TrustedPlugin> LoadTrusted(OpenedPlugin& opened, const PluginTrust& trust);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_PLUGINS_TRUSTED_LOAD_H_
