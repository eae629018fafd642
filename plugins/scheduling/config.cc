#include "plugins/scheduling/config.h"

#include <string>
#include <tuple>
#include <utility>

#include "needlework/code_systems.h"
#include "plugins/scheduling/config_reader.h"
#include "plugins/scheduling/config_series.h"
#include "plugins/scheduling/names.h"

namespace needlework::scheduling {
namespace {

constexpr int kMaxDaysBetween = 365;
constexpr int kMaxNumbingMinutes = 240;
constexpr int kMaxMonths = 120;

void ReadTherapy(const Json& root, SchedulingRules& rules, ConfigErrors& errors) {
  const Json* therapy = ReadObject(root, "", "therapy", /*required=*/true, errors);
  if (therapy == nullptr) return;
  RejectUnknownKeys(*therapy, "therapy", {"code", "display", "display_name", "description"},
                    errors);
  const std::string code = ReadText(*therapy, "therapy", "code", errors);
  if (!code.empty() && !IsLocalCode(code)) {
    errors.Add("therapy.code", Json(code).dump() + " must be a code of " +
                                   std::string(code_systems::kProcedure) + ", e.g. microneedling");
  }
  rules.therapy.set_system(std::string(code_systems::kProcedure));
  rules.therapy.set_code(code);
  rules.therapy.set_display(ReadText(*therapy, "therapy", "display", errors));
  // The catalog's name and description; the name defaults to the display.
  rules.therapy_name = therapy->contains("display_name")
                           ? ReadText(*therapy, "therapy", "display_name", errors)
                           : rules.therapy.display();
  if (therapy->contains("description")) {
    rules.therapy_description = ReadText(*therapy, "therapy", "description", errors);
  }
}

void ReadDefaultSeverity(const Json& root, SchedulingRules& rules, ConfigErrors& errors) {
  const std::string name = ReadText(root, "", "default_severity", errors);
  std::optional<Severity> severity = SeverityFromName(name);
  if (!severity && !name.empty()) {
    errors.Add("default_severity", Json(name).dump() + " is not one of mild, moderate, severe");
  }
  rules.default_severity = severity.value_or(types::v1::SEVERITY_MODERATE);
}

// A {"min": n, "max": n} range at `key`, both within [1, limit] and min <= max.
std::pair<int, int> ReadRange(const Json& root, std::string_view key, int limit,
                              ConfigErrors& errors) {
  const Json* range = ReadObject(root, "", key, /*required=*/true, errors);
  if (range == nullptr) return {1, 1};
  RejectUnknownKeys(*range, key, {"min", "max"}, errors);
  std::optional<int> min = ReadInt(*range, key, "min", 1, limit, {}, errors);
  std::optional<int> max = ReadInt(*range, key, "max", 1, limit, {}, errors);
  if (min && max && *max < *min) {
    errors.Add(JoinPath(key, "max"), "must not be below min (" + std::to_string(*min) + ")");
  }
  return {min.value_or(1), max.value_or(1)};
}

void AddRequirement(types::v1::ResourceType type, std::string_view device_kind,
                    SchedulingRules& rules) {
  types::v1::ResourceRequirement* requirement = &rules.requirements.emplace_back();
  requirement->set_type(type);
  requirement->set_device_kind(std::string(device_kind));
}

void ReadRequirements(const Json& root, SchedulingRules& rules, ConfigErrors& errors) {
  const Json* requirements = ReadObject(root, "", "requirements", /*required=*/true, errors);
  if (requirements == nullptr) return;
  const std::string_view path = "requirements";
  RejectUnknownKeys(*requirements, path, {"practitioner", "room", "devices"}, errors);
  if (ReadBool(*requirements, path, "practitioner", true, errors)) {
    AddRequirement(types::v1::RESOURCE_TYPE_PRACTITIONER, "", rules);
  }
  if (ReadBool(*requirements, path, "room", true, errors)) {
    AddRequirement(types::v1::RESOURCE_TYPE_ROOM, "", rules);
  }
  const Json* devices = ReadObject(*requirements, path, "devices", /*required=*/false, errors);
  if (devices == nullptr) return;
  for (const auto& [kind, display] : devices->items()) {
    const std::string kind_path = JoinPath("requirements.devices", kind);
    if (!IsLocalCode(kind)) {
      errors.Add(kind_path, "device kind must be lower-case words joined by hyphens");
    } else if (!display.is_string() || display.get_ref<const std::string&>().empty()) {
      errors.Add(kind_path, "display must be a non-empty string, not " + DescribeValue(display));
    } else {
      AddRequirement(types::v1::RESOURCE_TYPE_DEVICE, kind, rules);
    }
  }
}

void ReadForbiddingOutcomes(const Json& booking, SchedulingRules& rules, ConfigErrors& errors) {
  const std::string_view path = "booking.forbidding_outcomes";
  const Json* outcomes =
      ReadObject(booking, "booking", "forbidding_outcomes", /*required=*/true, errors);
  if (outcomes == nullptr) return;
  for (const auto& [name, forbids] : outcomes->items()) {
    std::optional<Outcome> outcome = OutcomeFromName(name);
    if (!outcome) {
      errors.Add(path,
                 "unknown outcome " + Json(name).dump() + " (outcomes: " + OutcomeNameList() + ")");
    } else if (!forbids.is_boolean()) {
      errors.Add(JoinPath(path, name), "must be true or false, not " + DescribeValue(forbids));
    } else if (forbids.get<bool>()) {
      rules.booking.forbidding_outcomes.insert(*outcome);
    }
  }
}

void ReadBooking(const Json& root, SchedulingRules& rules, ConfigErrors& errors) {
  const Json* booking = ReadObject(root, "", "booking", /*required=*/true, errors);
  if (booking == nullptr) return;
  RejectUnknownKeys(*booking, "booking", {"forbidding_outcomes", "require_previous_session"},
                    errors);
  ReadForbiddingOutcomes(*booking, rules, errors);
  rules.booking.require_previous_session =
      ReadBool(*booking, "booking", "require_previous_session", true, errors);
}

SchedulingRules CompileRoot(const Json& root, ConfigErrors& errors) {
  RejectUnknownKeys(
      root, "config",
      {"therapy", "default_severity", "days_between", "numbing_minutes", "maintenance_months",
       "requirements", "area_groups", "concerns", "adjustments", "booking"},
      errors);
  SchedulingRules rules;
  ReadTherapy(root, rules, errors);
  ReadDefaultSeverity(root, rules, errors);
  std::tie(rules.min_days_between, rules.max_days_between) =
      ReadRange(root, "days_between", kMaxDaysBetween, errors);
  rules.numbing_minutes =
      ReadInt(root, "", "numbing_minutes", 0, kMaxNumbingMinutes, {}, errors).value_or(0);
  std::tie(rules.maintenance_min_months, rules.maintenance_max_months) =
      ReadRange(root, "maintenance_months", kMaxMonths, errors);
  ReadRequirements(root, rules, errors);
  ReadAreaGroups(root, rules, errors);
  ReadConcerns(root, rules, errors);
  ReadAdjustments(root, rules, errors);
  ReadBooking(root, rules, errors);
  return rules;
}

}  // namespace

StatusOr<SchedulingRules> CompileConfig(std::string_view config_json) {
  NW_ASSIGN_OR_RETURN(Json root, ParseConfigObject(config_json));
  ConfigErrors errors{std::string(kConfigSubject)};
  SchedulingRules rules = CompileRoot(root, errors);
  NW_RETURN_IF_ERROR(errors.ToStatus());
  return rules;
}

}  // namespace needlework::scheduling
