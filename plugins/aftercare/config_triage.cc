// Reads root.triage: the indicator of each level and a rule per symptom code.
#include <algorithm>
#include <cctype>
#include <string>

#include "needlework/kit/aftercare_config.h"
#include "plugins/aftercare/config_parts.h"
#include "plugins/aftercare/names.h"

namespace needlework::aftercare {
namespace {

// The level named by member `key`, or `fallback` when absent (a problem when unknown).
TriageLevel ReadLevel(const config::Json& object, std::string_view path, std::string_view key,
                      TriageLevel fallback, config::ConfigErrors& errors) {
  return addon::ReadName(object, path, key, addon::TriageLevelNames(), std::optional(fallback),
                         errors);
}

void ReadIndicators(const config::Json& triage, AftercareRules& rules,
                    config::ConfigErrors& errors) {
  const std::string_view path = "triage.indicators";
  const config::Json* indicators =
      config::ReadObject(triage, "triage", "indicators", /*required=*/true, errors);
  if (indicators == nullptr) return;
  config::RejectUnknownKeys(*indicators, path, {"expected", "monitor", "contact-clinic", "urgent"},
                            errors);
  for (const char* level_name : {"expected", "monitor", "contact-clinic", "urgent"}) {
    const Indicator indicator =
        addon::ReadName(*indicators, path, level_name, addon::IndicatorNames(), {}, errors);
    rules.indicator_for_level[*addon::FindName(addon::TriageLevelNames(), level_name)] =
        indicator != types::v1::INDICATOR_UNSPECIFIED ? indicator : types::v1::INDICATOR_WARNING;
  }
}

// A sign rule: {"level": ..., "advice": advice-id}, whatever the days and severity.
void ReadSignRule(const config::Json& object, std::string_view path, SymptomRule& rule,
                  ConfiguredIds& ids, config::ConfigErrors& errors) {
  config::RejectUnknownKeys(object, path, {"level", "advice"}, errors);
  rule.sign_level = ReadLevel(object, path, "level", types::v1::TRIAGE_LEVEL_URGENT, errors);
  rule.sign_advice = config::ReadText(object, path, "advice", errors);
  if (!rule.sign_advice.empty() &&
      CheckKey(rule.sign_advice, config::JoinPath(path, "advice"), errors)) {
    ids.advice.insert(rule.sign_advice);
  }
}

// A course rule: the course of an expected effect ("effect") or its own ("course_hours"),
// and the level of each case.
void ReadCourseRule(const config::Json& object, std::string_view path, SymptomRule& rule,
                    const ConfiguredIds& ids, config::ConfigErrors& errors) {
  config::RejectUnknownKeys(
      object, path,
      {"effect", "course_hours", "within_course", "severe_within_course", "past_course"}, errors);
  if (object.contains("effect") == object.contains("course_hours")) {
    errors.Add(path, "needs exactly one of \"effect\", \"course_hours\" (or \"level\")");
  } else if (object.contains("course_hours")) {
    rule.course_hours =
        config::ReadInt(object, path, "course_hours", 1, addon::kMaxHours, {}, errors);
  } else {
    const std::string effect = config::ReadText(object, path, "effect", errors);
    auto found = ids.effect_course_hours.find(effect);
    if (found != ids.effect_course_hours.end()) {
      rule.course_hours = found->second;
    } else if (!effect.empty()) {
      std::string known;
      for (const std::string& id : ids.effects) known.append(known.empty() ? "" : ", ").append(id);
      errors.Add(config::JoinPath(path, "effect"),
                 "unknown effect " + config::Json(effect).dump() + " (effects: " + known + ")");
    }
  }
  rule.within_course = ReadLevel(object, path, "within_course", rule.within_course, errors);
  rule.severe_within_course =
      ReadLevel(object, path, "severe_within_course", rule.severe_within_course, errors);
  rule.past_course = ReadLevel(object, path, "past_course", rule.past_course, errors);
}

void ReadSymptom(const std::string& code, const config::Json& object, AftercareRules& rules,
                 ConfiguredIds& ids, config::ConfigErrors& errors) {
  const std::string path = config::JoinPath("triage.symptoms", code);
  if (!object.is_object()) {
    errors.Add(path, "must be an object, not " + config::DescribeValue(object));
    return;
  }
  SymptomRule rule;
  rule.code = code;
  if (object.contains("level")) {
    ReadSignRule(object, path, rule, ids, errors);
  } else {
    ReadCourseRule(object, path, rule, ids, errors);
  }
  ids.symptoms.insert(code);
  rules.symptoms.emplace(code, std::move(rule));
}

// An emergency telephone number as dialled: 2 to 8 digits, e.g. "911", "112", "15".
bool IsDialledNumber(const config::Json& number) {
  if (!number.is_string()) return false;
  const std::string& digits = number.get_ref<const std::string&>();
  return digits.size() >= 2 && digits.size() <= 8 &&
         std::all_of(digits.begin(), digits.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

// triage.emergency_numbers: 1 to 4 distinct numbers, most important first.
void ReadEmergencyNumbers(const config::Json& triage, AftercareRules& rules,
                          config::ConfigErrors& errors) {
  const std::string path = "triage.emergency_numbers";
  const auto found = triage.find("emergency_numbers");
  if (found == triage.end()) {
    errors.Add(path, "is required: the clinic's emergency telephone numbers, e.g. [\"911\"]");
    return;
  }
  const config::Json* numbers = &*found;
  if (!numbers->is_array() || numbers->empty() || numbers->size() > 4) {
    errors.Add(path, "must be a list of 1 to 4 numbers, e.g. [\"999\", \"112\"], not " +
                         config::DescribeValue(*numbers));
    return;
  }
  for (size_t i = 0; i < numbers->size(); ++i) {
    const config::Json& number = (*numbers)[i];
    const std::string item_path = path + "[" + std::to_string(i) + "]";
    if (!IsDialledNumber(number)) {
      errors.Add(item_path, "must be 2 to 8 digits as dialled, e.g. \"112\", not " +
                                config::DescribeValue(number));
    } else if (std::find(rules.emergency_numbers.begin(), rules.emergency_numbers.end(),
                         number.get<std::string>()) != rules.emergency_numbers.end()) {
      errors.Add(item_path, number.dump() + " is listed twice");
    } else {
      rules.emergency_numbers.push_back(number.get<std::string>());
    }
  }
}

}  // namespace

void ReadTriage(const config::Json& root, AftercareRules& rules, ConfiguredIds& ids,
                config::ConfigErrors& errors) {
  ids.advice.insert({kWithinCourse, kSevereWithinCourse, kPastCourse});
  const config::Json* triage = config::ReadObject(root, "", "triage", /*required=*/true, errors);
  if (triage == nullptr) return;
  config::RejectUnknownKeys(*triage, "triage", {"indicators", "emergency_numbers", "symptoms"},
                            errors);
  ReadIndicators(*triage, rules, errors);
  ReadEmergencyNumbers(*triage, rules, errors);
  const config::Json* symptoms =
      config::ReadObject(*triage, "triage", "symptoms", /*required=*/true, errors);
  if (symptoms == nullptr) return;
  if (symptoms->empty()) errors.Add("triage.symptoms", "must define at least one symptom");
  for (const auto& [code, object] : symptoms->items()) {
    if (CheckKey(code, "triage.symptoms", errors)) ReadSymptom(code, object, rules, ids, errors);
  }
}

}  // namespace needlework::aftercare
