// plugin keygen, sign, verify, hash. Local: they read and write files, never call a host.
#include "commands/trust.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "commands/families.h"
#include "host/common/secret_file.h"
#include "host/plugins/ed25519.h"
#include "host/plugins/signature.h"
#include "plugin_file.h"
#include "session.h"
#include "setters.h"
#include "syntax.h"

namespace needlework::ctl {
namespace {

namespace fs = std::filesystem;
using Args = TrustArgs;

// Writes `text` to a new key file with `mode` from creation (O_EXCL, O_NOFOLLOW):
// ALREADY_EXISTS rather than overwrite a key, FAILED_PRECONDITION for a symlink.
Status WriteKeyFile(const std::string& path, const std::string& text, mode_t mode) {
  Status wrote = host::WriteNewFile(path, text, mode);
  if (wrote.code() == StatusCode::kAlreadyExists) {
    return AlreadyExistsError(path + " exists; not overwriting a key");
  }
  return wrote;
}

Status WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::trunc);
  out << text;
  if (!out.flush()) return InternalError("cannot write " + path);
  return OkStatus();
}

StatusOr<SignatureReport> Report(const std::string& file,
                                 const signing::PluginSignature& signature) {
  NW_ASSIGN_OR_RETURN(auto manifest, ReadPluginManifest(file));
  return SignatureReport{file,
                         manifest.id(),
                         manifest.version(),
                         signature.file_sha256,
                         signing::ManifestSha256(manifest),
                         signature.key};
}

// Verifies `file` against its .sig with `public_pem`: the file's bytes first, and only then
// loads it to compare the manifest (so an unsigned file's code never runs).
StatusOr<SignatureReport> VerifyFile(const std::string& file, const std::string& public_pem) {
  NW_ASSIGN_OR_RETURN(std::string sha256, HashPluginFile(file));
  std::string sig_file = file + std::string(signing::kSignatureSuffix);
  NW_ASSIGN_OR_RETURN(std::string text, ReadWholeFile(sig_file));
  StatusOr<signing::PluginSignature> parsed = signing::ParseSignature(text);
  if (!parsed.ok()) return parsed.status().WithPrefix(sig_file);
  const signing::PluginSignature& signature = *parsed;
  NW_RETURN_IF_ERROR(signing::VerifyPluginSignature(signature, public_pem, sha256));
  NW_ASSIGN_OR_RETURN(SignatureReport report, Report(file, signature));
  if (report.manifest_sha256 != signature.manifest_sha256) {
    return PermissionDeniedError("the manifest is not the one signed (" +
                                 signature.manifest_sha256 + ")");
  }
  return report;
}

void PrintPlugin(const SignatureReport& report, std::ostream& out) {
  out << "  plugin:          " << report.plugin_id << ' ' << report.plugin_version << '\n'
      << "  file-sha256:     " << report.file_sha256 << '\n'
      << "  manifest-sha256: " << report.manifest_sha256 << '\n'
      << "  key:             " << report.key << '\n';
}

int PluginKeygen(const Args& args, Session& session) {
  std::string name = args.display_name.empty() ? "signing" : args.display_name;
  std::string private_file = (fs::path(args.out_dir) / (name + ".key.pem")).string();
  std::string public_file = (fs::path(args.out_dir) / (name + ".pub.pem")).string();
  std::error_code error;
  fs::create_directories(args.out_dir, error);
  StatusOr<signing::KeyPair> pair = signing::GenerateKeyPair();
  if (!pair.ok()) return session.LocalError(pair.status());
  Status wrote = WriteKeyFile(private_file, pair->private_pem, 0600);
  if (wrote.ok()) wrote = WriteKeyFile(public_file, pair->public_pem, 0644);
  if (!wrote.ok()) return session.LocalError(wrote);
  RenderKeygen(*signing::Fingerprint(pair->public_pem), private_file, public_file, session.out());
  return kExitOk;
}

int PluginSign(const Args& args, Session& session) {
  const std::string& file = args.plugin_files.front();
  StatusOr<std::string> key = ReadWholeFile(args.key_file);
  StatusOr<std::string> sha256 = HashPluginFile(file);
  if (!key.ok() || !sha256.ok()) {
    return session.LocalError(!key.ok() ? key.status() : sha256.status());
  }
  StatusOr<needlework::plugin::v1::Manifest> manifest = ReadPluginManifest(file);
  if (!manifest.ok()) return session.LocalError(manifest.status());
  auto signature = signing::SignPlugin(*key, *sha256, signing::ManifestSha256(*manifest));
  if (!signature.ok()) return session.LocalError(signature.status().WithPrefix(args.key_file));
  std::string sig_file = file + std::string(signing::kSignatureSuffix);
  Status wrote = WriteFile(sig_file, signing::FormatSignature(*signature));
  if (!wrote.ok()) return session.LocalError(wrote);
  RenderSigned(*Report(file, *signature), sig_file, session.out());
  return kExitOk;
}

int PluginVerify(const Args& args, Session& session) {
  const std::string& file = args.plugin_files.front();
  StatusOr<std::string> key = ReadWholeFile(args.key_file);
  if (!key.ok()) return session.LocalError(key.status());
  StatusOr<SignatureReport> report = VerifyFile(file, *key);
  if (!report.ok()) {
    session.err() << "needleworkctl: " << file << ": NOT verified: " << report.status().message()
                  << '\n';
    return kExitRpcError;
  }
  RenderVerified(*report, session.out());
  return kExitOk;
}

int PluginHash(const Args& args, Session& session) {
  for (const std::string& file : args.plugin_files) {
    StatusOr<std::string> sha256 = HashPluginFile(file);
    if (!sha256.ok()) return session.LocalError(sha256.status());
    RenderHashLine(*sha256, file, session.out());
  }
  return kExitOk;
}

}  // namespace

void RenderKeygen(std::string_view fingerprint, std::string_view private_file,
                  std::string_view public_file, std::ostream& out) {
  out << "Key " << fingerprint << "\n"
      << "  private key: " << private_file << "  (mode 0600; keep it secret, never ship it)\n"
      << "  public key:  " << public_file
      << "  (give it to hosts: plugin_trust.signers[].public_key_file)\n";
}

void RenderSigned(const SignatureReport& report, std::string_view signature_file,
                  std::ostream& out) {
  out << "Signed " << report.plugin_file << "\n";
  PrintPlugin(report, out);
  out << "  signature:       " << signature_file << "  (ship it beside the plugin)\n";
}

void RenderVerified(const SignatureReport& report, std::ostream& out) {
  out << "Verified " << report.plugin_file << "\n";
  PrintPlugin(report, out);
}

void RenderHashLine(std::string_view sha256, std::string_view file, std::ostream& out) {
  out << sha256 << "  " << file << '\n';
}

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
          PluginKeygen),
      MakeCommand<Args>(
          {"plugin sign", "<plugin-file> --key PRIVATE.pem",
           "Sign a plugin file (writes <plugin-file>.sig)",
           "Hashes the file, loads it to read its manifest (as the host would), and writes\n"
           "<plugin-file>.sig: an Ed25519 signature over the file's SHA-256 and the manifest's.\n"
           "Ship the .sig beside the .so. Sign the very file you ship: changing one byte\n"
           "afterwards (strip, re-link) invalidates it."},
          {.positionals = {plugin_file}, .flags = {key}, .required = {"key"}}, PluginSign),
      MakeCommand<Args>(
          {"plugin verify", "<plugin-file> --key PUBLIC.pem",
           "Check a plugin's signature as the host will",
           "Checks <plugin-file>.sig against the file's bytes and the public key, before the\n"
           "plugin is loaded, then loads it and checks the signed manifest. Exit status 0 when\n"
           "it verifies, 1 when it does not (no .sig, another key, a changed file), 2 when\n"
           "the key cannot be read."},
          {.positionals = {plugin_file}, .flags = {key}, .required = {"key"}}, PluginVerify),
      MakeCommand<Args>({"plugin hash", "<plugin-file>...",
                         "Print plugin files' SHA-256, for the approved catalog",
                         "One line per file, in `sha256sum` format (\"<hex>  <file>\"), the format "
                         "of the host's\n"
                         "plugin_trust.approved_file. Reads the files only; loads nothing."},
                        {.positionals = {{"plugin-file", AddWord<&Args::plugin_files>, true}}},
                        PluginHash),
  };
}

}  // namespace needlework::ctl
