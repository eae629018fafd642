// Ed25519 keys, signatures and SHA-256 through OpenSSL 3's EVP API. Shared by the host (which
// verifies) and needleworkctl (which makes keys and signs), so both speak exactly one format.
// Keys travel as PEM: PKCS#8 for a private key, SubjectPublicKeyInfo for a public one, the
// forms `openssl genpkey -algorithm ed25519` and `openssl pkey -pubout` read and write.
#ifndef NEEDLEWORK_HOST_PLUGINS_ED25519_H_
#define NEEDLEWORK_HOST_PLUGINS_ED25519_H_

#include <string>
#include <string_view>

#include "needlework/status.h"

namespace needlework::signing {

struct KeyPair {
  std::string private_pem;  // PKCS#8, unencrypted: keep it mode 0600
  std::string public_pem;   // SubjectPublicKeyInfo
};

// A fresh key pair from OpenSSL's CSPRNG. INTERNAL if OpenSSL fails.
StatusOr<KeyPair> GenerateKeyPair();

// The 64-byte Ed25519 signature of `message` (pure Ed25519: no pre-hash) by `private_pem`.
// INVALID_ARGUMENT when the PEM is not an Ed25519 private key.
StatusOr<std::string> Sign(std::string_view private_pem, std::string_view message);

// OK when `signature` is a valid signature of `message` by `public_pem`; PERMISSION_DENIED
// when it is not; INVALID_ARGUMENT when the PEM is not an Ed25519 public key.
Status Verify(std::string_view public_pem, std::string_view message, std::string_view signature);

// The public key of `pem`, which may be a private or a public key, as a public PEM.
StatusOr<std::string> PublicPem(std::string_view pem);

// A short, stable name for a public key: "ed25519:" + the first 16 hex digits of the SHA-256
// of its 32 raw bytes. INVALID_ARGUMENT when the PEM is not an Ed25519 public key.
StatusOr<std::string> Fingerprint(std::string_view public_pem);

// Lower-case hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

// Lower-case hex SHA-256 of everything read from `fd` from offset 0 to its end, whatever the
// descriptor's own offset (which is left alone). INTERNAL naming errno's text when a read
// fails. Does not close `fd`.
StatusOr<std::string> Sha256HexOfFd(int fd);

// RFC 4648 base64 with padding, and back. Decoding refuses anything else (INVALID_ARGUMENT).
std::string Base64Encode(std::string_view bytes);
StatusOr<std::string> Base64Decode(std::string_view text);

}  // namespace needlework::signing

#endif  // NEEDLEWORK_HOST_PLUGINS_ED25519_H_
