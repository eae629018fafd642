#include "host/aftercare/triage.h"

#include "host/aftercare/aftercare_plan.h"
#include "host/plugins/hook_runner.h"
#include "needlework/plugin/v1/aftercare.pb.h"

namespace needlework::host {
namespace {

namespace types = needlework::types::v1;
using needlework::plugin::v1::HOOK_TRIAGE;

types::Indicator IndicatorFor(types::TriageLevel level) {
  if (level >= types::TRIAGE_LEVEL_URGENT) return types::INDICATOR_CRITICAL;
  if (level >= types::TRIAGE_LEVEL_MONITOR) return types::INDICATOR_WARNING;
  return types::INDICATOR_INFO;
}

// Keeps the more urgent of the report's current answer and (level, advice).
void Escalate(types::TriageLevel level, const std::string& advice, types::Indicator indicator,
              needlework::v1::SymptomReport* report) {
  if (level <= report->level()) return;  // levels are numbered by urgency (aftercare.proto)
  report->set_level(level);
  report->set_advice(advice);
  report->set_indicator(indicator == types::INDICATOR_UNSPECIFIED ? IndicatorFor(level)
                                                                  : indicator);
}

}  // namespace

Status TriageReport(const PluginCalls& plugins, const std::string& clinic_id,
                    const std::string& clinic_name, const std::string& language,
                    const Codings& add_ons, needlework::v1::SymptomReport* report) {
  auto snapshot = plugins.registry.Snapshot(clinic_id);
  if (!snapshot->BaseServes(HOOK_TRIAGE) && snapshot->unavailable.empty()) {
    return FailedPreconditionError("no triage plugin is enabled for clinic '" + clinic_id +
                                   "'; an admin can enable org.needlework.aftercare");
  }
  needlework::plugin::v1::TriageRequest request;
  *request.mutable_symptom() = report->symptom();
  request.set_days_since_session(report->days_since_session());
  request.set_severity(report->severity());
  request.set_note(report->note());
  request.set_language(language);
  *request.mutable_add_ons() = add_ons;
  auto results = RunHookAndWait(plugins, snapshot->ForTreatment(HOOK_TRIAGE, add_ons), HOOK_TRIAGE,
                                request.SerializeAsString(), plugins.deadlines.For("triage"));
  for (const auto& missing : snapshot->unavailable) {
    Escalate(types::TRIAGE_LEVEL_CONTACT_CLINIC,
             missing.plugin_id +
                 " is enabled but unavailable, so triage is incomplete; the "
                 "clinic will review this report and contact the patient.",
             types::INDICATOR_WARNING, report);
  }
  // A request every plugin rejects is the caller's mistake (e.g. an unknown symptom code);
  // a plugin that rejects what another accepts has failed, and triage fails closed.
  size_t rejected = 0;
  for (const auto& result : results) {
    rejected += result.state == needlework::v1::PluginRun::STATE_ERROR &&
                result.code == StatusCode::kInvalidArgument;
  }
  if (!results.empty() && rejected == results.size()) {
    return InvalidArgumentError(results[0].message.substr(results[0].message.find(": ") + 2));
  }
  for (const auto& result : results) {
    FillPluginRun(result, report->add_plugin_runs());
    needlework::plugin::v1::TriageResponse answer;
    bool parsed = result.state == needlework::v1::PluginRun::STATE_OK &&
                  answer.ParseFromString(result.response);
    if (parsed && answer.level() == types::TRIAGE_LEVEL_UNSPECIFIED) continue;  // no opinion
    if (!parsed || !types::TriageLevel_IsValid(answer.level())) {
      Escalate(types::TRIAGE_LEVEL_CONTACT_CLINIC,
               "Triage could not be completed by " + result.instance->plugin_id() +
                   "; the clinic will review this report and contact the patient.",
               types::INDICATOR_WARNING, report);
      continue;
    }
    Escalate(answer.level(), answer.advice(), answer.indicator(), report);
  }
  if (report->level() == types::TRIAGE_LEVEL_UNSPECIFIED) {
    Escalate(types::TRIAGE_LEVEL_CONTACT_CLINIC,
             "No triage rule covers this symptom; the clinic will review this report and "
             "contact the patient.",
             types::INDICATOR_WARNING, report);
  }
  report->set_advice(ReplacePlaceholder(report->advice(), "{clinic_name}", clinic_name));
  return OkStatus();
}

}  // namespace needlework::host
