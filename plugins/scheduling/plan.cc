#include "plugins/scheduling/plan.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "needlework/code_systems.h"
#include "plugins/scheduling/adjustments.h"
#include "plugins/scheduling/names.h"

namespace needlework::scheduling {
namespace {

using google::protobuf::RepeatedPtrField;
using types::v1::Coding;
using types::v1::SeriesPlan;

// The requested areas of one area group, in request order.
struct GroupAreas {
  const AreaGroup* group;
  std::vector<const Area*> areas;
};

template <typename Value>
std::string KnownCodes(const std::map<std::string, Value>& known) {
  std::string list;
  for (const auto& [code, value] : known) list.append(list.empty() ? "" : ", ").append(code);
  return list;
}

std::string Quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

// The config entries for `codings`, each once, in request order. `noun` names one coding
// in messages ("concern", "treatment area").
template <typename Value>
StatusOr<std::vector<const Value*>> Resolve(const RepeatedPtrField<Coding>& codings,
                                            std::string_view system,
                                            const std::map<std::string, Value>& known,
                                            const std::string& noun) {
  std::vector<const Value*> found;
  for (const Coding& coding : codings) {
    if (coding.system() != system) {
      return InvalidArgumentError(noun + " " + Quoted(coding.system() + "|" + coding.code()) +
                                  " is not a code of " + std::string(system));
    }
    auto it = known.find(coding.code());
    if (it == known.end()) {
      return InvalidArgumentError("unknown " + noun + " " + Quoted(coding.code()) +
                                  "; this clinic's scheduling config knows " + noun + "s " +
                                  KnownCodes(known));
    }
    if (std::find(found.begin(), found.end(), &it->second) == found.end()) {
      found.push_back(&it->second);
    }
  }
  if (found.empty()) return InvalidArgumentError("at least one " + noun + " is required");
  return found;
}

std::vector<GroupAreas> ByAreaGroup(const SchedulingRules& rules,
                                    const std::vector<const Area*>& areas) {
  std::vector<GroupAreas> groups;
  for (const auto& [id, group] : rules.area_groups) {
    GroupAreas selection{&group, {}};
    for (const Area* area : areas) {
      if (area->group == id) selection.areas.push_back(area);
    }
    if (!selection.areas.empty()) groups.push_back(std::move(selection));
  }
  return groups;
}

// "face and neck (around the eyes, forehead)".
std::string Describe(const GroupAreas& selection) {
  std::string text = selection.group->display + " (";
  for (size_t i = 0; i < selection.areas.size(); ++i) {
    text.append(i == 0 ? "" : ", ").append(selection.areas[i]->display);
  }
  return text + ")";
}

std::string Count(int count, std::string_view singular, std::string_view plural) {
  return std::to_string(count) + " " + std::string(count == 1 ? singular : plural);
}

StatusOr<Severity> EffectiveSeverity(const SchedulingRules& rules, Severity requested,
                                     SeriesPlan* plan) {
  if (requested == types::v1::SEVERITY_UNSPECIFIED) {
    plan->add_rationale("Severity not given: planned as " +
                        std::string(SeverityName(rules.default_severity)));
    return rules.default_severity;
  }
  if (SeverityName(requested) == "unspecified") {
    return InvalidArgumentError("unknown severity " + std::to_string(static_cast<int>(requested)) +
                                "; use mild, moderate or severe");
  }
  return requested;
}

// The maximum over concerns and area groups, with one rationale line for each pair.
int SeriesSessions(const std::vector<const ConcernRule*>& concerns,
                   const std::vector<GroupAreas>& groups, Severity severity, SeriesPlan* plan) {
  int most = 0;
  for (const ConcernRule* concern : concerns) {
    for (const GroupAreas& selection : groups) {
      auto table = concern->by_group.find(selection.group->id);
      const int sessions = SessionsFor(
          table == concern->by_group.end() ? concern->sessions : table->second, severity);
      plan->add_rationale(concern->display + ": " + Describe(selection) + ", " +
                          std::string(SeverityName(severity)) + ": " +
                          Count(sessions, "session", "sessions"));
      most = std::max(most, sessions);
    }
  }
  if (concerns.size() * groups.size() > 1) {
    plan->add_rationale(Count(most, "session", "sessions") +
                        ": the most any concern and area group needs");
  }
  return most;
}

void ApplyAdjustments(const std::vector<AppliedAdjustment>& applied, SeriesPlan* plan) {
  for (const AppliedAdjustment& item : applied) {
    const Adjustment& adjustment = *item.adjustment;
    std::string effect;
    if (adjustment.extra_sessions > 0) {
      effect = Count(adjustment.extra_sessions, "more session", "more sessions");
      plan->set_session_count(plan->session_count() + adjustment.extra_sessions);
    }
    if (adjustment.extra_days_between > 0) {
      effect.append(effect.empty() ? "" : ", ")
          .append("sessions " + Count(adjustment.extra_days_between, "day", "days") +
                  " further apart");
      plan->set_min_days_between(plan->min_days_between() + adjustment.extra_days_between);
      plan->set_max_days_between(plan->max_days_between() + adjustment.extra_days_between);
    }
    plan->add_rationale(adjustment.display + ", " + item.reason + ": " +
                        (effect.empty() ? "no change" : effect));
  }
  if (!applied.empty()) {
    plan->add_rationale(Count(plan->session_count(), "session", "sessions") + " in all");
  }
}

void SetMinutes(const SchedulingRules& rules, const std::vector<GroupAreas>& groups,
                SeriesPlan* plan) {
  int needling = 0;
  for (const GroupAreas& selection : groups) {
    const AreaGroup& group = *selection.group;
    const int extra_areas = static_cast<int>(selection.areas.size()) - 1;
    const int minutes =
        std::min(group.max_needling_minutes,
                 group.needling_minutes + extra_areas * group.minutes_per_extra_area);
    plan->add_rationale("Needling " + Describe(selection) + ": " +
                        Count(minutes, "minute", "minutes"));
    needling += minutes;
  }
  plan->set_numbing_minutes(rules.numbing_minutes);
  plan->set_session_minutes(rules.numbing_minutes + needling);
  plan->add_rationale(Count(plan->session_minutes(), "minute", "minutes") +
                      " per session: " + std::to_string(rules.numbing_minutes) + " numbing + " +
                      std::to_string(needling) + " needling");
}

void SetSpacingAndMaintenance(const SchedulingRules& rules, SeriesPlan* plan) {
  plan->add_rationale("Sessions " + std::to_string(plan->min_days_between()) + " to " +
                      std::to_string(plan->max_days_between()) +
                      " days apart, counted from the previous session's day");
  plan->set_maintenance_min_months(rules.maintenance_min_months);
  plan->set_maintenance_max_months(rules.maintenance_max_months);
  plan->add_rationale("Maintenance sessions every " + std::to_string(rules.maintenance_min_months) +
                      " to " + std::to_string(rules.maintenance_max_months) +
                      " months after the series");
}

}  // namespace

Status ProposeSeries(const SchedulingRules& rules, const plugin::v1::PlanRequest& request,
                     std::optional<Day> today, plugin::v1::PlanResponse* response) {
  NW_ASSIGN_OR_RETURN(
      std::vector<const ConcernRule*> concerns,
      Resolve(request.concerns(), code_systems::kConcern, rules.concerns, "concern"));
  NW_ASSIGN_OR_RETURN(std::vector<const Area*> areas,
                      Resolve(request.treatment_areas(), code_systems::kTreatmentArea, rules.areas,
                              "treatment area"));
  const std::vector<GroupAreas> groups = ByAreaGroup(rules, areas);
  SeriesPlan* plan = response->mutable_plan();
  NW_ASSIGN_OR_RETURN(Severity severity, EffectiveSeverity(rules, request.severity(), plan));

  *plan->mutable_therapy() = rules.therapy;
  plan->set_session_count(SeriesSessions(concerns, groups, severity, plan));
  plan->set_min_days_between(rules.min_days_between);
  plan->set_max_days_between(rules.max_days_between);
  ApplyAdjustments(MatchAdjustments(rules.adjustments, request.patient(), today), plan);
  SetMinutes(rules, groups, plan);
  SetSpacingAndMaintenance(rules, plan);
  for (const types::v1::ResourceRequirement& requirement : rules.requirements) {
    *plan->add_requirements() = requirement;
  }
  return OkStatus();
}

}  // namespace needlework::scheduling
