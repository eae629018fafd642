// Deciding whether a plugin file may be loaded, before any of its code runs.
//
// In enforce mode a file is loaded only when (1) its SHA-256 is in the approved catalog and
// (2) `<file>.sig` holds a valid Ed25519 signature by a listed signer over that hash and a
// manifest hash; after loading, (3) the manifest the plugin describes must be the signed one.
// (1) and (2) read only the file's bytes, so the code of an unapproved or unsigned file
// never runs.
//
// The bytes checked are the bytes run, in both trust modes and in any process that calls
// these functions (the host, a plugin runner): Open() opens the file once (no symlinks),
// copies it into a sealed memfd (opened_plugin.h) and hashes that copy; CheckBeforeLoad()
// judges that hash; LoadPluginLibrary(OpenedPlugin&) maps that memfd. Renaming another file
// into place, or rewriting, truncating or growing the file in place, before or after the
// library is loaded, changes nothing that was checked or loaded; the next start sees the new
// bytes and judges them afresh.
//
// Who may change plugin files and directories (file_permissions.h): world-writable ones are
// refused in both modes. In enforce mode so are ones writable by a group or owned by anyone
// but root and the host's user (geteuid()); development mode logs those as
// `plugin_permissions` warnings and goes on.
#ifndef NEEDLEWORK_HOST_PLUGINS_TRUST_H_
#define NEEDLEWORK_HOST_PLUGINS_TRUST_H_

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "host/plugins/file_permissions.h"
#include "host/plugins/opened_plugin.h"
#include "host/plugins/signature.h"
#include "host/plugins/trust_config.h"
#include "needlework/plugin/v1/manifest.pb.h"
#include "needlework/status.h"

namespace needlework::host {

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

  // FAILED_PRECONDITION when `dir` is a symlink, not a directory, or (see the top of this
  // file) writable by someone it must not be, with a message saying what to do. NOT_FOUND
  // when it cannot be read.
  Status CheckDirectory(const std::string& dir) const;

  // Opens `file` without following a symlink, refuses a non-regular file or one writable by
  // someone it must not be (see the top of this file), and seals and hashes a copy of its
  // bytes. FAILED_PRECONDITION naming the problem; INTERNAL when sealing fails.
  StatusOr<OpenedPlugin> Open(const std::string& file) const;

  // Enforce mode, before loading: approved hash, then a valid signature by a listed signer.
  // FAILED_PRECONDITION whose message says which check failed and which config key fixes it;
  // a file whose `.sig` names an approved hash other than its own is called changed after it
  // was approved, with both hashes.
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
  // CheckBeforeLoad's refusal of a hash that is not approved.
  Status NotApproved(const OpenedPlugin& plugin) const;
  // Open()'s checks of the open `fd`, then its sealed copy. Does not close `fd`.
  StatusOr<OpenedPlugin> CheckAndSeal(const std::string& file, int fd) const;
  // `problem` itself in enforce mode; in development mode a non-OK `problem` is logged as a
  // `plugin_permissions` warning naming `path`, and OK is returned.
  Status OnlyEnforced(Status problem, const std::string& path) const;
  // Not world-writable, and in enforce mode writable only by root or the host's user.
  Status CheckWriters(PluginPathKind kind, const std::string& path, const struct stat& info) const;
  StatusOr<signing::PluginSignature> ReadSignature(const std::string& file) const;

  TrustMode mode_ = TrustMode::kEnforce;
  bool configured_ = false;
  std::vector<Signer> signers_;
  std::set<std::string> approved_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_PLUGINS_TRUST_H_
