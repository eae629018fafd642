// Deciding whether a plugin file may be loaded, before any of its code runs.
//
// In enforce mode a file is loaded only when (1) its SHA-256 is in the approved catalog and
// (2) `<file>.sig` holds a valid Ed25519 signature by a listed signer over that hash and a
// manifest hash; after loading, (3) the manifest the plugin describes must be the signed one.
// (1) and (2) read only the file's bytes, so the code of an unapproved or unsigned file
// never runs. The bytes hashed are the bytes loaded: the file is opened once (no symlinks),
// hashed from that descriptor, and the library is loaded from the same descriptor
// (/proc/self/fd/N), so renaming another file into place after the check loads nothing new.
#ifndef NEEDLEWORK_HOST_PLUGINS_TRUST_H_
#define NEEDLEWORK_HOST_PLUGINS_TRUST_H_

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "host/plugins/signature.h"
#include "host/plugins/trust_config.h"
#include "needlework/plugin/v1/manifest.pb.h"
#include "needlework/status.h"

namespace needlework::host {

// A plugin file opened for checking. Owns `fd` until Release().
class OpenedPlugin {
 public:
  OpenedPlugin(std::string file, int fd, std::string sha256);
  OpenedPlugin(OpenedPlugin&& other) noexcept;
  OpenedPlugin& operator=(OpenedPlugin&&) = delete;
  ~OpenedPlugin();  // closes fd unless released

  const std::string& file() const { return file_; }
  const std::string& sha256() const { return sha256_; }
  // "/proc/self/fd/N": loading this path maps exactly the bytes that were hashed.
  std::string LoadPath() const;
  // Keeps fd open for the life of the process: a library loaded through LoadPath() is known
  // to the dynamic loader by that name, so the number must never be reused.
  void Release() { fd_ = -1; }

 private:
  std::string file_;
  int fd_;
  std::string sha256_;
};

// Why a plugin is trusted: who signed it.
struct TrustVerdict {
  std::string signer_id;
  signing::PluginSignature signature;
};

class PluginTrust {
 public:
  // Reads the signer keys and the approved file. INVALID_ARGUMENT naming the config key when
  // a key file is unreadable or not an Ed25519 public key, or the approved file is malformed.
  static StatusOr<PluginTrust> Create(const PluginTrustConfig& config);

  bool enforcing() const { return mode_ == TrustMode::kEnforce; }

  // FAILED_PRECONDITION when `dir` is a symlink or world-writable (anyone could plant a
  // plugin there), with a message saying what to do.
  static Status CheckDirectory(const std::string& dir);

  // Opens `file` without following a symlink, refuses a world-writable or non-regular file,
  // and hashes it. FAILED_PRECONDITION naming the problem.
  static StatusOr<OpenedPlugin> Open(const std::string& file);

  // Enforce mode, before loading: approved hash, then a valid signature by a listed signer.
  // FAILED_PRECONDITION whose message says which check failed and which config key fixes it.
  StatusOr<TrustVerdict> CheckBeforeLoad(const OpenedPlugin& plugin) const;

  // After loading: the manifest is the one that was signed. FAILED_PRECONDITION otherwise.
  static Status CheckManifest(const TrustVerdict& verdict,
                              const needlework::plugin::v1::Manifest& manifest);

  // One line for people: "approved; signed by acme (ed25519:...)".
  static std::string Describe(const TrustVerdict& verdict);

 private:
  struct Signer {
    std::string id;
    std::string public_pem;
    std::string fingerprint;
  };
  const Signer* FindSigner(const std::string& fingerprint) const;
  StatusOr<signing::PluginSignature> ReadSignature(const std::string& file) const;

  TrustMode mode_ = TrustMode::kEnforce;
  bool configured_ = false;
  std::vector<Signer> signers_;
  std::set<std::string> approved_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_PLUGINS_TRUST_H_
