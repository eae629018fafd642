#include "host/plugins/trust.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "host/common/log.h"
#include "host/plugins/ed25519.h"

namespace needlework::host {
namespace {

constexpr char kEnforceHint[] =
    "; on a development machine set plugin_trust.mode: development instead";

StatusOr<std::string> ReadText(const std::string& path, const std::string& key) {
  std::ifstream in(path);
  if (!in) {
    return InvalidArgumentError("config key '" + key + "': cannot read " + path + ": " +
                                std::strerror(errno));
  }
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// `sha256sum` output: "<hex>  <name>" (or "<hex> *<name>") per line; '#' starts a comment.
Status ReadApprovedFile(const std::string& path, std::set<std::string>& approved) {
  NW_ASSIGN_OR_RETURN(std::string text, ReadText(path, "plugin_trust.approved_file"));
  std::istringstream lines(text);
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    std::string hash = line.substr(0, line.find_first_of(" \t"));
    if (!signing::IsSha256Hex(hash)) {
      return InvalidArgumentError("config key 'plugin_trust.approved_file': " + path + " line " +
                                  std::to_string(number) +
                                  " does not start with 64 lower-case hex digits");
    }
    approved.insert(hash);
  }
  return OkStatus();
}

Status Refused(const std::string& what) { return FailedPreconditionError(what); }

}  // namespace

StatusOr<PluginTrust> PluginTrust::Create(const PluginTrustConfig& config) {
  PluginTrust trust;
  trust.mode_ = config.mode;
  trust.configured_ = config.present;
  trust.approved_.insert(config.approved_sha256.begin(), config.approved_sha256.end());
  if (!config.approved_file.empty()) {
    NW_RETURN_IF_ERROR(ReadApprovedFile(config.approved_file, trust.approved_));
  }
  for (size_t i = 0; i < config.signers.size(); ++i) {
    std::string key = "plugin_trust.signers[" + std::to_string(i) + "].public_key_file";
    NW_ASSIGN_OR_RETURN(std::string pem, ReadText(config.signers[i].public_key_file, key));
    StatusOr<std::string> fingerprint = signing::Fingerprint(pem);
    if (!fingerprint.ok()) {
      return InvalidArgumentError("config key '" + key + "': " + config.signers[i].public_key_file +
                                  ": " + fingerprint.status().message());
    }
    trust.signers_.push_back({config.signers[i].id, pem, *fingerprint});
  }
  return trust;
}

Status PluginTrust::CheckDirectory(const std::string& dir) const {
  struct stat info {};
  if (::lstat(dir.c_str(), &info) != 0) {
    return NotFoundError("plugin directory " + dir + ": " + std::strerror(errno));
  }
  if (S_ISLNK(info.st_mode)) {
    return Refused("plugin directory " + dir +
                   " is a symlink; list the real directory in plugin_dirs, so what is loaded "
                   "cannot be changed by re-pointing a link");
  }
  if (!S_ISDIR(info.st_mode)) return Refused("plugin directory " + dir + " is not a directory");
  return CheckWriters(PluginPathKind::kDirectory, dir, info);
}

StatusOr<OpenedPlugin> PluginTrust::Open(const std::string& file) const {
  int fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0 && errno == ELOOP) {
    return Refused("the plugin file is a symlink; put the real file in the plugin directory");
  }
  if (fd < 0) return Refused(std::string("cannot open: ") + std::strerror(errno));
  StatusOr<OpenedPlugin> sealed = CheckAndSeal(file, fd);
  ::close(fd);
  return sealed;
}

StatusOr<TrustVerdict> PluginTrust::CheckBeforeLoad(const OpenedPlugin& plugin) const {
  if (!approved_.contains(plugin.sha256())) return NotApproved(plugin);
  NW_ASSIGN_OR_RETURN(signing::PluginSignature signature, ReadSignature(plugin.file()));
  const Signer* signer = FindSigner(signature.key);
  if (signer == nullptr) {
    return Refused("signed by key " + signature.key +
                   ", which is not in plugin_trust.signers (unknown signer)");
  }
  Status valid = signing::VerifyPluginSignature(signature, signer->public_pem, plugin.sha256());
  if (!valid.ok()) return Refused("bad signature by '" + signer->id + "': " + valid.message());
  return TrustVerdict{signer->id, std::move(signature)};
}

Status PluginTrust::CheckManifest(const TrustVerdict& verdict,
                                  const needlework::plugin::v1::Manifest& manifest) {
  std::string actual = signing::ManifestSha256(manifest);
  if (actual == verdict.signature.manifest_sha256) return OkStatus();
  return Refused("the manifest (" + manifest.id() + " " + manifest.version() + ", sha256 " +
                 actual + ") is not the one '" + verdict.signer_id + "' signed (" +
                 verdict.signature.manifest_sha256 + ")");
}

std::string PluginTrust::Describe(const TrustVerdict& verdict) {
  return "approved; signed by " + verdict.signer_id + " (" + verdict.signature.key + ")";
}

Status PluginTrust::NotApproved(const OpenedPlugin& plugin) const {
  StatusOr<signing::PluginSignature> signature = ReadSignature(plugin.file());
  if (signature.ok() && approved_.contains(signature->file_sha256)) {
    return Refused("not approved: sha256 " + plugin.sha256() + " differs from the approved " +
                   signature->file_sha256 + " that " + plugin.file() +
                   ".sig was made for, so the file changed after it was approved and signed "
                   "(rewritten in place?); put the approved build back, or have the new one "
                   "signed and approve its hash");
  }
  std::string hint = configured_ ? "" : " (the config has no plugin_trust section)";
  return Refused("not approved: sha256 " + plugin.sha256() +
                 " is in neither plugin_trust.approved nor plugin_trust.approved_file" + hint +
                 kEnforceHint);
}

StatusOr<OpenedPlugin> PluginTrust::CheckAndSeal(const std::string& file, int fd) const {
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    return Refused("the plugin file is not a regular file");
  }
  NW_RETURN_IF_ERROR(CheckWriters(PluginPathKind::kFile, file, info));
  return OpenedPlugin::Seal(file, fd);
}

Status PluginTrust::OnlyEnforced(Status problem, const std::string& path) const {
  if (problem.ok() || enforcing()) return problem;
  LogEvent(Level::kWarning, "plugin_permissions",
           {{"path", path}, {"message", problem.message() + " (refused in enforce mode)"}});
  return OkStatus();
}

Status PluginTrust::CheckWriters(PluginPathKind kind, const std::string& path,
                                 const struct stat& info) const {
  NW_RETURN_IF_ERROR(CheckNotWorldWritable(kind, path, info));
  return OnlyEnforced(CheckOnlyRootOrHostCanWrite(kind, path, info, ::geteuid()), path);
}

const PluginTrust::Signer* PluginTrust::FindSigner(const std::string& fingerprint) const {
  for (const Signer& signer : signers_) {
    if (signer.fingerprint == fingerprint) return &signer;
  }
  return nullptr;
}

StatusOr<signing::PluginSignature> PluginTrust::ReadSignature(const std::string& file) const {
  std::string path = file + std::string(signing::kSignatureSuffix);
  std::ifstream in(path);
  if (!in) {
    return Refused("unsigned: no signature file " + path +
                   " (make one with: needleworkctl plugin sign)");
  }
  std::stringstream text;
  text << in.rdbuf();
  StatusOr<signing::PluginSignature> signature = signing::ParseSignature(text.str());
  if (!signature.ok()) return Refused("malformed " + path + ": " + signature.status().message());
  return signature;
}

}  // namespace needlework::host
