// The `plugin_trust` section of the host config: which plugin files the host may load.
//
//   plugin_trust:
//     mode: enforce            # or development
//     signers:                 # vendors whose Ed25519 signature the host accepts
//       - {id: acme, public_key_file: keys/acme.pub.pem}
//     approved:                # SHA-256 of each plugin file the admin approved
//       - {sha256: 9f86d0..., note: "com.acme.rf 1.2.0"}
//     approved_file: approved.sha256   # more, in `sha256sum` format ("<hex>  <name>")
//
// Enforce is the default, so a host with no `plugin_trust` loads nothing it was not told to
// trust; each refusal names this key. Development loads every plugin, unverified, and says
// so in the log and in ListPlugins.
#ifndef NEEDLEWORK_HOST_PLUGINS_TRUST_CONFIG_H_
#define NEEDLEWORK_HOST_PLUGINS_TRUST_CONFIG_H_

#include <string>
#include <vector>

#include "needlework/status.h"

namespace YAML {
class Node;
}

namespace needlework::host {

enum class TrustMode { kEnforce, kDevelopment };

struct SignerConfig {
  std::string id;               // a name for people: logs and ListPlugins say "signed by <id>"
  std::string public_key_file;  // absolute (resolved against the config file's directory)
};

struct PluginTrustConfig {
  TrustMode mode = TrustMode::kEnforce;
  bool present = false;  // the config has a `plugin_trust` key at all
  std::vector<SignerConfig> signers;
  std::vector<std::string> approved_sha256;  // lower-case hex, from `approved`
  std::string approved_file;                 // absolute, or empty
};

// Reads the `plugin_trust` node. Relative paths resolve against `base_dir`. Files are not
// read here (PluginTrust::Create does that). INVALID_ARGUMENT naming the key, e.g.
// "config key 'plugin_trust.signers[1].public_key_file': expected a string".
StatusOr<PluginTrustConfig> ParsePluginTrust(const YAML::Node& node, const std::string& base_dir);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_PLUGINS_TRUST_CONFIG_H_
