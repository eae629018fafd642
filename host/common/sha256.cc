#include "host/common/sha256.h"

#include <openssl/evp.h>

namespace needlework::host {
namespace {

std::string Hex(const unsigned char* data, size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (size_t i = 0; i < size; ++i) {
    out.push_back(kDigits[data[i] >> 4]);
    out.push_back(kDigits[data[i] & 0xf]);
  }
  return out;
}

}  // namespace

// Every call hashes its bearer token (and every audited call its record). OpenSSL 3 looks an
// algorithm up in its provider store (under a lock) each time EVP_sha256() is used implicitly, and
// EVP_Digest allocates a context per call: fetch SHA-256 once, keep one context per thread.
std::string Sha256Hex(std::string_view text) {
  static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);  // never freed
  struct Context {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(ctx); }
  };
  thread_local Context context;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_DigestInit_ex2(context.ctx, sha256, nullptr);
  EVP_DigestUpdate(context.ctx, text.data(), text.size());
  EVP_DigestFinal_ex(context.ctx, digest, &size);
  return Hex(digest, size);
}

}  // namespace needlework::host
