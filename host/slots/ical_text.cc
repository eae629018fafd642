#include "host/slots/ical_text.h"

namespace needlework::host::slots {
namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

bool IsContinuationByte(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// The length of the well-formed UTF-8 sequence at text[i] (1 to 4), or 0 when it is not one:
// a stray continuation byte, a truncated sequence, an overlong form, a surrogate or a code
// point above U+10FFFF.
size_t Utf8SequenceLength(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
  unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (length == 0 || lead > 0xF4 || i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if (!IsContinuationByte(byte(k))) return 0;
  }
  // Second-byte limits that rule out overlong forms, surrogates and values above U+10FFFF.
  if (lead == 0xE0 && byte(1) < 0xA0) return 0;
  if (lead == 0xED && byte(1) > 0x9F) return 0;
  if (lead == 0xF0 && byte(1) < 0x90) return 0;
  if (lead == 0xF4 && byte(1) > 0x8F) return 0;
  return length;
}

// Appends the escaped form of the ASCII character `c` at text[i]; returns how many input
// bytes it consumed (2 for CRLF, else 1).
size_t AppendEscapedAscii(std::string_view text, size_t i, std::string& out) {
  char c = text[i];
  switch (c) {
    case '\\':
    case ';':
    case ',':
      out.push_back('\\');
      out.push_back(c);
      return 1;
    case '\r':
      out.append("\\n");
      return i + 1 < text.size() && text[i + 1] == '\n' ? 2 : 1;
    case '\n':
      out.append("\\n");
      return 1;
    default: {
      auto code = static_cast<unsigned char>(c);
      bool is_control = (code < 0x20 && c != '\t') || code == 0x7F;
      if (!is_control) out.push_back(c);
      return 1;
    }
  }
}

}  // namespace

std::string EscapeText(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t i = 0;
  while (i < text.size()) {
    size_t length = Utf8SequenceLength(text, i);
    if (length == 1) {
      i += AppendEscapedAscii(text, i, out);
    } else if (length == 0) {
      out.append(kReplacementCharacter);
      ++i;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
  return out;
}

void AppendFoldedLine(std::string_view line, std::string& out) {
  size_t limit = kMaxICalLineOctets;
  while (line.size() > limit) {
    size_t cut = limit;
    // Back up to the start of a UTF-8 sequence (at most 3 bytes in valid UTF-8).
    while (cut > limit - 3 && IsContinuationByte(static_cast<unsigned char>(line[cut]))) --cut;
    out.append(line.substr(0, cut)).append("\r\n ");
    line.remove_prefix(cut);
    limit = kMaxICalLineOctets - 1;  // after the leading space
  }
  out.append(line).append("\r\n");
}

}  // namespace needlework::host::slots
