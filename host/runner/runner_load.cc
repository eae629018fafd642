#include "host/runner/runner_load.h"

#include "host/plugins/trust.h"
#include "host/plugins/trusted_load.h"

namespace needlework::host::runner {
namespace {

Status CheckSameBytes(const OpenedPlugin& opened, const isolation::RunnerArgs& args) {
  if (opened.sha256() == args.sha256) return OkStatus();
  return FailedPreconditionError("the plugin file " + args.plugin_file +
                                 " changed after the host checked it: its sha256 is now " +
                                 opened.sha256() + ", not the approved " + args.sha256 +
                                 "; restore the file, or restart the host to check the new one");
}

Status CheckSameManifest(const LoadedPlugin& plugin, const isolation::RunnerArgs& args) {
  const auto& manifest = plugin.manifest;
  if (manifest.id() == args.plugin_id && manifest.version() == args.plugin_version) {
    return OkStatus();
  }
  return FailedPreconditionError("the plugin file " + args.plugin_file + " describes " +
                                 manifest.id() + " " + manifest.version() + ", not the " +
                                 args.plugin_id + " " + args.plugin_version + " the host loaded");
}

}  // namespace

StatusOr<LoadedPlugin> LoadApprovedPlugin(const isolation::RunnerArgs& args) {
  PluginTrustConfig config;
  config.mode = args.trust_mode;
  config.present = true;
  config.signers = args.signers;
  config.approved_sha256 = {args.sha256};
  NW_ASSIGN_OR_RETURN(PluginTrust trust, PluginTrust::Create(config));
  StatusOr<OpenedPlugin> opened = trust.Open(args.plugin_file);
  if (!opened.ok()) return opened.status().WithPrefix("the plugin file " + args.plugin_file);
  NW_RETURN_IF_ERROR(CheckSameBytes(*opened, args));
  NW_ASSIGN_OR_RETURN(TrustedPlugin loaded, LoadTrusted(*opened, trust));
  NW_RETURN_IF_ERROR(CheckSameManifest(loaded.plugin, args));
  loaded.plugin.file = args.plugin_file;
  loaded.plugin.sha256 = args.sha256;
  return std::move(loaded.plugin);
}

}  // namespace needlework::host::runner
