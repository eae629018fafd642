#include "plugins/scheduling/config.h"

#include <string>
#include <tuple>
#include <utility>

#include "needlework/code_systems.h"
#include "needlework/kit/config_reader.h"
#include "plugins/scheduling/config_series.h"
#include "plugins/scheduling/names.h"

namespace needlework::scheduling {
namespace {

constexpr std::string_view kConfigSubject = "scheduling config";

constexpr int kMaxDaysBetween = 365;
constexpr int kMaxNumbingMinutes = 240;
constexpr int kMaxMonths = 120;

void ReadTherapy(const config::Json& root, SchedulingRules& rules, config::ConfigErrors& errors) {
  const config::Json* therapy = config::ReadObject(root, "", "therapy", /*required=*/true, errors);
  if (therapy == nullptr) return;
  config::RejectUnknownKeys(*therapy, "therapy", {"code", "display", "display_name", "description"},
                            errors);
  const std::string code = config::ReadText(*therapy, "therapy", "code", errors);
  if (!code.empty() && !config::IsLocalCode(code)) {
    errors.Add("therapy.code", config::Json(code).dump() + " must be a code of " +
                                   std::string(code_systems::kProcedure) + ", e.g. microneedling");
  }
  rules.therapy.set_system(std::string(code_systems::kProcedure));
  rules.therapy.set_code(code);
  rules.therapy.set_display(config::ReadText(*therapy, "therapy", "display", errors));
  // The catalog's name and description; the name defaults to the display.
  rules.therapy_name = therapy->contains("display_name")
                           ? config::ReadText(*therapy, "therapy", "display_name", errors)
                           : rules.therapy.display();
  if (therapy->contains("description")) {
    rules.therapy_description = config::ReadText(*therapy, "therapy", "description", errors);
  }
}

void ReadDefaultSeverity(const config::Json& root, SchedulingRules& rules,
                         config::ConfigErrors& errors) {
  const std::string name = config::ReadText(root, "", "default_severity", errors);
  std::optional<Severity> severity = SeverityFromName(name);
  if (!severity && !name.empty()) {
    errors.Add("default_severity",
               config::Json(name).dump() + " is not one of mild, moderate, severe");
  }
  rules.default_severity = severity.value_or(types::v1::SEVERITY_MODERATE);
}

// A {"min": n, "max": n} range at `key`, both within [1, limit] and min <= max.
std::pair<int, int> ReadRange(const config::Json& root, std::string_view key, int limit,
                              config::ConfigErrors& errors) {
  const config::Json* range = config::ReadObject(root, "", key, /*required=*/true, errors);
  if (range == nullptr) return {1, 1};
  config::RejectUnknownKeys(*range, key, {"min", "max"}, errors);
  std::optional<int> min = config::ReadInt(*range, key, "min", 1, limit, {}, errors);
  std::optional<int> max = config::ReadInt(*range, key, "max", 1, limit, {}, errors);
  if (min && max && *max < *min) {
    errors.Add(config::JoinPath(key, "max"),
               "must not be below min (" + std::to_string(*min) + ")");
  }
  return {min.value_or(1), max.value_or(1)};
}

void AddRequirement(types::v1::ResourceType type, std::string_view device_kind,
                    SchedulingRules& rules) {
  types::v1::ResourceRequirement* requirement = &rules.requirements.emplace_back();
  requirement->set_type(type);
  requirement->set_device_kind(std::string(device_kind));
}

void ReadRequirements(const config::Json& root, SchedulingRules& rules,
                      config::ConfigErrors& errors) {
  const config::Json* requirements =
      config::ReadObject(root, "", "requirements", /*required=*/true, errors);
  if (requirements == nullptr) return;
  const std::string_view path = "requirements";
  config::RejectUnknownKeys(*requirements, path, {"practitioner", "room", "devices"}, errors);
  if (config::ReadBool(*requirements, path, "practitioner", true, errors)) {
    AddRequirement(types::v1::RESOURCE_TYPE_PRACTITIONER, "", rules);
  }
  if (config::ReadBool(*requirements, path, "room", true, errors)) {
    AddRequirement(types::v1::RESOURCE_TYPE_ROOM, "", rules);
  }
  const config::Json* devices =
      config::ReadObject(*requirements, path, "devices", /*required=*/false, errors);
  if (devices == nullptr) return;
  for (const auto& [kind, display] : devices->items()) {
    const std::string kind_path = config::JoinPath("requirements.devices", kind);
    if (!config::IsLocalCode(kind)) {
      errors.Add(kind_path, "device kind must be lower-case words joined by hyphens");
    } else if (!display.is_string() || display.get_ref<const std::string&>().empty()) {
      errors.Add(kind_path,
                 "display must be a non-empty string, not " + config::DescribeValue(display));
    } else {
      AddRequirement(types::v1::RESOURCE_TYPE_DEVICE, kind, rules);
    }
  }
}

void ReadForbiddingOutcomes(const config::Json& booking, SchedulingRules& rules,
                            config::ConfigErrors& errors) {
  const std::string_view path = "booking.forbidding_outcomes";
  const config::Json* outcomes =
      config::ReadObject(booking, "booking", "forbidding_outcomes", /*required=*/true, errors);
  if (outcomes == nullptr) return;
  for (const auto& [name, forbids] : outcomes->items()) {
    std::optional<Outcome> outcome = OutcomeFromName(name);
    if (!outcome) {
      errors.Add(path, "unknown outcome " + config::Json(name).dump() +
                           " (outcomes: " + OutcomeNameList() + ")");
    } else if (!forbids.is_boolean()) {
      errors.Add(config::JoinPath(path, name),
                 "must be true or false, not " + config::DescribeValue(forbids));
    } else if (forbids.get<bool>()) {
      rules.booking.forbidding_outcomes.insert(*outcome);
    }
  }
}

void ReadBooking(const config::Json& root, SchedulingRules& rules, config::ConfigErrors& errors) {
  const config::Json* booking = config::ReadObject(root, "", "booking", /*required=*/true, errors);
  if (booking == nullptr) return;
  config::RejectUnknownKeys(*booking, "booking",
                            {"forbidding_outcomes", "require_previous_session"}, errors);
  ReadForbiddingOutcomes(*booking, rules, errors);
  rules.booking.require_previous_session =
      config::ReadBool(*booking, "booking", "require_previous_session", true, errors);
}

SchedulingRules CompileRoot(const config::Json& root, config::ConfigErrors& errors) {
  config::RejectUnknownKeys(
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
      config::ReadInt(root, "", "numbing_minutes", 0, kMaxNumbingMinutes, {}, errors).value_or(0);
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
  NW_ASSIGN_OR_RETURN(config::Json root, config::ParseConfigObject(config_json, kConfigSubject));
  config::ConfigErrors errors{std::string(kConfigSubject)};
  SchedulingRules rules = CompileRoot(root, errors);
  NW_RETURN_IF_ERROR(errors.ToStatus());
  return rules;
}

}  // namespace needlework::scheduling
