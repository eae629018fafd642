#include "host/screening/add_on_verdicts.h"

#include "host/catalog/add_ons.h"
#include "needlework/outcome.h"

namespace needlework::host {

namespace types = needlework::types::v1;

AddOnVerdicts::AddOnVerdicts(const Codings& add_ons, const ClinicPlugins& plugins) {
  for (const auto& add_on : add_ons) {
    const OfferedTherapy* offered = plugins.FindAddOn(add_on);
    Verdict verdict;
    verdict.therapy = add_on;
    if (offered != nullptr) verdict.plugin_id = offered->instance->plugin_id();
    index_[TherapyKey(add_on)] = verdicts_.size();
    verdicts_.push_back(std::move(verdict));
  }
}

std::vector<types::Coding> AddOnVerdicts::OfferedBy(const PluginInstance& plugin) const {
  std::vector<types::Coding> offered;
  for (const auto& verdict : verdicts_) {
    if (verdict.plugin_id == plugin.plugin_id()) offered.push_back(verdict.therapy);
  }
  return offered;
}

std::vector<types::Coding> AddOnVerdicts::Targets(const types::Finding& finding,
                                                  const PluginInstance& plugin) const {
  if (finding.has_applies_to() && !finding.applies_to().code().empty()) {
    auto it = index_.find(TherapyKey(finding.applies_to()));
    if (it != index_.end()) return {verdicts_[it->second].therapy};
  }
  if (plugin.only_add_ons()) return OfferedBy(plugin);
  return {};
}

void AddOnVerdicts::Add(const types::Coding& add_on, const types::Finding& finding) {
  auto it = index_.find(TherapyKey(add_on));
  if (it == index_.end()) return;
  Verdict& verdict = verdicts_[it->second];
  if (OutcomeRank(finding.outcome()) > OutcomeRank(verdict.outcome) || verdict.summary.empty()) {
    verdict.outcome = MostRestrictive(verdict.outcome, finding.outcome());
    verdict.summary = finding.summary();
  }
}

void AddOnVerdicts::Fill(needlework::v1::ScreenResponse* response) const {
  for (const auto& verdict : verdicts_) {
    auto* out = response->add_add_ons();
    *out->mutable_therapy() = verdict.therapy;
    out->set_outcome(verdict.outcome);
    out->set_summary(verdict.summary.empty()
                         ? DisplayOf(verdict.therapy) + ": no contraindications found"
                         : verdict.summary);
    out->set_plugin_id(verdict.plugin_id);
  }
}

}  // namespace needlework::host
