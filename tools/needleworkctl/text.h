// Small text helpers shared by the renderers.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_TEXT_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace needlework::ctl {

// An enum value name for people: `prefix` removed, lower case, '-' for '_'
// ("STATE_TIMED_OUT", "STATE_" -> "timed-out"); "unknown" for "" (a value newer than this
// build, which protobuf cannot name).
std::string EnumLabel(std::string_view name, std::string_view prefix);

// `name` without `prefix` ("OUTCOME_DEFER", "OUTCOME_" -> "DEFER").
std::string_view StripPrefix(std::string_view name, std::string_view prefix);

// JSON text on one line: whitespace outside strings removed, everything else as given (key
// order, number spelling). Meant for JSON: other text loses its whitespace outside double
// quotes too.
std::string CompactJson(std::string_view json);

// "850 us", "12.3 ms", "1.50 s".
std::string FormatMicros(int64_t micros);

// `text` with every control character (newline, escape, ...) shown as a space, so text from
// the host can neither break a layout nor drive the terminal.
std::string Printable(std::string_view text);

// Printable(text) on one line (runs of whitespace as one space, none at either end), cut to
// at most `max_columns` code points (at least 4), ending in "..." when cut.
std::string Shorten(std::string_view text, size_t max_columns);

// `text`, or "-" when it is empty.
std::string OrDash(std::string_view text);

// A session as a person counts it: "1" for session_index 0. needleworkctl shows and takes
// sessions this way; only --json output keeps the wire's 0-based session_index.
std::string SessionNumber(int32_t session_index);

// "yes" or "no".
std::string_view YesNo(bool value);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_TEXT_H_
