// Reads root.triage: the indicator of each level and a rule per symptom code.
#include <string>

#include "plugins/aftercare/config_parts.h"
#include "plugins/aftercare/names.h"

namespace needlework::aftercare {
namespace {

constexpr int kMaxHours = 24 * 365;
constexpr std::string_view kLevelNames = "expected, monitor, contact-clinic, urgent";

// The level named by member `key`, or `fallback` when absent (a problem when unknown).
TriageLevel ReadLevel(const Json& object, std::string_view path, std::string_view key,
                      TriageLevel fallback, ConfigErrors& errors) {
  if (!object.contains(key)) return fallback;
  const std::string name = ReadText(object, path, key, errors);
  std::optional<TriageLevel> level = LevelFromName(name);
  if (!level && !name.empty()) {
    errors.Add(JoinPath(path, key),
               Json(name).dump() + " is not one of " + std::string(kLevelNames));
  }
  return level.value_or(fallback);
}

void ReadIndicators(const Json& triage, AftercareRules& rules, ConfigErrors& errors) {
  const std::string_view path = "triage.indicators";
  const Json* indicators = ReadObject(triage, "triage", "indicators", /*required=*/true, errors);
  if (indicators == nullptr) return;
  RejectUnknownKeys(*indicators, path, {"expected", "monitor", "contact-clinic", "urgent"}, errors);
  for (const char* level_name : {"expected", "monitor", "contact-clinic", "urgent"}) {
    const std::string name = ReadText(*indicators, path, level_name, errors);
    std::optional<Indicator> indicator = IndicatorFromName(name);
    if (!indicator && !name.empty()) {
      errors.Add(JoinPath(path, level_name),
                 Json(name).dump() + " is not one of info, warning, critical");
    }
    rules.indicator_for_level[*LevelFromName(level_name)] =
        indicator.value_or(types::v1::INDICATOR_WARNING);
  }
}

// A sign rule: {"level": ..., "advice": advice-id}, whatever the days and severity.
void ReadSignRule(const Json& object, std::string_view path, SymptomRule& rule, ConfiguredIds& ids,
                  ConfigErrors& errors) {
  RejectUnknownKeys(object, path, {"level", "advice"}, errors);
  rule.sign_level = ReadLevel(object, path, "level", types::v1::TRIAGE_LEVEL_URGENT, errors);
  rule.sign_advice = ReadText(object, path, "advice", errors);
  if (!rule.sign_advice.empty() && CheckKey(rule.sign_advice, JoinPath(path, "advice"), errors)) {
    ids.advice.insert(rule.sign_advice);
  }
}

// A course rule: the course of an expected effect ("effect") or its own ("course_hours"),
// and the level of each case.
void ReadCourseRule(const Json& object, std::string_view path, SymptomRule& rule,
                    const ConfiguredIds& ids, ConfigErrors& errors) {
  RejectUnknownKeys(
      object, path,
      {"effect", "course_hours", "within_course", "severe_within_course", "past_course"}, errors);
  if (object.contains("effect") == object.contains("course_hours")) {
    errors.Add(path, "needs exactly one of \"effect\", \"course_hours\" (or \"level\")");
  } else if (object.contains("course_hours")) {
    rule.course_hours = ReadInt(object, path, "course_hours", 1, kMaxHours, {}, errors);
  } else {
    const std::string effect = ReadText(object, path, "effect", errors);
    auto found = ids.effect_course_hours.find(effect);
    if (found != ids.effect_course_hours.end()) {
      rule.course_hours = found->second;
    } else if (!effect.empty()) {
      std::string known;
      for (const std::string& id : ids.effects) known.append(known.empty() ? "" : ", ").append(id);
      errors.Add(JoinPath(path, "effect"),
                 "unknown effect " + Json(effect).dump() + " (effects: " + known + ")");
    }
  }
  rule.within_course = ReadLevel(object, path, "within_course", rule.within_course, errors);
  rule.severe_within_course =
      ReadLevel(object, path, "severe_within_course", rule.severe_within_course, errors);
  rule.past_course = ReadLevel(object, path, "past_course", rule.past_course, errors);
}

void ReadSymptom(const std::string& code, const Json& object, AftercareRules& rules,
                 ConfiguredIds& ids, ConfigErrors& errors) {
  const std::string path = JoinPath("triage.symptoms", code);
  if (!object.is_object()) {
    errors.Add(path, "must be an object, not " + DescribeValue(object));
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

}  // namespace

void ReadTriage(const Json& root, AftercareRules& rules, ConfiguredIds& ids, ConfigErrors& errors) {
  ids.advice.insert({kWithinCourse, kSevereWithinCourse, kPastCourse});
  const Json* triage = ReadObject(root, "", "triage", /*required=*/true, errors);
  if (triage == nullptr) return;
  RejectUnknownKeys(*triage, "triage", {"indicators", "symptoms"}, errors);
  ReadIndicators(*triage, rules, errors);
  const Json* symptoms = ReadObject(*triage, "triage", "symptoms", /*required=*/true, errors);
  if (symptoms == nullptr) return;
  if (symptoms->empty()) errors.Add("triage.symptoms", "must define at least one symptom");
  for (const auto& [code, object] : symptoms->items()) {
    if (CheckKey(code, "triage.symptoms", errors)) ReadSymptom(code, object, rules, ids, errors);
  }
}

}  // namespace needlework::aftercare
