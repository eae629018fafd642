#include "plugins/aftercare/config.h"

#include <string>
#include <utility>

#include "needlework/kit/aftercare_config.h"
#include "needlework/kit/config_reader.h"
#include "plugins/aftercare/config_parts.h"
#include "plugins/aftercare/names.h"

namespace needlework::aftercare {
namespace {

constexpr std::string_view kConfigSubject = "aftercare config";

constexpr int kMaxMonths = 120;
constexpr int kMaxDayOffset = 365;
constexpr int kMaxOffsetMinutes = 365 * 24 * 60;

void ReadInstruction(const std::string& id, const config::Json& object, AftercareRules& rules,
                     config::ConfigErrors& errors) {
  const std::string path = config::JoinPath("instructions", id);
  if (!object.is_object()) {
    errors.Add(path, "must be an object, not " + config::DescribeValue(object));
    return;
  }
  config::RejectUnknownKeys(object, path, {"enabled", "from_hours", "until_hours", "indicator"},
                            errors);
  InstructionRule rule;
  rule.id = id;
  rule.from_hours = addon::ReadHours(object, path, "from_hours", errors);
  rule.until_hours = addon::ReadHours(object, path, "until_hours", errors);
  if (object.contains("until_hours") && !object.contains("from_hours")) {
    errors.Add(config::JoinPath(path, "until_hours"),
               "needs from_hours (without it the window starts once the skin has healed)");
  } else if (rule.from_hours && rule.until_hours && *rule.until_hours <= *rule.from_hours) {
    errors.Add(config::JoinPath(path, "until_hours"),
               "must be after from_hours (" + std::to_string(*rule.from_hours) + ")");
  }
  rule.indicator = addon::ReadName(object, path, "indicator", addon::IndicatorNames(),
                                   std::optional(types::v1::INDICATOR_INFO), errors);
  if (config::ReadBool(object, path, "enabled", true, errors)) rules.instructions.emplace(id, rule);
}

void ReadEffect(const std::string& id, const config::Json& object, AftercareRules& rules,
                ConfiguredIds& ids, config::ConfigErrors& errors) {
  const std::string path = config::JoinPath("effects", id);
  if (!object.is_object()) {
    errors.Add(path, "must be an object, not " + config::DescribeValue(object));
    return;
  }
  config::RejectUnknownKeys(object, path, {"enabled", "normal_course_hours"}, errors);
  const int hours =
      config::ReadInt(object, path, "normal_course_hours", 1, addon::kMaxHours, {}, errors)
          .value_or(1);
  ids.effects.insert(id);
  ids.effect_course_hours.emplace(id, hours);
  if (config::ReadBool(object, path, "enabled", true, errors)) {
    rules.effects.emplace(id, EffectRule{id, hours});
  }
}

// The LocalTime of a message with "time": day_offset, minute of day, month_offset (or
// maintenance_months.min when at_maintenance is true).
void ReadLocalTime(const config::Json& object, std::string_view path, const AftercareRules& rules,
                   types::v1::LocalTime& local, config::ConfigErrors& errors) {
  const std::string time = config::ReadText(object, path, "time", errors);
  std::optional<int> minute = addon::MinuteOfDay(time);
  if (!minute && !time.empty()) {
    errors.Add(config::JoinPath(path, "time"),
               config::Json(time).dump() + " must be \"HH:MM\", 00:00 to 23:59");
  }
  local.set_minute_of_day(minute.value_or(0));
  local.set_day_offset(
      config::ReadInt(object, path, "day_offset", -kMaxDayOffset, kMaxDayOffset, 0, errors)
          .value_or(0));
  const bool at_maintenance = config::ReadBool(object, path, "at_maintenance", false, errors);
  if (at_maintenance && object.contains("month_offset")) {
    errors.Add(config::JoinPath(path, "month_offset"),
               "goes without at_maintenance (which sends at maintenance_months.min)");
  }
  local.set_month_offset(
      at_maintenance
          ? rules.maintenance_min_months
          : config::ReadInt(object, path, "month_offset", 0, kMaxMonths, 0, errors).value_or(0));
}

void ReadMessage(const std::string& id, const config::Json& object, AftercareRules& rules,
                 config::ConfigErrors& errors) {
  const std::string path = config::JoinPath("messages", id);
  if (!object.is_object()) {
    errors.Add(path, "must be an object, not " + config::DescribeValue(object));
    return;
  }
  config::RejectUnknownKeys(object, path,
                            {"enabled", "anchor", "sessions", "offset_minutes", "time",
                             "day_offset", "month_offset", "at_maintenance"},
                            errors);
  MessageRule rule;
  rule.id = id;
  rule.sessions = addon::ReadName(object, path, "sessions", SessionFilterNames(),
                                  std::optional(SessionFilter::kAll), errors);
  // A refused anchor reads as session-end, so the checks below still speak to the rest.
  const Anchor parsed = addon::ReadName(object, path, "anchor", AnchorNames(), {}, errors);
  rule.send_at.set_anchor(parsed != types::v1::ANCHOR_UNSPECIFIED ? parsed
                                                                  : types::v1::ANCHOR_SESSION_END);
  if (parsed == types::v1::ANCHOR_NEXT_SESSION_START && rule.sessions != SessionFilter::kNotLast) {
    errors.Add(config::JoinPath(path, "sessions"),
               "must be \"not-last\" with anchor next-session-start (the last session has no "
               "next one)");
  }
  if (object.contains("offset_minutes") == object.contains("time")) {
    errors.Add(path, "needs exactly one of \"offset_minutes\" and \"time\"");
  } else if (object.contains("offset_minutes")) {
    for (const char* key : {"day_offset", "month_offset", "at_maintenance"}) {
      if (object.contains(key)) errors.Add(config::JoinPath(path, key), "goes with \"time\"");
    }
    rule.send_at.set_offset_minutes(config::ReadInt(object, path, "offset_minutes",
                                                    -kMaxOffsetMinutes, kMaxOffsetMinutes, {},
                                                    errors)
                                        .value_or(0));
  } else {
    ReadLocalTime(object, path, rules, *rule.send_at.mutable_local(), errors);
  }
  if (config::ReadBool(object, path, "enabled", true, errors)) rules.messages.emplace(id, rule);
}

// Calls `read(id, value)` for each member of the required object root[key] whose key is a
// local code.
template <typename Read>
void ForEachItem(const config::Json& root, std::string_view key, config::ConfigErrors& errors,
                 Read read) {
  const config::Json* items = config::ReadObject(root, "", key, /*required=*/true, errors);
  if (items == nullptr) return;
  for (const auto& [id, object] : items->items()) {  // sorted by id: nlohmann's std::map
    if (CheckKey(id, key, errors)) read(id, object);
  }
}

void ReadMaintenance(const config::Json& root, AftercareRules& rules,
                     config::ConfigErrors& errors) {
  const std::string_view path = "maintenance_months";
  const config::Json* range = config::ReadObject(root, "", path, /*required=*/true, errors);
  if (range == nullptr) return;
  config::RejectUnknownKeys(*range, path, {"min", "max"}, errors);
  std::optional<int> min = config::ReadInt(*range, path, "min", 1, kMaxMonths, {}, errors);
  std::optional<int> max = config::ReadInt(*range, path, "max", 1, kMaxMonths, {}, errors);
  if (min && max && *max < *min) {
    errors.Add(config::JoinPath(path, "max"),
               "must not be below min (" + std::to_string(*min) + ")");
  }
  rules.maintenance_min_months = min.value_or(1);
  rules.maintenance_max_months = max.value_or(1);
}

AftercareRules CompileRoot(const config::Json& root, config::ConfigErrors& errors) {
  config::RejectUnknownKeys(root, "config",
                            {"default_language", "maintenance_months", "instructions", "effects",
                             "messages", "triage", "languages"},
                            errors);
  AftercareRules rules;
  ConfiguredIds ids;
  rules.default_language = config::ReadText(root, "", "default_language", errors);
  ReadMaintenance(root, rules, errors);
  ForEachItem(root, "instructions", errors, [&](const std::string& id, const config::Json& object) {
    ids.instructions.insert(id);
    ReadInstruction(id, object, rules, errors);
  });
  ForEachItem(root, "effects", errors, [&](const std::string& id, const config::Json& object) {
    ReadEffect(id, object, rules, ids, errors);
  });
  ForEachItem(root, "messages", errors, [&](const std::string& id, const config::Json& object) {
    ids.messages.insert(id);
    if (object.is_object() && object.contains("anchor") &&
        object["anchor"] == "next-session-start") {
      ids.waiting_messages.insert(id);
    }
    ReadMessage(id, object, rules, errors);
  });
  ReadTriage(root, rules, ids, errors);
  ReadLanguages(root, ids, rules, errors);
  return rules;
}

}  // namespace

bool CheckKey(const std::string& key, std::string_view path, config::ConfigErrors& errors) {
  if (config::IsLocalCode(key)) return true;
  errors.Add(config::JoinPath(path, key),
             "key must be lower-case letters and digits in hyphen-joined words, e.g. "
             "\"avoid-sun\"");
  return false;
}

StatusOr<AftercareRules> CompileConfig(std::string_view config_json) {
  NW_ASSIGN_OR_RETURN(config::Json root, config::ParseConfigObject(config_json, kConfigSubject));
  config::ConfigErrors errors{std::string(kConfigSubject)};
  AftercareRules rules = CompileRoot(root, errors);
  NW_RETURN_IF_ERROR(errors.ToStatus());
  return rules;
}

}  // namespace needlework::aftercare
