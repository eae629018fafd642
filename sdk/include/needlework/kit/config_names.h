// The names a plugin's JSON config uses for the contract's enums, and small text helpers for
// config texts with placeholders. Header-only.
//
//   outcome:    eligible, eligible_with_caution, review_required, consult_required, defer,
//               refer, contraindicated
//   indicator:  info, warning, critical
//   level:      expected, monitor, contact-clinic, urgent        (triage)
//   severity:   mild, moderate, severe                           (a reported symptom)
#ifndef NEEDLEWORK_KIT_CONFIG_NAMES_H_
#define NEEDLEWORK_KIT_CONFIG_NAMES_H_

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "needlework/kit/config_reader.h"
#include "needlework/outcome.h"
#include "needlework/types/v1/aftercare.pb.h"
#include "needlework/types/v1/clinical.pb.h"

namespace needlework::addon {

using config::ConfigErrors;
using config::Json;

// Config name -> enum value, in the order messages list them.
template <typename T>
using NameTable = std::vector<std::pair<std::string_view, T>>;

// The outcome names of the contract (needlework/outcome.h), least restrictive first.
inline const NameTable<types::v1::Outcome>& OutcomeNames() {
  static const NameTable<types::v1::Outcome> names = [] {
    NameTable<types::v1::Outcome> table;
    for (const NamedOutcome& entry : kOutcomes) table.emplace_back(entry.name, entry.outcome);
    return table;
  }();
  return names;
}

inline const NameTable<types::v1::Indicator>& IndicatorNames() {
  static const NameTable<types::v1::Indicator> names = {
      {"info", types::v1::INDICATOR_INFO},
      {"warning", types::v1::INDICATOR_WARNING},
      {"critical", types::v1::INDICATOR_CRITICAL}};
  return names;
}

inline const NameTable<types::v1::TriageLevel>& TriageLevelNames() {
  static const NameTable<types::v1::TriageLevel> names = {
      {"expected", types::v1::TRIAGE_LEVEL_EXPECTED},
      {"monitor", types::v1::TRIAGE_LEVEL_MONITOR},
      {"contact-clinic", types::v1::TRIAGE_LEVEL_CONTACT_CLINIC},
      {"urgent", types::v1::TRIAGE_LEVEL_URGENT}};
  return names;
}

inline const NameTable<types::v1::SymptomSeverity>& SeverityNames() {
  static const NameTable<types::v1::SymptomSeverity> names = {
      {"mild", types::v1::SYMPTOM_SEVERITY_MILD},
      {"moderate", types::v1::SYMPTOM_SEVERITY_MODERATE},
      {"severe", types::v1::SYMPTOM_SEVERITY_SEVERE}};
  return names;
}

// The value called `name` in `names`, or nullopt.
template <typename T>
std::optional<T> FindName(const NameTable<T>& names, std::string_view name) {
  for (const auto& [known, value] : names) {
    if (known == name) return value;
  }
  return std::nullopt;
}

// The name of `value` in `names`, or `fallback` when the table has none.
template <typename T>
std::string_view NameOf(const NameTable<T>& names, T value, std::string_view fallback) {
  for (const auto& [known, each] : names) {
    if (each == value) return known;
  }
  return fallback;
}

// Every name of `names`, in order, ", "-joined: for messages.
template <typename T>
std::string NameList(const NameTable<T>& names) {
  std::string list;
  for (const auto& entry : names) list.append(list.empty() ? "" : ", ").append(entry.first);
  return list;
}

// The string member `key` looked up in `names`. Absent: `fallback`, or a problem ("is
// required") and `T{}` when there is none. A name not in the table is a problem listing the
// names, and yields `fallback` (or `T{}`).
template <typename T>
T ReadName(const Json& object, std::string_view path, std::string_view key,
           const NameTable<T>& names, std::optional<T> fallback, ConfigErrors& errors) {
  if (!object.contains(key) && fallback) return *fallback;
  const std::string name = config::ReadText(object, path, key, errors);
  if (std::optional<T> value = FindName(names, name)) return *value;
  if (!name.empty()) {
    errors.Add(config::JoinPath(path, key),
               Json(name).dump() + " is not one of " + NameList(names));
  }
  return fallback.value_or(T{});
}

// ---- Texts --------------------------------------------------------------------------------

// The number of UTF-8 code points in `text`.
inline size_t CodePointCount(std::string_view text) {
  size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

// `text` cut to at most `max` code points; when anything is cut, the last of them is "…".
inline std::string TruncateUtf8(std::string_view text, size_t max) {
  if (CodePointCount(text) <= max) return std::string(text);
  if (max == 0) return "";
  size_t kept = 0;  // code points before `end`
  size_t end = 0;
  for (; end < text.size(); ++end) {
    const bool starts_code_point = (static_cast<unsigned char>(text[end]) & 0xC0) != 0x80;
    if (starts_code_point && kept == max - 1) break;
    if (starts_code_point) ++kept;
  }
  return std::string(text.substr(0, end)) + "\xE2\x80\xA6";
}

// `text` with every `placeholder` (e.g. "{evidence}") replaced by `value`.
inline std::string ReplaceAll(std::string text, std::string_view placeholder,
                              std::string_view value) {
  for (size_t at = text.find(placeholder); at != std::string::npos;
       at = text.find(placeholder, at + value.size())) {
    text.replace(at, placeholder.size(), value);
  }
  return text;
}

// Records a problem at `path` for each "{name}" in `text` whose name is not in `allowed`
// (names without braces, e.g. "evidence"), and for a "{" that is never closed.
inline void CheckPlaceholders(std::string_view text, std::string_view path,
                              const std::vector<std::string_view>& allowed, ConfigErrors& errors) {
  for (size_t open = text.find('{'); open != text.npos; open = text.find('{', open + 1)) {
    const size_t close = text.find('}', open);
    if (close == text.npos) {
      errors.Add(path, "has a \"{\" that is never closed");
      return;
    }
    const std::string_view name = text.substr(open + 1, close - open - 1);
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    std::string known;
    for (std::string_view each : allowed) {
      known.append(known.empty() ? "" : ", ").append("{").append(each).append("}");
    }
    errors.Add(path, "unknown placeholder {" + std::string(name) + "} (known: " + known + ")");
  }
}

}  // namespace needlework::addon

#endif  // NEEDLEWORK_KIT_CONFIG_NAMES_H_
