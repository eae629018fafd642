#include "host/plugins/ed25519.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace needlework::signing {
namespace {

using PkeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

constexpr size_t kSignatureSize = 64;
constexpr size_t kRawKeySize = 32;

BioPtr MemoryBio(std::string_view text) {
  return BioPtr(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())), BIO_free);
}

std::string BioText(BIO* bio) {
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<size_t>(size));
}

bool IsEd25519(const EVP_PKEY* key) { return EVP_PKEY_get_id(key) == EVP_PKEY_ED25519; }

StatusOr<PkeyPtr> ReadPrivate(std::string_view pem) {
  BioPtr bio = MemoryBio(pem);
  PkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
  if (key == nullptr || !IsEd25519(key.get())) {
    return InvalidArgumentError("not an Ed25519 private key in PEM (PKCS#8) form");
  }
  return key;
}

// A public key, or the public half of a private key.
StatusOr<PkeyPtr> ReadPublic(std::string_view pem) {
  BioPtr bio = MemoryBio(pem);
  PkeyPtr key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
  if (key == nullptr && pem.find("PRIVATE KEY") != std::string_view::npos) {
    NW_ASSIGN_OR_RETURN(key, ReadPrivate(pem));
  }
  if (key == nullptr || !IsEd25519(key.get())) {
    return InvalidArgumentError("not an Ed25519 public key in PEM form");
  }
  return key;
}

StatusOr<std::string> PublicPemOf(EVP_PKEY* key) {
  BioPtr bio(BIO_new(BIO_s_mem()), BIO_free);
  if (PEM_write_bio_PUBKEY(bio.get(), key) != 1) return InternalError("cannot write public key");
  return BioText(bio.get());
}

}  // namespace

StatusOr<KeyPair> GenerateKeyPair() {
  PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"), EVP_PKEY_free);
  if (key == nullptr) return InternalError("OpenSSL could not generate an Ed25519 key");
  BioPtr bio(BIO_new(BIO_s_mem()), BIO_free);
  if (PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    return InternalError("cannot write private key");
  }
  KeyPair pair;
  pair.private_pem = BioText(bio.get());
  NW_ASSIGN_OR_RETURN(pair.public_pem, PublicPemOf(key.get()));
  return pair;
}

StatusOr<std::string> Sign(std::string_view private_pem, std::string_view message) {
  NW_ASSIGN_OR_RETURN(PkeyPtr key, ReadPrivate(private_pem));
  MdCtxPtr context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  std::string signature(kSignatureSize, '\0');
  size_t size = signature.size();
  // Ed25519 hashes internally: no digest is named (OpenSSL 3, EVP_DigestSign(3)).
  if (EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
      EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                     reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1) {
    return InternalError("OpenSSL could not sign");
  }
  signature.resize(size);
  return signature;
}

Status Verify(std::string_view public_pem, std::string_view message, std::string_view signature) {
  NW_ASSIGN_OR_RETURN(PkeyPtr key, ReadPublic(public_pem));
  MdCtxPtr context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, key.get()) != 1) {
    return InternalError("OpenSSL could not start a verification");
  }
  int verdict = EVP_DigestVerify(
      context.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
      reinterpret_cast<const unsigned char*>(message.data()), message.size());
  if (verdict == 1) return OkStatus();
  return PermissionDeniedError("the signature does not verify with this key");
}

StatusOr<std::string> PublicPem(std::string_view pem) {
  NW_ASSIGN_OR_RETURN(PkeyPtr key, ReadPublic(pem));
  return PublicPemOf(key.get());
}

StatusOr<std::string> Fingerprint(std::string_view public_pem) {
  NW_ASSIGN_OR_RETURN(PkeyPtr key, ReadPublic(public_pem));
  std::string raw(kRawKeySize, '\0');
  size_t size = raw.size();
  if (EVP_PKEY_get_raw_public_key(key.get(), reinterpret_cast<unsigned char*>(raw.data()), &size) !=
      1) {
    return InternalError("cannot read the raw public key");
  }
  raw.resize(size);
  return "ed25519:" + Sha256Hex(raw).substr(0, 16);
}

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < size; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0xf]);
  }
  return hex;
}

StatusOr<std::string> Sha256HexOfFd(int fd) {
  std::string bytes;
  char buffer[1 << 16];
  for (;;) {
    ssize_t got = ::pread(fd, buffer, sizeof(buffer), static_cast<off_t>(bytes.size()));
    if (got == 0) break;
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return InternalError(std::string("read failed: ") + std::strerror(errno));
    bytes.append(buffer, static_cast<size_t>(got));
  }
  return Sha256Hex(bytes);
}

std::string Base64Encode(std::string_view bytes) {
  std::string text(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  int size = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(text.data()),
                             reinterpret_cast<const unsigned char*>(bytes.data()),
                             static_cast<int>(bytes.size()));
  text.resize(static_cast<size_t>(size));
  return text;
}

StatusOr<std::string> Base64Decode(std::string_view text) {
  if (text.empty() || text.size() % 4 != 0) {
    return InvalidArgumentError("not base64: length " + std::to_string(text.size()));
  }
  std::string bytes(3 * text.size() / 4, '\0');
  int size = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(bytes.data()),
                             reinterpret_cast<const unsigned char*>(text.data()),
                             static_cast<int>(text.size()));
  if (size < 0) return InvalidArgumentError("not base64");
  // EVP_DecodeBlock counts padding as zero bytes; drop them.
  size_t padding = text.ends_with("==") ? 2 : text.ends_with('=') ? 1 : 0;
  bytes.resize(static_cast<size_t>(size) - padding);
  return bytes;
}

}  // namespace needlework::signing
