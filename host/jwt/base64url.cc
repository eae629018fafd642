#include "host/jwt/base64url.h"

#include <openssl/evp.h>

#include <vector>

namespace needlework::host {
namespace {

bool IsBase64UrlCharacter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

}  // namespace

StatusOr<std::string> DecodeBase64Url(std::string_view text, std::string_view what) {
  if (text.size() % 4 == 1) {
    return Status(StatusCode::kInvalidArgument,
                  std::string(what) + " is not base64url: its length cannot be an encoding");
  }
  std::string standard;
  standard.reserve(text.size() + 3);
  for (char c : text) {
    if (!IsBase64UrlCharacter(c)) {
      return Status(StatusCode::kInvalidArgument,
                    std::string(what) +
                        " is not base64url (unpadded): it holds a character "
                        "outside A-Z a-z 0-9 - _");
    }
    standard.push_back(c == '-' ? '+' : c == '_' ? '/' : c);
  }
  size_t padding = (4 - standard.size() % 4) % 4;
  standard.append(padding, '=');
  std::vector<unsigned char> out(standard.size() / 4 * 3 + 1);
  int written = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(standard.data()),
                                static_cast<int>(standard.size()));
  if (written < 0) {
    return Status(StatusCode::kInvalidArgument, std::string(what) + " is not base64url");
  }
  // EVP_DecodeBlock counts the padding as zero bytes; drop them.
  return std::string(reinterpret_cast<const char*>(out.data()),
                     static_cast<size_t>(written) - padding);
}

std::string EncodeBase64Url(std::string_view bytes) {
  std::vector<unsigned char> out(4 * ((bytes.size() + 2) / 3) + 1);
  int written = EVP_EncodeBlock(out.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  std::string text(reinterpret_cast<const char*>(out.data()), static_cast<size_t>(written));
  while (!text.empty() && text.back() == '=') text.pop_back();
  for (char& c : text) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  return text;
}

}  // namespace needlework::host
