// plugin keygen, sign, verify, hash. Local: they read and write files, never call a host;
// needleworkctl and needlework-plugin-sign (tools/plugin_sign) both run them.
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "commands/trust.h"
#include "ctl.h"
#include "host/common/secret_file.h"
#include "host/plugins/ed25519.h"
#include "host/plugins/signature.h"
#include "plugin_file.h"

namespace needlework::ctl {
namespace {

namespace fs = std::filesystem;
using Args = TrustArgs;

// A local failure: "needleworkctl: <message>" on `err`, and the usage exit code.
int LocalError(std::ostream& err, const Status& status) {
  err << "needleworkctl: " << status.message() << '\n';
  return kExitUsage;
}

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

}  // namespace

int PluginKeygen(const Args& args, std::ostream& out, std::ostream& err) {
  std::string name = args.display_name.empty() ? "signing" : args.display_name;
  std::string private_file = (fs::path(args.out_dir) / (name + ".key.pem")).string();
  std::string public_file = (fs::path(args.out_dir) / (name + ".pub.pem")).string();
  std::error_code error;
  fs::create_directories(args.out_dir, error);
  StatusOr<signing::KeyPair> pair = signing::GenerateKeyPair();
  if (!pair.ok()) return LocalError(err, pair.status());
  Status wrote = WriteKeyFile(private_file, pair->private_pem, 0600);
  if (wrote.ok()) wrote = WriteKeyFile(public_file, pair->public_pem, 0644);
  if (!wrote.ok()) return LocalError(err, wrote);
  RenderKeygen(*signing::Fingerprint(pair->public_pem), private_file, public_file, out);
  return kExitOk;
}

int PluginSign(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string& file = args.plugin_files.front();
  StatusOr<std::string> key = ReadWholeFile(args.key_file);
  StatusOr<std::string> sha256 = HashPluginFile(file);
  if (!key.ok() || !sha256.ok()) {
    return LocalError(err, !key.ok() ? key.status() : sha256.status());
  }
  StatusOr<needlework::plugin::v1::Manifest> manifest = ReadPluginManifest(file);
  if (!manifest.ok()) return LocalError(err, manifest.status());
  auto signature = signing::SignPlugin(*key, *sha256, signing::ManifestSha256(*manifest));
  if (!signature.ok()) return LocalError(err, signature.status().WithPrefix(args.key_file));
  std::string sig_file = file + std::string(signing::kSignatureSuffix);
  Status wrote = WriteFile(sig_file, signing::FormatSignature(*signature));
  if (!wrote.ok()) return LocalError(err, wrote);
  RenderSigned(*Report(file, *signature), sig_file, out);
  return kExitOk;
}

int PluginVerify(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string& file = args.plugin_files.front();
  StatusOr<std::string> key = ReadWholeFile(args.key_file);
  if (!key.ok()) return LocalError(err, key.status());
  StatusOr<SignatureReport> report = VerifyFile(file, *key);
  if (!report.ok()) {
    err << "needleworkctl: " << file << ": NOT verified: " << report.status().message() << '\n';
    return kExitRpcError;
  }
  RenderVerified(*report, out);
  return kExitOk;
}

int PluginHash(const Args& args, std::ostream& out, std::ostream& err) {
  for (const std::string& file : args.plugin_files) {
    StatusOr<std::string> sha256 = HashPluginFile(file);
    if (!sha256.ok()) return LocalError(err, sha256.status());
    RenderHashLine(*sha256, file, out);
  }
  return kExitOk;
}

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

}  // namespace needlework::ctl
