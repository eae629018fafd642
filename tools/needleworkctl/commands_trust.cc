// The command table's plugin-signing part: keygen, sign, verify, hash. They run locally and
// never call a host, so a vendor can sign on a build machine.
#include "command_groups.h"

namespace needlework::ctl {
namespace {

Status AddPluginFile(const std::string& word, Command* command) {
  command->plugin_files.push_back(word);
  return OkStatus();
}

constexpr Positional kPluginFile{"plugin-file", AddPluginFile, false};
constexpr Positional kPluginFiles{"plugin-file", AddPluginFile, true};

}  // namespace

std::vector<CommandInfo> TrustCommands() {
  return {
      {CommandKind::kPluginKeygen,
       "plugin keygen",
       "--out DIR [--name NAME]",
       "Make an Ed25519 key pair for signing plugins",
       "Writes DIR/NAME.key.pem (the private key, PKCS#8, mode 0600: keep it secret) and\n"
       "DIR/NAME.pub.pem (the public key, for the host's plugin_trust.signers), and prints\n"
       "the key's fingerprint. NAME defaults to 'signing'. Refuses to overwrite a key.",
       {},
       {"out", "name"},
       {"out"},
       nullptr},
      {CommandKind::kPluginSign,
       "plugin sign",
       "<plugin-file> --key PRIVATE.pem",
       "Sign a plugin file (writes <plugin-file>.sig)",
       "Hashes the file, loads it to read its manifest (as the host would), and writes\n"
       "<plugin-file>.sig: an Ed25519 signature over the file's SHA-256 and the manifest's.\n"
       "Ship the .sig beside the .so. Sign the very file you ship: changing one byte\n"
       "afterwards (strip, re-link) invalidates it.",
       {kPluginFile},
       {"key"},
       {"key"},
       nullptr},
      {CommandKind::kPluginVerify,
       "plugin verify",
       "<plugin-file> --key PUBLIC.pem",
       "Check a plugin's signature as the host will",
       "Checks <plugin-file>.sig against the file's bytes and the public key, before the\n"
       "plugin is loaded, then loads it and checks the signed manifest. Exit status 0 when\n"
       "it verifies, 1 when it does not (no .sig, another key, a changed file), 2 when\n"
       "the key cannot be read.",
       {kPluginFile},
       {"key"},
       {"key"},
       nullptr},
      {CommandKind::kPluginHash,
       "plugin hash",
       "<plugin-file>...",
       "Print plugin files' SHA-256, for the approved catalog",
       "One line per file, in `sha256sum` format (\"<hex>  <file>\"), the format of the host's\n"
       "plugin_trust.approved_file. Reads the files only; loads nothing.",
       {kPluginFiles},
       {},
       {},
       nullptr},
  };
}

}  // namespace needlework::ctl
