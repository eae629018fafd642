// The plugin-signing commands as needleworkctl declares them; they run in trust_ops.cc.
#include "commands/trust.h"

#include "commands/families.h"
#include "session.h"
#include "setters.h"
#include "syntax.h"

namespace needlework::ctl {
namespace {

using Args = TrustArgs;

}  // namespace

std::vector<Command> TrustCommands() {
  Positional<Args> plugin_file{"plugin-file", AddWord<&Args::plugin_files>, false};
  Flag<Args> key{"key", FlagKind::kValue, SetText<&Args::key_file>};
  return {
      MakeCommand<Args>(
          {"plugin keygen", "--out DIR [--name NAME]",
           "Make an Ed25519 key pair for signing plugins",
           "Writes DIR/NAME.key.pem (the private key, PKCS#8, mode 0600: keep it secret) and\n"
           "DIR/NAME.pub.pem (the public key, for the host's plugin_trust.signers), and prints\n"
           "the key's fingerprint. NAME defaults to 'signing'. Refuses to overwrite a key."},
          {.flags = {{"out", FlagKind::kValue, SetText<&Args::out_dir>},
                     {"name", FlagKind::kValueOrEmpty, SetText<&Args::display_name>}},
           .required = {"out"}},
          +[](const Args& args, Session& session) {
            return PluginKeygen(args, session.out(), session.err());
          }),
      MakeCommand<Args>(
          {"plugin sign", "<plugin-file> --key PRIVATE.pem",
           "Sign a plugin file (writes <plugin-file>.sig)",
           "Hashes the file, loads it to read its manifest (as the host would), and writes\n"
           "<plugin-file>.sig: an Ed25519 signature over the file's SHA-256 and the manifest's.\n"
           "Ship the .sig beside the .so. Sign the very file you ship: changing one byte\n"
           "afterwards (strip, re-link) invalidates it."},
          {.positionals = {plugin_file}, .flags = {key}, .required = {"key"}},
          +[](const Args& args, Session& session) {
            return PluginSign(args, session.out(), session.err());
          }),
      MakeCommand<Args>(
          {"plugin verify", "<plugin-file> --key PUBLIC.pem",
           "Check a plugin's signature as the host will",
           "Checks <plugin-file>.sig against the file's bytes and the public key, before the\n"
           "plugin is loaded, then loads it and checks the signed manifest. Exit status 0 when\n"
           "it verifies, 1 when it does not (no .sig, another key, a changed file), 2 when\n"
           "the key cannot be read."},
          {.positionals = {plugin_file}, .flags = {key}, .required = {"key"}},
          +[](const Args& args, Session& session) {
            return PluginVerify(args, session.out(), session.err());
          }),
      MakeCommand<Args>(
          {"plugin hash", "<plugin-file>...",
           "Print plugin files' SHA-256, for the approved catalog",
           "One line per file, in `sha256sum` format (\"<hex>  <file>\"), the format "
           "of the host's\n"
           "plugin_trust.approved_file. Reads the files only; loads nothing."},
          {.positionals = {{"plugin-file", AddWord<&Args::plugin_files>, true}}},
          +[](const Args& args, Session& session) {
            return PluginHash(args, session.out(), session.err());
          }),
  };
}

}  // namespace needlework::ctl
