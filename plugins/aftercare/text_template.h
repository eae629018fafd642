// Texts with {placeholders}. The plugin fills the placeholders it knows and leaves the
// host's untouched, for the host to fill when it sends the message:
//   plugin, in messages: {session_number} (1-based), {next_session_number},
//     {session_count} (from the plan), {maintenance_months_min}, {maintenance_months_max};
//   plugin, in triage advice: {symptom} (its display in the language), {course_days},
//     {emergency_numbers} (the clinic's, joined by the language's "or");
//   host, in any text: {clinic_name}, {session_date}, {next_session_time} (dates as a
//     patient reads them, in the message's language and the clinic's zone).
#ifndef NEEDLEWORK_PLUGINS_AFTERCARE_TEXT_TEMPLATE_H_
#define NEEDLEWORK_PLUGINS_AFTERCARE_TEXT_TEMPLATE_H_

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace needlework::aftercare {

inline constexpr std::array<std::string_view, 3> kHostPlaceholders = {"clinic_name", "session_date",
                                                                      "next_session_time"};
inline constexpr std::array<std::string_view, 5> kMessagePlaceholders = {
    "session_number", "next_session_number", "session_count", "maintenance_months_min",
    "maintenance_months_max"};
inline constexpr std::array<std::string_view, 3> kAdvicePlaceholders = {"symptom", "course_days",
                                                                        "emergency_numbers"};

// The names between braces in `text`, in order, e.g. {"clinic_name"} for
// "Call {clinic_name}."; a "{" without a closing "}" yields nothing.
std::vector<std::string> PlaceholderNames(std::string_view text);

// `text` with each {name} that `values` holds replaced by its value; every other brace
// (unknown names, the host's placeholders) is copied as it is.
std::string FillTemplate(std::string_view text, const std::map<std::string, std::string>& values);

}  // namespace needlework::aftercare

#endif  // NEEDLEWORK_PLUGINS_AFTERCARE_TEXT_TEMPLATE_H_
