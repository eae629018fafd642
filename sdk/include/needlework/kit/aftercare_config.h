// Reading a plugin's aftercare lines and triage rules from its JSON config. Items are objects
// keyed by a stable id (a local code), so a clinic's merge patch changes one, adds one or
// removes one with null. Problems are recorded with their JSON path (config_reader.h).
// Header-only.
//
//   "aftercare": {
//     "instructions": {
//       "avoid-heat": {"text": "...", "from_hours": 0, "until_hours": 72, "indicator": "warning"},
//       "leave-on":   {"text": "...", "until_time": "19:00"},          // 19:00 on the session day
//       "keep-clean": {"text": "...", "until_text": "until the skin has healed"}},
//     "effects": {"heat-redness": {"text": "...", "normal_course_hours": 72}}},
//   "triage": {
//     "lasting-redness": {"symptom": "redness", "after_hours": 72, "level": "contact-clinic",
//                         "advice": "..."},
//     "severe-pain": {"symptom": "pain", "min_severity": "severe", "level": "contact-clinic",
//                     "indicator": "warning", "advice": "..."}}
#ifndef NEEDLEWORK_KIT_AFTERCARE_CONFIG_H_
#define NEEDLEWORK_KIT_AFTERCARE_CONFIG_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "needlework/kit/config_names.h"
#include "needlework/types/v1/aftercare.pb.h"

namespace needlework::addon {

// Windows and courses are at most a year (a bound on config, not a clinical default).
inline constexpr int kMaxHours = 24 * 365;

// What a plugin adds to a session's aftercare, each list ordered by id.
struct AftercareLines {
  std::vector<types::v1::AftercareInstruction> instructions;
  std::vector<types::v1::ExpectedEffect> expected_effects;
};

// One triage rule: it speaks for `symptom` (a code of code_systems::kSymptom) when the report
// is within `within_hours` of the session (hours <= within), after `after_hours` (hours >
// after) and at least `min_severity`; each condition holds when unset.
struct TriageRule {
  std::string rule_id;  // the config key
  std::string symptom;
  std::optional<int> within_hours;
  std::optional<int> after_hours;
  types::v1::SymptomSeverity min_severity = types::v1::SYMPTOM_SEVERITY_UNSPECIFIED;
  types::v1::TriageLevel level = types::v1::TRIAGE_LEVEL_UNSPECIFIED;
  types::v1::Indicator indicator = types::v1::INDICATOR_UNSPECIFIED;
  std::string advice;
};

// The indicator of a triage level unless the config names one: expected info, monitor and
// contact-clinic warning, urgent critical.
inline types::v1::Indicator DefaultIndicator(types::v1::TriageLevel level) {
  if (level == types::v1::TRIAGE_LEVEL_EXPECTED) return types::v1::INDICATOR_INFO;
  if (level == types::v1::TRIAGE_LEVEL_URGENT) return types::v1::INDICATOR_CRITICAL;
  return types::v1::INDICATOR_WARNING;
}

// The optional hour bound `key` (0 to kMaxHours): nullopt when absent, or when it is not
// one (a problem is recorded).
inline std::optional<int> ReadHours(const Json& object, const std::string& path,
                                    std::string_view key, ConfigErrors& errors) {
  if (!object.contains(key)) return std::nullopt;
  return config::ReadInt(object, path, key, 0, kMaxHours, {}, errors);
}

// Minutes since midnight of "HH:MM" (00:00 to 23:59, two digits each); nullopt otherwise.
inline std::optional<int> MinuteOfDay(std::string_view text) {
  auto digit = [&](size_t i) { return text[i] >= '0' && text[i] <= '9' ? text[i] - '0' : -100; };
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  const int hours = digit(0) * 10 + digit(1), minutes = digit(3) * 10 + digit(4);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return std::nullopt;
  return hours * 60 + minutes;
}

namespace internal {

// Calls `read(id, path, object)` for each member of the optional object root[key][sub] (or
// root[key] when `sub` is empty) whose key is a local code and whose value is an object.
template <typename Read>
void ForEachItem(const Json& root, std::string_view key, std::string_view sub, ConfigErrors& errors,
                 Read read) {
  const Json* items = config::ReadObject(root, "", key, /*required=*/false, errors);
  const std::string base = sub.empty() ? std::string(key) : config::JoinPath(key, sub);
  if (items != nullptr && !sub.empty()) items = config::ReadObject(*items, key, sub, false, errors);
  if (items == nullptr) return;
  for (const auto& [id, object] : items->items()) {
    const std::string path = config::JoinPath(base, id);
    if (config::IsLocalCode(id) && object.is_object()) {
      read(id, path, object);
    } else {
      errors.Add(path, "must be an object keyed by a local code, e.g. \"avoid-heat\"");
    }
  }
}

// The window end of an instruction: exactly one of until_hours, until_time (with
// until_day_offset) and until_text.
inline void ReadUntil(const Json& object, const std::string& path, int from_hours,
                      types::v1::AftercareInstruction& line, ConfigErrors& errors) {
  const int given = object.contains("until_hours") + object.contains("until_time") +
                    object.contains("until_text");
  if (given != 1) errors.Add(path, "needs exactly one of until_hours, until_time and until_text");
  if (object.contains("until_day_offset") && !object.contains("until_time")) {
    errors.Add(config::JoinPath(path, "until_day_offset"), "goes with until_time");
  }
  types::v1::TimeSpec* until = line.mutable_until();
  until->set_anchor(types::v1::ANCHOR_SESSION_END);
  if (object.contains("until_hours")) {
    const int hours =
        config::ReadInt(object, path, "until_hours", from_hours + 1, kMaxHours, {}, errors)
            .value_or(0);
    until->set_offset_minutes(int64_t{hours} * 60);
  } else if (object.contains("until_time")) {
    const std::string time = config::ReadText(object, path, "until_time", errors);
    const std::optional<int> minute = MinuteOfDay(time);
    if (!minute && !time.empty()) {
      errors.Add(config::JoinPath(path, "until_time"), Json(time).dump() + " must be \"HH:MM\"");
    }
    until->mutable_local()->set_minute_of_day(minute.value_or(0));
    until->mutable_local()->set_day_offset(
        config::ReadInt(object, path, "until_day_offset", 0, 365, 0, errors).value_or(0));
  } else {
    line.clear_until();
    line.set_until_text(object.contains("until_text")
                            ? config::ReadText(object, path, "until_text", errors)
                            : std::string());
  }
}

// An instruction item; nullopt when it is disabled.
inline std::optional<types::v1::AftercareInstruction> ReadInstruction(const std::string& id,
                                                                      const std::string& path,
                                                                      const Json& object,
                                                                      ConfigErrors& errors) {
  config::RejectUnknownKeys(object, path,
                            {"enabled", "text", "indicator", "from_hours", "until_hours",
                             "until_time", "until_day_offset", "until_text"},
                            errors);
  types::v1::AftercareInstruction line;
  line.set_id(id);
  line.set_text(config::ReadText(object, path, "text", errors));
  line.set_indicator(ReadName(object, path, "indicator", IndicatorNames(),
                              std::optional(types::v1::INDICATOR_INFO), errors));
  const int from = config::ReadInt(object, path, "from_hours", 0, kMaxHours, 0, errors).value_or(0);
  line.mutable_from()->set_anchor(types::v1::ANCHOR_SESSION_END);
  line.mutable_from()->set_offset_minutes(int64_t{from} * 60);
  ReadUntil(object, path, from, line, errors);
  if (!config::ReadBool(object, path, "enabled", true, errors)) return std::nullopt;
  return line;
}

// An expected-effect item; nullopt when it is disabled.
inline std::optional<types::v1::ExpectedEffect> ReadEffect(const std::string& id,
                                                           const std::string& path,
                                                           const Json& object,
                                                           ConfigErrors& errors) {
  config::RejectUnknownKeys(object, path, {"enabled", "text", "normal_course_hours"}, errors);
  types::v1::ExpectedEffect effect;
  effect.set_id(id);
  effect.set_text(config::ReadText(object, path, "text", errors));
  effect.set_normal_course_hours(
      config::ReadInt(object, path, "normal_course_hours", 1, kMaxHours, {}, errors).value_or(1));
  if (!config::ReadBool(object, path, "enabled", true, errors)) return std::nullopt;
  return effect;
}

// A triage rule item; nullopt when it is disabled.
inline std::optional<TriageRule> ReadTriageRule(const std::string& id, const std::string& path,
                                                const Json& object, ConfigErrors& errors) {
  config::RejectUnknownKeys(object, path,
                            {"enabled", "symptom", "within_hours", "after_hours", "min_severity",
                             "level", "indicator", "advice"},
                            errors);
  TriageRule rule;
  rule.rule_id = id;
  rule.symptom = config::ReadText(object, path, "symptom", errors);
  if (!rule.symptom.empty() && !config::IsLocalCode(rule.symptom)) {
    errors.Add(config::JoinPath(path, "symptom"), "must be a symptom code, e.g. \"redness\"");
  }
  rule.within_hours = ReadHours(object, path, "within_hours", errors);
  rule.after_hours = ReadHours(object, path, "after_hours", errors);
  if (rule.within_hours && rule.after_hours && *rule.after_hours >= *rule.within_hours) {
    errors.Add(config::JoinPath(path, "after_hours"), "must be below within_hours");
  }
  rule.min_severity = ReadName(object, path, "min_severity", SeverityNames(),
                               std::optional(types::v1::SYMPTOM_SEVERITY_UNSPECIFIED), errors);
  rule.level = ReadName(object, path, "level", TriageLevelNames(), {}, errors);
  rule.indicator = ReadName(object, path, "indicator", IndicatorNames(),
                            std::optional(DefaultIndicator(rule.level)), errors);
  rule.advice = config::ReadText(object, path, "advice", errors);
  if (!config::ReadBool(object, path, "enabled", true, errors)) return std::nullopt;
  return rule;
}

}  // namespace internal

// The lines of the optional object member `key` of `root`: "instructions" (enabled, text,
// indicator (default info), from_hours (default 0, hours after the session end), and one of
// until_hours / until_time "HH:MM" [+ until_day_offset] / until_text) and "effects"
// (enabled, text, normal_course_hours). Disabled items are validated and left out.
inline AftercareLines ReadAftercareLines(const Json& root, std::string_view key,
                                         ConfigErrors& errors) {
  AftercareLines lines;
  if (const Json* object = config::ReadObject(root, "", key, false, errors)) {
    config::RejectUnknownKeys(*object, key, {"instructions", "effects"}, errors);
  }
  internal::ForEachItem(root, key, "instructions", errors, [&](auto& id, auto& path, auto& item) {
    auto line = internal::ReadInstruction(id, path, item, errors);
    if (line) lines.instructions.push_back(std::move(*line));
  });
  internal::ForEachItem(root, key, "effects", errors, [&](auto& id, auto& path, auto& item) {
    auto effect = internal::ReadEffect(id, path, item, errors);
    if (effect) lines.expected_effects.push_back(std::move(*effect));
  });
  return lines;
}

// The rules of the optional object member `key` of `root` (rule id -> rule), ordered by id:
// enabled, symptom (a local code), within_hours, after_hours (below within_hours when both
// are given), min_severity, level, indicator (default DefaultIndicator(level)), advice.
// Disabled rules are validated and left out.
inline std::vector<TriageRule> ReadTriageRules(const Json& root, std::string_view key,
                                               ConfigErrors& errors) {
  std::vector<TriageRule> rules;
  internal::ForEachItem(root, key, "", errors, [&](auto& id, auto& path, auto& item) {
    auto rule = internal::ReadTriageRule(id, path, item, errors);
    if (rule) rules.push_back(std::move(*rule));
  });
  return rules;
}

}  // namespace needlework::addon

#endif  // NEEDLEWORK_KIT_AFTERCARE_CONFIG_H_
