#include "host/plugins/trusted_load.h"

namespace needlework::host {

StatusOr<TrustedPlugin> LoadTrusted(OpenedPlugin& opened, const PluginTrust& trust) {
  if (!trust.enforcing()) {
    NW_ASSIGN_OR_RETURN(LoadedPlugin plugin, LoadPluginLibrary(opened));
    return TrustedPlugin{std::move(plugin), false, kUntrustedReason};
  }
  NW_ASSIGN_OR_RETURN(TrustVerdict verdict, trust.CheckBeforeLoad(opened));
  // From here the sealed bytes' code runs: they are approved and signed.
  NW_ASSIGN_OR_RETURN(LoadedPlugin loaded, LoadPluginLibrary(opened));
  NW_RETURN_IF_ERROR(PluginTrust::CheckManifest(verdict, loaded.manifest));
  return TrustedPlugin{std::move(loaded), true, PluginTrust::Describe(verdict)};
}

}  // namespace needlework::host
