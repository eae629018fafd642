#include "plugins/screening/text.h"

namespace needlework::screening {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // U+2026

bool IsContinuationByte(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

}  // namespace

size_t Utf8Length(std::string_view text) {
  size_t length = 0;
  for (char byte : text) {
    if (!IsContinuationByte(byte)) ++length;
  }
  return length;
}

std::string ReplaceAll(std::string_view text, std::string_view placeholder,
                       std::string_view value) {
  std::string result;
  size_t start = 0;
  for (size_t at = text.find(placeholder); !placeholder.empty() && at != text.npos;
       at = text.find(placeholder, start)) {
    result.append(text.substr(start, at - start)).append(value);
    start = at + placeholder.size();
  }
  result.append(text.substr(start));
  return result;
}

std::string TruncateUtf8(std::string text, size_t max_code_points) {
  if (Utf8Length(text) <= max_code_points) return text;
  size_t kept = 0;  // code points kept so far
  size_t end = 0;   // byte offset where the kept text ends
  for (; end < text.size(); ++end) {
    if (IsContinuationByte(text[end])) continue;
    if (kept == max_code_points - 1) break;  // leave room for the ellipsis
    ++kept;
  }
  text.resize(end);
  return text.append(kEllipsis);
}

}  // namespace needlework::screening
