// What the kit requires of a manifest: what the host validates, and what it assumes.
#ifndef NEEDLEWORK_SDK_TESTING_MANIFEST_RULES_H_
#define NEEDLEWORK_SDK_TESTING_MANIFEST_RULES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "needlework/plugin/v1/manifest.pb.h"

namespace needlework::conformance {

// Every problem with `manifest` from a plugin built at ABI 1.`abi_minor`: the id is
// reverse-DNS (com.acme.rf), the version semantic (1.2.3, 1.2.3-rc.1), at least one hook,
// each known to this SDK, listed once and no newer than the plugin's ABI minor, the default
// config and the schema (when given) JSON objects, dependencies named by reverse-DNS ids.
std::vector<std::string> ManifestProblems(const plugin::v1::Manifest& manifest, uint32_t abi_minor);

// Where two describe() answers differ (id, version, hooks, default config), or "".
std::string ManifestDifference(const plugin::v1::Manifest& first,
                               const plugin::v1::Manifest& second);

}  // namespace needlework::conformance

#endif  // NEEDLEWORK_SDK_TESTING_MANIFEST_RULES_H_
