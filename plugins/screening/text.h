// Small UTF-8 text helpers for finding texts. Config text is valid UTF-8 (the JSON parser
// checks it), and these helpers never split a multi-byte character.
#ifndef NEEDLEWORK_PLUGINS_SCREENING_TEXT_H_
#define NEEDLEWORK_PLUGINS_SCREENING_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace needlework::screening {

// The number of Unicode code points in UTF-8 `text` (what JSON Schema's maxLength and
// CDS Hooks' "<140-character" count), not the number of bytes.
size_t Utf8Length(std::string_view text);

// `text` with every occurrence of `placeholder` replaced by `value`.
std::string ReplaceAll(std::string_view text, std::string_view placeholder, std::string_view value);

// `text` cut to at most `max_code_points` code points; a cut text ends in "…" (which
// counts as one of them). Precondition: max_code_points >= 1.
std::string TruncateUtf8(std::string text, size_t max_code_points);

}  // namespace needlework::screening

#endif  // NEEDLEWORK_PLUGINS_SCREENING_TEXT_H_
