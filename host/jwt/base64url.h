// Base64url without padding (RFC 4648 section 5), as JWS compact serialisation uses it.
#ifndef NEEDLEWORK_HOST_JWT_BASE64URL_H_
#define NEEDLEWORK_HOST_JWT_BASE64URL_H_

#include <string>
#include <string_view>

#include "needlework/status.h"

namespace needlework::host {

// The bytes `text` encodes. INVALID_ARGUMENT naming `what` when `text` holds a character
// outside the base64url alphabet, padding, or a length no encoding produces.
StatusOr<std::string> DecodeBase64Url(std::string_view text, std::string_view what);

// `bytes` encoded, without padding.
std::string EncodeBase64Url(std::string_view bytes);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_JWT_BASE64URL_H_
