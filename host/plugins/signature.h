// The vendor signature of a plugin file: `<plugin>.so.sig`, beside the plugin.
//
// A small line format, chosen so a person can read it and a shell script can write it:
//
//   needlework-plugin-signature-v1
//   key: ed25519:0123456789abcdef
//   file-sha256: <64 hex digits>
//   manifest-sha256: <64 hex digits>
//   signature: <base64 of the 64-byte Ed25519 signature>
//
// The signature is over SignedMessage(file_sha256, manifest_sha256). It binds the exact file
// bytes and the manifest the plugin describes itself with (id, version, hooks, defaults), so
// a signed file cannot be passed off under another manifest. The file hash can be checked
// from the file's bytes before the library is loaded; the manifest hash is compared once the
// (already approved and signed) library has described itself.
#ifndef NEEDLEWORK_HOST_PLUGINS_SIGNATURE_H_
#define NEEDLEWORK_HOST_PLUGINS_SIGNATURE_H_

#include <string>
#include <string_view>

#include "needlework/plugin/v1/manifest.pb.h"
#include "needlework/status.h"

namespace needlework::signing {

inline constexpr std::string_view kSignatureMagic = "needlework-plugin-signature-v1";
inline constexpr std::string_view kSignatureSuffix = ".sig";

struct PluginSignature {
  std::string key;              // Fingerprint() of the signer's public key
  std::string file_sha256;      // lower-case hex
  std::string manifest_sha256;  // lower-case hex, of ManifestSha256()
  std::string signature;        // raw 64 bytes
};

// True for 64 lower-case hex digits, the form every SHA-256 here takes.
bool IsSha256Hex(std::string_view text);

// "needlework-plugin-signature-v1\n" + file_sha256 + "\n" + manifest_sha256 + "\n".
std::string SignedMessage(std::string_view file_sha256, std::string_view manifest_sha256);

// SHA-256 (hex) of the manifest's deterministic serialization. Host and signer both parse the
// plugin's describe answer and hash it this way, so the bytes agree whatever order the
// plugin wrote fields in.
std::string ManifestSha256(const needlework::plugin::v1::Manifest& manifest);

// The file's text, in the format above, ending in a newline.
std::string FormatSignature(const PluginSignature& signature);

// Parses the format above. INVALID_ARGUMENT naming the line or field that is wrong.
StatusOr<PluginSignature> ParseSignature(std::string_view text);

// Signs: a PluginSignature for these hashes by `private_pem`.
StatusOr<PluginSignature> SignPlugin(std::string_view private_pem, std::string_view file_sha256,
                                     std::string_view manifest_sha256);

// OK when `signature` is by `public_pem` and verifies over its own two hashes, and its file
// hash is `file_sha256`. PERMISSION_DENIED saying which of these fails. Does not look at the
// manifest hash beyond the signature over it (the caller compares it once it has one).
Status VerifyPluginSignature(const PluginSignature& signature, std::string_view public_pem,
                             std::string_view file_sha256);

}  // namespace needlework::signing

#endif  // NEEDLEWORK_HOST_PLUGINS_SIGNATURE_H_
