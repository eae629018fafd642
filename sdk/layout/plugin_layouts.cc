#include "sdk/layout/plugin_layouts.h"

#include <vector>

#include "sdk/layout/fingerprint_table.h"

namespace needlework::layout {
namespace {

// The first minor whose API table carries message_fingerprints.
constexpr uint32_t kFingerprintsMinor = 4;

LayoutVerdict Unchecked(const nw_plugin_api& api, std::string_view sdk_version) {
  return {false, "unchecked: ABI 1." + std::to_string(api.abi_minor) +
                     " predates message fingerprints (ABI 1.4); rebuild against Needlework SDK " +
                     std::string(sdk_version) + " to have them checked"};
}

LayoutVerdict Compared(const FingerprintTable& plugin, const FingerprintTable& host) {
  if (plugin.empty()) return {true, "no messages reported (the plugin uses no generated classes)"};
  size_t shared = 0;
  for (const auto& entry : plugin) shared += host.count(entry.first);
  return {true, "message layouts match the host's (" + std::to_string(shared) + " compared)"};
}

}  // namespace

size_t RequiredApiSize(uint32_t abi_minor) {
  return abi_minor >= kFingerprintsMinor ? NEEDLEWORK_API_SIZE_1_4 : NEEDLEWORK_API_SIZE_1_0;
}

StatusOr<LayoutVerdict> CheckMessageLayouts(const nw_plugin_api& api, std::string_view host_table,
                                            std::string_view sdk_version) {
  if (api.abi_minor < kFingerprintsMinor) return Unchecked(api, sdk_version);
  if (api.struct_size < NEEDLEWORK_API_SIZE_1_4) {
    return FailedPreconditionError("struct_size " + std::to_string(api.struct_size) +
                                   " is smaller than ABI 1.4 requires (" +
                                   std::to_string(NEEDLEWORK_API_SIZE_1_4) + ")");
  }
  StatusOr<FingerprintTable> host = ParseFingerprintTable(host_table);
  if (!host.ok()) return InternalError("the host's fingerprint table: " + host.status().message());
  StatusOr<FingerprintTable> plugin =
      ParseFingerprintTable(api.message_fingerprints ? api.message_fingerprints : "");
  if (!plugin.ok()) {
    return FailedPreconditionError("message_fingerprints is malformed: " +
                                   plugin.status().message());
  }
  const std::vector<std::string> differing = DifferingMessages(*plugin, *host);
  if (!differing.empty()) {
    return FailedPreconditionError(
        "the layout of " + std::to_string(differing.size()) +
        " contract message(s) differs from the host's, so the plugin was built against another "
        "SDK: " +
        JoinNames(differing) + "; rebuild it against Needlework SDK " + std::string(sdk_version));
  }
  return Compared(*plugin, *host);
}

}  // namespace needlework::layout
