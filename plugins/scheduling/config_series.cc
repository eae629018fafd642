#include "plugins/scheduling/config_series.h"

#include <string>
#include <utility>

namespace needlework::scheduling {
namespace {

constexpr int kMaxSessions = 50;
constexpr int kMaxMinutes = 480;
constexpr int kMaxExtraDays = 365;
constexpr int kMaxAgeYears = 150;

// Every key of a config object that becomes a code must be a local code.
bool CheckKey(const std::string& key, std::string_view path, config::ConfigErrors& errors) {
  if (config::IsLocalCode(key)) return true;
  errors.Add(config::JoinPath(path, key),
             "key must be lower-case letters and digits in hyphen-joined "
             "words, e.g. \"fine-lines\"");
  return false;
}

std::string KnownKeys(const std::map<std::string, AreaGroup>& groups) {
  std::string list;
  for (const auto& [id, group] : groups) list.append(list.empty() ? "" : ", ").append(id);
  return list;
}

void ReadAreas(const config::Json& object, std::string_view path, const AreaGroup& group,
               SchedulingRules& rules, config::ConfigErrors& errors) {
  const config::Json* areas = config::ReadObject(object, path, "areas", /*required=*/true, errors);
  if (areas == nullptr) return;
  const std::string areas_path = config::JoinPath(path, "areas");
  if (areas->empty()) errors.Add(areas_path, "must list at least one treatment area");
  for (const auto& [code, display] : areas->items()) {
    if (!CheckKey(code, areas_path, errors)) continue;
    if (!display.is_string() || display.get_ref<const std::string&>().empty()) {
      errors.Add(config::JoinPath(areas_path, code),
                 "display must be a non-empty string, not " + config::DescribeValue(display));
      continue;
    }
    auto [it, added] = rules.areas.emplace(code, Area{display.get<std::string>(), group.id});
    if (!added) {
      errors.Add(config::JoinPath(areas_path, code),
                 "area is already in area group " + config::Json(it->second.group).dump());
    }
  }
}

void ReadAreaGroup(const std::string& id, const config::Json& object, SchedulingRules& rules,
                   config::ConfigErrors& errors) {
  const std::string path = config::JoinPath("area_groups", id);
  if (!object.is_object()) {
    errors.Add(path, "must be an object, not " + config::DescribeValue(object));
    return;
  }
  config::RejectUnknownKeys(
      object, path,
      {"display", "needling_minutes", "minutes_per_extra_area", "max_needling_minutes", "areas"},
      errors);
  AreaGroup group;
  group.id = id;
  group.display = config::ReadText(object, path, "display", errors);
  group.needling_minutes =
      config::ReadInt(object, path, "needling_minutes", 1, kMaxMinutes, {}, errors).value_or(1);
  group.minutes_per_extra_area =
      config::ReadInt(object, path, "minutes_per_extra_area", 0, kMaxMinutes, 0, errors)
          .value_or(0);
  group.max_needling_minutes = config::ReadInt(object, path, "max_needling_minutes", 1, kMaxMinutes,
                                               group.needling_minutes, errors)
                                   .value_or(group.needling_minutes);
  if (group.max_needling_minutes < group.needling_minutes) {
    errors.Add(
        config::JoinPath(path, "max_needling_minutes"),
        "must not be below needling_minutes (" + std::to_string(group.needling_minutes) + ")");
  }
  ReadAreas(object, path, group, rules, errors);
  rules.area_groups.emplace(id, std::move(group));
}

// A {"mild": n, "moderate": n, "severe": n} table.
SessionTable ReadSessionTable(const config::Json& object, std::string_view path,
                              config::ConfigErrors& errors) {
  SessionTable table{1, 1, 1};
  if (!object.is_object()) {
    errors.Add(path, "must be an object, not " + config::DescribeValue(object));
    return table;
  }
  config::RejectUnknownKeys(object, path, {"mild", "moderate", "severe"}, errors);
  const char* names[] = {"mild", "moderate", "severe"};
  bool complete = true;
  for (size_t i = 0; i < table.size(); ++i) {
    std::optional<int> count = config::ReadInt(object, path, names[i], 1, kMaxSessions, {}, errors);
    complete = complete && count.has_value();
    table[i] = count.value_or(1);
  }
  if (complete && (table[0] > table[1] || table[1] > table[2])) {
    errors.Add(path, "sessions must not decrease with severity (mild <= moderate <= severe)");
  }
  return table;
}

void ReadConcern(const std::string& code, const config::Json& object, SchedulingRules& rules,
                 config::ConfigErrors& errors) {
  const std::string path = config::JoinPath("concerns", code);
  if (!object.is_object()) {
    errors.Add(path, "must be an object, not " + config::DescribeValue(object));
    return;
  }
  config::RejectUnknownKeys(object, path, {"display", "sessions", "sessions_by_area_group"},
                            errors);
  ConcernRule concern;
  concern.code = code;
  concern.display = config::ReadText(object, path, "display", errors);
  if (const config::Json* sessions =
          config::ReadObject(object, path, "sessions", /*required=*/true, errors)) {
    concern.sessions = ReadSessionTable(*sessions, config::JoinPath(path, "sessions"), errors);
  }
  const std::string by_group_path = config::JoinPath(path, "sessions_by_area_group");
  if (const config::Json* by_group =
          config::ReadObject(object, path, "sessions_by_area_group", /*required=*/false, errors)) {
    for (const auto& [group, table] : by_group->items()) {
      if (!rules.area_groups.contains(group)) {
        errors.Add(by_group_path, "unknown area group " + config::Json(group).dump() +
                                      " (known area groups: " + KnownKeys(rules.area_groups) + ")");
        continue;
      }
      concern.by_group[group] =
          ReadSessionTable(table, config::JoinPath(by_group_path, group), errors);
    }
  }
  rules.concerns.emplace(code, std::move(concern));
}

// The trigger of an adjustment: an observation code with min_value, or min_age_years.
void ReadTrigger(const config::Json& object, std::string_view path, Adjustment& adjustment,
                 config::ConfigErrors& errors) {
  const bool has_observation = object.contains("observation");
  const bool has_age = object.contains("min_age_years");
  if (has_observation == has_age) {
    errors.Add(path,
               "needs exactly one trigger: \"observation\" (with \"min_value\") or "
               "\"min_age_years\"");
    return;
  }
  if (has_age) {
    adjustment.min_age_years =
        config::ReadInt(object, path, "min_age_years", 0, kMaxAgeYears, {}, errors);
    if (object.contains("min_value")) {
      errors.Add(config::JoinPath(path, "min_value"),
                 "goes with \"observation\", not \"min_age_years\"");
    }
    return;
  }
  const std::string key = config::ReadText(object, path, "observation", errors);
  if (auto split = config::SplitCodeKey(key)) {
    adjustment.observation.emplace();
    adjustment.observation->set_system(split->first);
    adjustment.observation->set_code(split->second);
  } else if (!key.empty()) {
    errors.Add(
        config::JoinPath(path, "observation"),
        config::Json(key).dump() + " must be \"system|code\" with an absolute URI as system");
  }
  std::optional<double> min_value = config::ReadNumber(object, path, "min_value", errors);
  if (!min_value && !object.contains("min_value")) {
    errors.Add(config::JoinPath(path, "min_value"), "is required with \"observation\"");
  }
  adjustment.min_value = min_value.value_or(0);
}

void ReadAdjustment(const std::string& id, const config::Json& object, SchedulingRules& rules,
                    config::ConfigErrors& errors) {
  const std::string path = config::JoinPath("adjustments", id);
  if (!object.is_object()) {
    errors.Add(path, "must be an object, not " + config::DescribeValue(object));
    return;
  }
  config::RejectUnknownKeys(object, path,
                            {"enabled", "display", "observation", "min_value", "min_age_years",
                             "extra_sessions", "extra_days_between"},
                            errors);
  const bool enabled = config::ReadBool(object, path, "enabled", true, errors);
  Adjustment adjustment;
  adjustment.id = id;
  adjustment.display = config::ReadText(object, path, "display", errors);
  ReadTrigger(object, path, adjustment, errors);
  adjustment.extra_sessions =
      config::ReadInt(object, path, "extra_sessions", 0, kMaxSessions, 0, errors).value_or(0);
  adjustment.extra_days_between =
      config::ReadInt(object, path, "extra_days_between", 0, kMaxExtraDays, 0, errors).value_or(0);
  if (enabled) rules.adjustments.push_back(std::move(adjustment));
}

}  // namespace

void ReadAreaGroups(const config::Json& root, SchedulingRules& rules,
                    config::ConfigErrors& errors) {
  const config::Json* groups =
      config::ReadObject(root, "", "area_groups", /*required=*/true, errors);
  if (groups == nullptr) return;
  if (groups->empty()) errors.Add("area_groups", "must define at least one area group");
  for (const auto& [id, object] : groups->items()) {  // sorted by id: nlohmann's std::map
    if (CheckKey(id, "area_groups", errors)) ReadAreaGroup(id, object, rules, errors);
  }
}

void ReadConcerns(const config::Json& root, SchedulingRules& rules, config::ConfigErrors& errors) {
  const config::Json* concerns =
      config::ReadObject(root, "", "concerns", /*required=*/true, errors);
  if (concerns == nullptr) return;
  if (concerns->empty()) errors.Add("concerns", "must define at least one concern");
  for (const auto& [code, object] : concerns->items()) {
    if (CheckKey(code, "concerns", errors)) ReadConcern(code, object, rules, errors);
  }
}

void ReadAdjustments(const config::Json& root, SchedulingRules& rules,
                     config::ConfigErrors& errors) {
  const config::Json* adjustments =
      config::ReadObject(root, "", "adjustments", /*required=*/false, errors);
  if (adjustments == nullptr) return;
  for (const auto& [id, object] : adjustments->items()) {
    if (CheckKey(id, "adjustments", errors)) ReadAdjustment(id, object, rules, errors);
  }
}

}  // namespace needlework::scheduling
