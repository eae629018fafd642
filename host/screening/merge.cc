#include "host/screening/merge.h"

#include <algorithm>

#include "host/catalog/add_ons.h"
#include "host/screening/add_on_verdicts.h"
#include "needlework/code_systems.h"
#include "needlework/outcome.h"
#include "needlework/plugin/v1/screen.pb.h"

namespace needlework::host {
namespace {

namespace types = needlework::types::v1;
using needlework::v1::PluginRun;
using needlework::v1::ScreenResponse;

constexpr size_t kSummaryLimit = 139;  // CDS Hooks: summary under 140 characters

std::string StateWords(PluginRun::State state) {
  switch (state) {
    case PluginRun::STATE_TIMED_OUT:
      return "timed out";
    case PluginRun::STATE_QUARANTINED:
      return "is quarantined";
    case PluginRun::STATE_NOT_RUN:
      return "was not run";
    default:
      return "failed";
  }
}

// The finding that stands in for a plugin whose answer is missing.
types::Finding IncompleteFinding(const std::string& plugin_id, const std::string& what,
                                 const std::string& why) {
  types::Finding finding;
  finding.set_rule_id("screening-incomplete");
  auto* code = finding.mutable_code();
  code->set_system(std::string(code_systems::kScreeningRule));
  code->set_code("screening-incomplete");
  code->set_display("Screening incomplete");
  finding.set_outcome(types::OUTCOME_REVIEW_REQUIRED);
  finding.set_indicator(types::INDICATOR_WARNING);
  std::string summary = "Screening incomplete: " + plugin_id + " " + what + "; review required";
  if (summary.size() > kSummaryLimit) summary = summary.substr(0, kSummaryLimit - 3) + "...";
  finding.set_summary(summary);
  finding.set_detail("The screening plugin " + plugin_id + " " + what + " (" + why +
                     "), so this patient has not been cleared by it. A clinician must review "
                     "the history before treatment.");
  finding.set_source_plugin(plugin_id);
  return finding;
}

// Keeps `finding` (source set): in the response, and against the base outcome or the
// verdict of each add-on it is about (one copy per add-on, applies_to set).
void KeepFinding(types::Finding finding, const PluginInstance& plugin, AddOnVerdicts& verdicts,
                 ScreenResponse* response) {
  finding.set_source_plugin(plugin.plugin_id());
  auto targets = verdicts.Targets(finding, plugin);
  if (targets.empty()) {
    response->set_outcome(MostRestrictive(response->outcome(), finding.outcome()));
    *response->add_findings() = std::move(finding);
    return;
  }
  for (const auto& add_on : targets) {
    *finding.mutable_applies_to() = add_on;
    verdicts.Add(add_on, finding);
    *response->add_findings() = finding;
  }
}

// Adds one plugin's answer; returns false when it is unusable. An add-on plugin's overall
// outcome speaks for its add-ons only, which its findings already carry. A base plugin's
// overall outcome counts for the base treatment unless its add-on findings explain it (the
// contract makes it at least as severe as each finding): so an answer more severe than every
// add-on finding it gave is never lost, whatever else it said about add-ons.
bool MergeAnswer(const PluginCallResult& result, AddOnVerdicts& verdicts, ScreenResponse* response,
                 std::string* why) {
  needlework::plugin::v1::ScreenResponse answer;
  if (!answer.ParseFromString(result.response)) {
    *why = "it answered a malformed ScreenResponse";
    return false;
  }
  if (OutcomeRank(answer.outcome()) == 0) {
    *why = "it answered without an outcome";
    return false;
  }
  const PluginInstance& plugin = *result.instance;
  int add_on_rank = 0;  // the most severe finding this answer gave about an add-on
  for (auto& finding : *answer.mutable_findings()) {
    if (!verdicts.Targets(finding, plugin).empty()) {
      add_on_rank = std::max(add_on_rank, OutcomeRank(finding.outcome()));
    }
    KeepFinding(std::move(finding), plugin, verdicts, response);
  }
  if (!plugin.only_add_ons() && OutcomeRank(answer.outcome()) > add_on_rank) {
    response->set_outcome(MostRestrictive(response->outcome(), answer.outcome()));
  }
  return true;
}

void AddRun(const PluginCallResult& result, const std::string& message, ScreenResponse* response) {
  auto* run = response->add_plugin_runs();
  FillPluginRun(result, run);
  run->set_message(message);
}

void FailClosed(const std::string& plugin_id, const std::string& what, const std::string& why,
                ScreenResponse* response) {
  *response->add_findings() = IncompleteFinding(plugin_id, what, why);
  response->set_outcome(MostRestrictive(response->outcome(), types::OUTCOME_REVIEW_REQUIRED));
}

// A failed add-on plugin: each of its planned add-ons is unscreened, so at least REVIEW.
void FailAddOnsClosed(const PluginInstance& plugin, const std::string& what, const std::string& why,
                      AddOnVerdicts& verdicts, ScreenResponse* response) {
  for (const auto& add_on : verdicts.OfferedBy(plugin)) {
    auto finding = IncompleteFinding(plugin.plugin_id(), what, why);
    finding.set_summary(DisplayOf(add_on) + " screening incomplete: " + plugin.plugin_id() + " " +
                        what + "; review required");
    if (finding.summary().size() > kSummaryLimit) {
      finding.set_summary(finding.summary().substr(0, kSummaryLimit - 3) + "...");
    }
    *finding.mutable_applies_to() = add_on;
    verdicts.Add(add_on, finding);
    *response->add_findings() = std::move(finding);
  }
}

}  // namespace

void MergeScreening(const std::vector<PluginCallResult>& results, const ClinicPlugins& plugins,
                    const Codings& add_ons, ScreenResponse* response) {
  response->set_outcome(types::OUTCOME_UNSPECIFIED);
  AddOnVerdicts verdicts(add_ons, plugins);
  for (const auto& result : results) {
    std::string why = result.message;
    bool usable =
        result.state == PluginRun::STATE_OK && MergeAnswer(result, verdicts, response, &why);
    if (result.state == PluginRun::STATE_OK && !usable) {
      PluginCallResult failed = result;
      failed.state = PluginRun::STATE_ERROR;
      AddRun(failed, why, response);
    } else {
      AddRun(result, result.message, response);
    }
    if (usable) continue;
    std::string what = result.state == PluginRun::STATE_OK ? "failed" : StateWords(result.state);
    if (result.instance->only_add_ons()) {
      FailAddOnsClosed(*result.instance, what, why, verdicts, response);
    } else {
      FailClosed(result.instance->plugin_id(), what, why, response);
    }
  }
  for (const auto& plugin : plugins.unavailable) {
    FailClosed(plugin.plugin_id, "is enabled but unavailable", plugin.reason, response);
  }
  if (OutcomeRank(response->outcome()) == 0) {
    response->set_outcome(types::OUTCOME_REVIEW_REQUIRED);
  }
  verdicts.Fill(response);
}

}  // namespace needlework::host
