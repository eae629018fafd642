#include "host/screening/merge.h"

#include "host/screening/outcome.h"
#include "needlework/code_systems.h"
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

// Adds one plugin's answer; returns false when it is unusable.
bool MergeAnswer(const PluginCallResult& result, ScreenResponse* response, std::string* why) {
  needlework::plugin::v1::ScreenResponse answer;
  if (!answer.ParseFromString(result.response)) {
    *why = "it answered a malformed ScreenResponse";
    return false;
  }
  if (OutcomeRank(answer.outcome()) == 0) {
    *why = "it answered without an outcome";
    return false;
  }
  auto outcome = MoreRestrictive(response->outcome(), answer.outcome());
  for (auto& finding : *answer.mutable_findings()) {
    finding.set_source_plugin(result.instance->plugin_id());
    outcome = MoreRestrictive(outcome, finding.outcome());
    *response->add_findings() = std::move(finding);
  }
  response->set_outcome(outcome);
  return true;
}

void AddRun(const PluginCallResult& result, const std::string& message, ScreenResponse* response) {
  auto* run = response->add_plugin_runs();
  run->set_plugin_id(result.instance->plugin_id());
  run->set_plugin_version(result.instance->version());
  run->set_state(result.state);
  run->set_message(message);
  run->set_duration_micros(result.duration_micros);
}

void FailClosed(const std::string& plugin_id, const std::string& what, const std::string& why,
                ScreenResponse* response) {
  *response->add_findings() = IncompleteFinding(plugin_id, what, why);
  response->set_outcome(MoreRestrictive(response->outcome(), types::OUTCOME_REVIEW_REQUIRED));
}

}  // namespace

void MergeScreening(const std::vector<PluginCallResult>& results,
                    const std::vector<UnavailablePlugin>& unavailable, ScreenResponse* response) {
  response->set_outcome(types::OUTCOME_UNSPECIFIED);
  for (const auto& result : results) {
    std::string why = result.message;
    bool usable = result.state == PluginRun::STATE_OK && MergeAnswer(result, response, &why);
    if (result.state == PluginRun::STATE_OK && !usable) {
      PluginCallResult failed = result;
      failed.state = PluginRun::STATE_ERROR;
      AddRun(failed, why, response);
    } else {
      AddRun(result, result.message, response);
    }
    if (!usable) {
      std::string what = result.state == PluginRun::STATE_OK ? "failed" : StateWords(result.state);
      FailClosed(result.instance->plugin_id(), what, why, response);
    }
  }
  for (const auto& plugin : unavailable) {
    FailClosed(plugin.plugin_id, "is enabled but unavailable", plugin.reason, response);
  }
  if (OutcomeRank(response->outcome()) == 0) {
    response->set_outcome(types::OUTCOME_REVIEW_REQUIRED);
  }
}

}  // namespace needlework::host
