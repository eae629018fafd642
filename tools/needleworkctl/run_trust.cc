// The Runner's plugin-signing commands. Local: they read and write files, never call a host.
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "host/plugins/ed25519.h"
#include "host/plugins/signature.h"
#include "plugin_file.h"
#include "runner.h"

namespace needlework::ctl {
namespace {

namespace fs = std::filesystem;

// Writes `text` to a new file with `mode`; ALREADY_EXISTS rather than overwrite a key.
Status WriteNewFile(const std::string& path, const std::string& text, mode_t mode) {
  if (fs::exists(path)) return AlreadyExistsError(path + " exists; not overwriting a key");
  std::ofstream(path).close();
  if (::chmod(path.c_str(), mode) != 0) return InternalError("cannot chmod " + path);
  std::ofstream out(path, std::ios::trunc);
  out << text;
  if (!out.flush()) return InternalError("cannot write " + path);
  return OkStatus();
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

}  // namespace

int Runner::PluginKeygen() {
  std::string name = command_.display_name.empty() ? "signing" : command_.display_name;
  std::string private_file = (fs::path(command_.out_dir) / (name + ".key.pem")).string();
  std::string public_file = (fs::path(command_.out_dir) / (name + ".pub.pem")).string();
  std::error_code error;
  fs::create_directories(command_.out_dir, error);
  StatusOr<signing::KeyPair> pair = signing::GenerateKeyPair();
  if (!pair.ok()) return LocalError(pair.status());
  Status wrote = WriteNewFile(private_file, pair->private_pem, 0600);
  if (wrote.ok()) wrote = WriteNewFile(public_file, pair->public_pem, 0644);
  if (!wrote.ok()) return LocalError(wrote);
  RenderKeygen(*signing::Fingerprint(pair->public_pem), private_file, public_file, out_);
  return kExitOk;
}

int Runner::PluginSign() {
  const std::string& file = command_.plugin_files.front();
  StatusOr<std::string> key = ReadWholeFile(command_.key_file);
  StatusOr<std::string> sha256 = HashPluginFile(file);
  if (!key.ok() || !sha256.ok()) return LocalError(!key.ok() ? key.status() : sha256.status());
  StatusOr<needlework::plugin::v1::Manifest> manifest = ReadPluginManifest(file);
  if (!manifest.ok()) return LocalError(manifest.status());
  auto signature = signing::SignPlugin(*key, *sha256, signing::ManifestSha256(*manifest));
  if (!signature.ok()) return LocalError(signature.status().WithPrefix(command_.key_file));
  std::string sig_file = file + std::string(signing::kSignatureSuffix);
  Status wrote = WriteFile(sig_file, signing::FormatSignature(*signature));
  if (!wrote.ok()) return LocalError(wrote);
  RenderSigned(*Report(file, *signature), sig_file, out_);
  return kExitOk;
}

int Runner::PluginVerify() {
  const std::string& file = command_.plugin_files.front();
  StatusOr<std::string> key = ReadWholeFile(command_.key_file);
  if (!key.ok()) return LocalError(key.status());
  StatusOr<SignatureReport> report = VerifyFile(file, *key);
  if (!report.ok()) {
    err_ << "needleworkctl: " << file << ": NOT verified: " << report.status().message() << '\n';
    return kExitRpcError;
  }
  RenderVerified(*report, out_);
  return kExitOk;
}

int Runner::PluginHash() {
  for (const std::string& file : command_.plugin_files) {
    StatusOr<std::string> sha256 = HashPluginFile(file);
    if (!sha256.ok()) return LocalError(sha256.status());
    RenderHashLine(*sha256, file, out_);
  }
  return kExitOk;
}

}  // namespace needlework::ctl
