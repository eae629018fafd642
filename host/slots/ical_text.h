// RFC 5545 text helpers: TEXT escaping (3.3.11) and content-line folding (3.1).
#ifndef NEEDLEWORK_HOST_SLOTS_ICAL_TEXT_H_
#define NEEDLEWORK_HOST_SLOTS_ICAL_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace needlework::host::slots {

// The longest content line in octets, CRLF excluded.
inline constexpr size_t kMaxICalLineOctets = 75;

// `text` as an RFC 5545 TEXT value: backslash, semicolon and comma get a backslash; a line
// break (CRLF, LF or CR) becomes "\n". Other control characters (tab excepted) are dropped and
// bytes that are not valid UTF-8 become U+FFFD, so the result is valid UTF-8.
std::string EscapeText(std::string_view text);

// Appends `line` to `out` as one content line: folded into pieces of at most 75 octets, each
// continuation starting with a space, never inside a UTF-8 sequence, every piece ending in
// CRLF. `line` must not contain CR or LF.
void AppendFoldedLine(std::string_view line, std::string& out);

}  // namespace needlework::host::slots

#endif  // NEEDLEWORK_HOST_SLOTS_ICAL_TEXT_H_
