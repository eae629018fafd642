#include "host/planning/plan_rules.h"

#include <algorithm>
#include <optional>

#include "needlework/plugin/v1/plan.pb.h"

namespace needlework::host {
namespace {

namespace types = needlework::types::v1;
using needlework::v1::PluginRun;

Status Bad(const std::string& field, const std::string& what) {
  return InvalidArgumentError("plan." + field + " " + what);
}

Status CheckRequirements(const types::SeriesPlan& plan) {
  if (plan.requirements().empty()) {
    return Bad("requirements", "is empty; a session needs at least a practitioner");
  }
  for (int i = 0; i < plan.requirements_size(); ++i) {
    const auto& r = plan.requirements(i);
    std::string field = "requirements[" + std::to_string(i) + "]";
    if (r.type() == types::RESOURCE_TYPE_UNSPECIFIED || !types::ResourceType_IsValid(r.type())) {
      return Bad(field + ".type", "must be PRACTITIONER, ROOM or DEVICE");
    }
    if (r.type() == types::RESOURCE_TYPE_DEVICE && r.device_kind().empty()) {
      return Bad(field + ".device_kind", "is required for a device (e.g. microneedling-pen)");
    }
  }
  return OkStatus();
}

bool SameRequirement(const types::ResourceRequirement& a, const types::ResourceRequirement& b) {
  return a.type() == b.type() && a.device_kind() == b.device_kind();
}

Status MergeInto(types::SeriesPlan& base, const types::SeriesPlan& extra) {
  if (extra.min_days_between() > base.max_days_between() ||
      base.min_days_between() > extra.max_days_between()) {
    return FailedPreconditionError(
        "the plugins' spacing windows do not overlap (" + std::to_string(base.min_days_between()) +
        "-" + std::to_string(base.max_days_between()) + " days and " +
        std::to_string(extra.min_days_between()) + "-" + std::to_string(extra.max_days_between()) +
        " days); adjust one plugin's config");
  }
  base.set_session_count(std::max(base.session_count(), extra.session_count()));
  base.set_min_days_between(std::max(base.min_days_between(), extra.min_days_between()));
  base.set_max_days_between(std::max(base.min_days_between(),
                                     std::min(base.max_days_between(), extra.max_days_between())));
  base.set_session_minutes(std::max(base.session_minutes(), extra.session_minutes()));
  base.set_numbing_minutes(std::max(base.numbing_minutes(), extra.numbing_minutes()));
  for (const auto& requirement : extra.requirements()) {
    bool known = std::any_of(base.requirements().begin(), base.requirements().end(),
                             [&](const auto& r) { return SameRequirement(r, requirement); });
    if (!known) *base.add_requirements() = requirement;
  }
  for (const auto& line : extra.rationale()) base.add_rationale(line);
  return OkStatus();
}

Status ValidateAddOnPlan(const types::SeriesPlan& plan) {
  if (plan.min_days_between() < 0 || plan.min_days_between() > 730) {
    return Bad("min_days_between",
               "must be 0 to 730, not " + std::to_string(plan.min_days_between()));
  }
  return OkStatus();
}

// Applies an add-on plugin's constraint on the series.
Status Constrain(types::SeriesPlan& base, const types::SeriesPlan& add_on,
                 const std::string& plugin_id) {
  if (add_on.min_days_between() > base.max_days_between()) {
    return FailedPreconditionError(
        plugin_id + " needs at least " + std::to_string(add_on.min_days_between()) +
        " days between sessions, more than the series allows (" +
        std::to_string(base.max_days_between()) + "); adjust one plugin's config");
  }
  base.set_min_days_between(std::max(base.min_days_between(), add_on.min_days_between()));
  for (const auto& line : add_on.rationale()) base.add_rationale(line);
  return OkStatus();
}

}  // namespace

Status ValidateSeriesPlan(const types::SeriesPlan& plan) {
  if (plan.session_count() < 1 || plan.session_count() > 50) {
    return Bad("session_count", "must be 1 to 50, not " + std::to_string(plan.session_count()));
  }
  if (plan.min_days_between() < 0 || plan.max_days_between() > 730 ||
      plan.max_days_between() < plan.min_days_between()) {
    return Bad("max_days_between", "must be at least min_days_between (" +
                                       std::to_string(plan.min_days_between()) +
                                       ") and at most 730");
  }
  if (plan.session_minutes() < 5 || plan.session_minutes() > 600) {
    return Bad("session_minutes",
               "must be 5 to 600, not " + std::to_string(plan.session_minutes()));
  }
  if (plan.numbing_minutes() < 0 || plan.numbing_minutes() >= plan.session_minutes()) {
    return Bad("numbing_minutes", "must be at least 0 and less than session_minutes");
  }
  if (plan.maintenance_max_months() < plan.maintenance_min_months()) {
    return Bad("maintenance_max_months", "must be at least maintenance_min_months");
  }
  return CheckRequirements(plan);
}

StatusOr<types::SeriesPlan> MergePlanAnswers(const std::vector<PluginCallResult>& results,
                                             google::protobuf::RepeatedPtrField<PluginRun>* runs) {
  std::optional<types::SeriesPlan> merged;
  std::vector<std::pair<types::SeriesPlan, std::string>> constraints;  // from add-on plugins
  std::string failures;
  for (const auto& result : results) {
    FillPluginRun(result, runs->Add());
    if (result.state == PluginRun::STATE_ERROR && result.code == StatusCode::kInvalidArgument) {
      return InvalidArgumentError(result.message.substr(result.message.find(": ") + 2));
    }
    needlework::plugin::v1::PlanResponse answer;
    Status usable = OkStatus();
    if (result.state != PluginRun::STATE_OK) {
      usable = UnavailableError(result.message);
    } else if (!answer.ParseFromString(result.response)) {
      usable = InternalError("answered a malformed PlanResponse");
    } else {
      usable = result.instance->only_add_ons() ? ValidateAddOnPlan(answer.plan())
                                               : ValidateSeriesPlan(answer.plan());
    }
    if (!usable.ok()) {
      PluginRun* run = runs->Mutable(runs->size() - 1);
      run->set_state(PluginRun::STATE_ERROR);
      run->set_message(usable.message());
      failures +=
          (failures.empty() ? "" : "; ") + result.instance->plugin_id() + ": " + usable.message();
      continue;
    }
    if (result.instance->only_add_ons()) {
      constraints.emplace_back(answer.plan(), result.instance->plugin_id());
    } else if (!merged) {
      merged = answer.plan();
    } else {
      NW_RETURN_IF_ERROR(MergeInto(*merged, answer.plan()));
    }
  }
  if (!failures.empty()) {
    // A plugin that could not answer might have asked for more time, spacing or devices:
    // proposing without it would understate the series.
    return UnavailableError("no complete plan could be proposed: " + failures);
  }
  if (!merged) return UnavailableError("no plan could be proposed");
  for (const auto& [plan, plugin_id] : constraints) {
    NW_RETURN_IF_ERROR(Constrain(*merged, plan, plugin_id));
  }
  return *merged;
}

}  // namespace needlework::host
