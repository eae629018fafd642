#include "host/cdshooks/cards.h"

#include "host/catalog/add_ons.h"
#include "host/common/ids.h"
#include "host/plugins/therapies.h"

namespace needlework::host {
namespace {

using Json = nlohmann::json;
namespace types = needlework::types::v1;

constexpr size_t kMaxSummaryBytes = 139;

std::string OutcomeWords(types::Outcome outcome) {
  switch (outcome) {
    case types::OUTCOME_ELIGIBLE:
      return "eligible";
    case types::OUTCOME_ELIGIBLE_WITH_CAUTION:
      return "eligible with caution";
    case types::OUTCOME_REVIEW_REQUIRED:
      return "clinician review required";
    case types::OUTCOME_CONSULT_REQUIRED:
      return "dermatologist consult required";
    case types::OUTCOME_DEFER:
      return "defer";
    case types::OUTCOME_REFER:
      return "refer elsewhere";
    case types::OUTCOME_CONTRAINDICATED:
      return "contraindicated";
    default:
      return "not screened";
  }
}

Json OverrideReasons() {
  Json reasons = Json::array();
  for (const auto& [code, display] :
       {std::pair{"reviewed-proceed", "Clinician reviewed the findings; proceed"},
        std::pair{"finding-not-applicable", "The finding does not apply to this patient"},
        std::pair{"patient-informed", "Patient informed of the risk and consents"}}) {
    reasons.push_back({{"system", kOverrideReasonSystem}, {"code", code}, {"display", display}});
  }
  return reasons;
}

// "- **<summary>** (<rule_id>, <outcome>): <detail>" for each finding `keep` selects.
template <typename Keep>
std::string FindingLines(const needlework::v1::ScreenResponse& screened, Keep keep) {
  std::string lines;
  for (const auto& finding : screened.findings()) {
    if (!keep(finding)) continue;
    lines += "- **" + finding.summary() + "** (" + finding.rule_id() + ", " +
             OutcomeWords(finding.outcome()) + ")";
    if (!finding.detail().empty()) lines += ": " + finding.detail();
    lines += "\n";
  }
  return lines.empty() ? "No contraindications found.\n" : lines;
}

std::string RecordLine(const CardSource& source) {
  return "\nScreening record `" + source.screening_id +
         "` (Needlework GetScreening; override or accept this card to record a review).";
}

Json Suggestion(const CardSource& source, const std::string& label, const std::string& display) {
  Json request = {{"resourceType", "ServiceRequest"},
                  {"status", "draft"},
                  {"intent", "proposal"},
                  {"subject", {{"reference", source.patient_ref}}},
                  {"code", {{"text", display}}},
                  {"reasonCode", {{{"text", "Needlework screening " + source.screening_id}}}}};
  return {{"label", label},
          {"uuid", NewCardUuid()},
          {"actions",
           Json::array({{{"type", "create"}, {"description", label}, {"resource", request}}})}};
}

void AddSuggestions(const CardSource& source, types::Outcome outcome, Json& card) {
  Json suggestions = Json::array();
  if (outcome == types::OUTCOME_CONSULT_REQUIRED) {
    suggestions.push_back(Suggestion(source, "Book a dermatologist consult",
                                     "Dermatology consultation before microneedling"));
  } else if (outcome == types::OUTCOME_REFER) {
    suggestions.push_back(Suggestion(source, "Refer for another treatment",
                                     "Referral: another treatment suits better"));
  }
  if (suggestions.empty()) return;
  card["suggestions"] = suggestions;
  card["selectionBehavior"] = "at-most-one";
}

}  // namespace

std::string NewCardUuid() {
  std::string hex = RandomHex(16);
  hex[12] = '4';                  // version 4
  hex[16] = "89ab"[hex[16] % 4];  // RFC 4122 variant
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20);
}

std::string CardSummary(const std::string& text) {
  if (text.size() <= kMaxSummaryBytes) return text;
  size_t cut = kMaxSummaryBytes - 3;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

std::string IndicatorFor(types::Outcome outcome) {
  switch (outcome) {
    case types::OUTCOME_ELIGIBLE:
      return "info";
    case types::OUTCOME_ELIGIBLE_WITH_CAUTION:
    case types::OUTCOME_REVIEW_REQUIRED:
    case types::OUTCOME_CONSULT_REQUIRED:
      return "warning";
    default:
      return "critical";
  }
}

Json NewCard(const CardSource& source, const std::string& summary, const std::string& detail,
             const std::string& indicator) {
  Json card = {{"uuid", NewCardUuid()},
               {"summary", CardSummary(summary)},
               {"detail", detail + RecordLine(source)},
               {"indicator", indicator},
               {"source",
                {{"label", "Needlework screening"},
                 {"url", source.service_url},
                 {"topic",
                  {{"system", kScreeningRecordSystem},
                   {"code", source.screening_id},
                   {"display", "Needlework screening record"}}}}}};
  if (indicator != "info") card["overrideReasons"] = OverrideReasons();
  return card;
}

Json TreatmentCard(const CardSource& source, const std::string& what,
                   const needlework::v1::ScreenResponse& screened) {
  std::string summary = what + ": " + OutcomeWords(screened.outcome());
  for (const auto& finding : screened.findings()) {
    if (finding.has_applies_to() || finding.outcome() != screened.outcome()) continue;
    summary += " (" + finding.summary() + ")";
    break;
  }
  std::string detail = "**" + what + "**: " + OutcomeWords(screened.outcome()) + "\n\n" +
                       FindingLines(screened, [](const types::Finding& finding) {
                         return !finding.has_applies_to();
                       });
  Json card = NewCard(source, summary, detail, IndicatorFor(screened.outcome()));
  AddSuggestions(source, screened.outcome(), card);
  return card;
}

std::vector<Json> AddOnCards(const CardSource& source,
                             const needlework::v1::ScreenResponse& screened) {
  std::vector<Json> cards;
  for (const auto& verdict : screened.add_ons()) {
    std::string name = DisplayOf(verdict.therapy());
    std::string key = TherapyKey(verdict.therapy());
    std::string detail = "**Add-on " + name + "**: " + OutcomeWords(verdict.outcome()) + "\n\n" +
                         FindingLines(screened, [&](const types::Finding& finding) {
                           return TherapyKey(finding.applies_to()) == key;
                         });
    cards.push_back(NewCard(source, "Add-on " + name + ": " + verdict.summary(), detail,
                            IndicatorFor(verdict.outcome())));
  }
  return cards;
}

Json CouldNotCheckCard(const CardSource& source, const std::string& what,
                       const std::string& reason) {
  return NewCard(source, "Could not check " + what + ": nothing was screened",
                 "Needlework could not screen this patient, so **nothing was checked**: "
                 "screen the patient before treatment.\n\nWhy: " +
                     reason + "\n",
                 "warning");
}

}  // namespace needlework::host
