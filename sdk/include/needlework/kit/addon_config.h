// Reading an add-on plugin's catalog entry and screening rules from its JSON config.
// Every reader records problems with their JSON path in a ConfigErrors and carries on, so
// one refusal lists every problem (see config_reader.h). Header-only.
//
// A therapy (catalog entry), e.g. under "therapy":
//   {"code": "rf-microneedling", "display_name": "Radiofrequency microneedling",
//    "description": "...", "minutes": 15, "devices": {"rf-unit": "RF unit"},
//    "record_product_lot": false}
// A screening rule, keyed by its id under "rules":
//   "pregnancy": {"display": "Pregnancy", "outcome": "defer", "indicator": "critical",
//                 "summary": "{therapy} deferred: {evidence}", "detail": "...",
//                 "conditions": {"http://snomed.info/sct|77386006": "Pregnancy"},
//                 "treatment_areas": {"face": "face"}}          // optional area filter
#ifndef NEEDLEWORK_KIT_ADDON_CONFIG_H_
#define NEEDLEWORK_KIT_ADDON_CONFIG_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "needlework/code_systems.h"
#include "needlework/kit/config_names.h"
#include "needlework/kit/fact_match.h"
#include "needlework/types/v1/therapy.pb.h"

namespace needlework::addon {

// The host refuses a therapy of more minutes (host/plugins/therapies.cc).
inline constexpr int kMaxTherapyMinutes = 600;
// CDS Hooks: a card's summary is "<140-character".
inline constexpr size_t kMaxSummaryLength = 139;
// In finding summaries and details: the therapy's display name, and the evidence's names.
inline constexpr std::string_view kTherapyPlaceholder = "{therapy}";
inline constexpr std::string_view kEvidencePlaceholder = "{evidence}";

// ---- Therapies ----------------------------------------------------------------------------

// The keys ReadTherapyFields reads (a therapy object has these and, under "therapy", "code").
inline const std::vector<std::string_view>& TherapyKeys() {
  static const std::vector<std::string_view> keys = {"display_name", "description", "minutes",
                                                     "devices", "record_product_lot"};
  return keys;
}

// A therapy with code {code_systems::kProcedure, `code`} and `kind` from the members of
// `object` at `path`: display_name (required), description (optional), minutes (required,
// 0 to kMaxTherapyMinutes), devices (optional object: device kind -> display; one DEVICE
// requirement per kind) and record_product_lot (optional, default false). Unknown keys are
// the caller's to refuse.
inline types::v1::Therapy ReadTherapyFields(const Json& object, std::string_view path,
                                            std::string_view code, types::v1::TherapyKind kind,
                                            ConfigErrors& errors) {
  types::v1::Therapy therapy;
  therapy.mutable_code()->set_system(std::string(code_systems::kProcedure));
  therapy.mutable_code()->set_code(std::string(code));
  therapy.set_kind(kind);
  therapy.set_display_name(config::ReadText(object, path, "display_name", errors));
  therapy.mutable_code()->set_display(therapy.display_name());
  if (object.contains("description")) {
    therapy.set_description(config::ReadText(object, path, "description", errors));
  }
  therapy.set_minutes(
      config::ReadInt(object, path, "minutes", 0, kMaxTherapyMinutes, {}, errors).value_or(0));
  const CodeSet devices = ReadLocalCodeSet(object, path, "devices", "", errors);
  for (const auto& [key, device] : devices.entries()) {
    auto* requirement = therapy.add_requirements();
    requirement->set_type(types::v1::RESOURCE_TYPE_DEVICE);
    requirement->set_device_kind(device.code());
  }
  therapy.set_record_product_lot(
      config::ReadBool(object, path, "record_product_lot", false, errors));
  return therapy;
}

// The required object member `key` of `root` read as a therapy of `kind`: "code" (a local
// code of code_systems::kProcedure, e.g. "prp-serum") and the keys of ReadTherapyFields.
inline types::v1::Therapy ReadTherapy(const Json& root, std::string_view key,
                                      types::v1::TherapyKind kind, ConfigErrors& errors) {
  const Json* object = config::ReadObject(root, "", key, /*required=*/true, errors);
  if (object == nullptr) return types::v1::Therapy();
  std::vector<std::string_view> known = TherapyKeys();
  known.push_back("code");
  config::RejectUnknownKeys(*object, key, known, errors);
  const std::string code = config::ReadText(*object, key, "code", errors);
  if (!code.empty() && !config::IsLocalCode(code)) {
    errors.Add(config::JoinPath(key, "code"),
               Json(code).dump() + " must be a local code, e.g. \"rf-microneedling\"");
  }
  return ReadTherapyFields(*object, key, code, kind, errors);
}

// ---- Findings -----------------------------------------------------------------------------

// How one kind of finding reads and grades.
struct FindingSpec {
  std::string rule_id;  // the config key
  std::string display;  // the rule's name: display of Finding.code (kScreeningRule|rule_id)
  types::v1::Outcome outcome = types::v1::OUTCOME_UNSPECIFIED;
  types::v1::Indicator indicator = types::v1::INDICATOR_UNSPECIFIED;
  std::string summary;  // may hold {therapy} and {evidence}; at most kMaxSummaryLength
  std::string detail;   // may hold {therapy} and {evidence}
};

// The indicator a finding of `outcome` gets unless the config names one: info when
// eligible, warning for caution, review and consult, critical for defer, refer and
// contraindicated.
inline types::v1::Indicator DefaultIndicator(types::v1::Outcome outcome) {
  if (outcome == types::v1::OUTCOME_ELIGIBLE) return types::v1::INDICATOR_INFO;
  if (outcome == types::v1::OUTCOME_DEFER || outcome == types::v1::OUTCOME_REFER ||
      outcome == types::v1::OUTCOME_CONTRAINDICATED) {
    return types::v1::INDICATOR_CRITICAL;
  }
  return types::v1::INDICATOR_WARNING;
}

// What a finding of `outcome` advises about `therapy`, as a summary's words after the
// rule's name: "defer microneedling", "refer elsewhere instead of microneedling".
inline std::string OutcomeAdvice(types::v1::Outcome outcome, std::string_view therapy) {
  const std::string name(therapy);
  switch (outcome) {
    case types::v1::OUTCOME_ELIGIBLE:
      return name + " can go ahead";
    case types::v1::OUTCOME_ELIGIBLE_WITH_CAUTION:
      return name + " with caution";
    case types::v1::OUTCOME_REVIEW_REQUIRED:
      return "a clinician reviews before " + name;
    case types::v1::OUTCOME_CONSULT_REQUIRED:
      return "a specialist consult before " + name;
    case types::v1::OUTCOME_DEFER:
      return "defer " + name;
    case types::v1::OUTCOME_REFER:
      return "refer elsewhere instead of " + name;
    default:
      return name + " contraindicated";
  }
}

// Makes `spec`, as a clinic configured it, agree with its outcome. The `shipped` spec of the
// same rule has texts written for the shipped outcome; when the clinic changed the outcome
// but kept a shipped text, the summary becomes "<display>: <OutcomeAdvice(outcome,
// therapy)>" and the detail opens with a sentence naming the configured and the shipped
// outcome. Texts the clinic wrote itself, and specs whose outcome is the shipped one, are
// left as they are.
inline void FollowConfiguredOutcome(const FindingSpec& shipped, std::string_view therapy,
                                    FindingSpec& spec) {
  if (spec.outcome == shipped.outcome) return;
  auto name = [](types::v1::Outcome outcome) {
    for (const auto& [text, value] : OutcomeNames()) {
      if (value == outcome) return std::string(text);
    }
    return std::string("unspecified");
  };
  if (spec.summary == shipped.summary) {
    spec.summary =
        TruncateUtf8(spec.display + ": " + OutcomeAdvice(spec.outcome, therapy), kMaxSummaryLength);
  }
  if (spec.detail == shipped.detail) {
    spec.detail = "Outcome at this clinic: " + name(spec.outcome) +
                  " (shipped: " + name(shipped.outcome) +
                  ", which the rest of this text was written for). " + spec.detail;
  }
}

// The keys ReadFindingSpec reads.
inline const std::vector<std::string_view>& FindingSpecKeys() {
  static const std::vector<std::string_view> keys = {"display", "outcome", "indicator", "summary",
                                                     "detail"};
  return keys;
}

// A FindingSpec from the members of `object` at `path`: display, outcome, summary and detail
// are required, indicator defaults to DefaultIndicator(outcome). Records a problem for a
// summary longer than kMaxSummaryLength code points and for any placeholder but {therapy}
// and {evidence}. Unknown keys are the caller's to refuse.
inline FindingSpec ReadFindingSpec(const Json& object, std::string_view path, std::string rule_id,
                                   ConfigErrors& errors) {
  FindingSpec spec;
  spec.rule_id = std::move(rule_id);
  spec.display = config::ReadText(object, path, "display", errors);
  spec.outcome = ReadName(object, path, "outcome", OutcomeNames(), {}, errors);
  spec.indicator = ReadName(object, path, "indicator", IndicatorNames(),
                            std::optional(DefaultIndicator(spec.outcome)), errors);
  spec.summary = config::ReadText(object, path, "summary", errors);
  spec.detail = config::ReadText(object, path, "detail", errors);
  if (CodePointCount(spec.summary) > kMaxSummaryLength) {
    errors.Add(config::JoinPath(path, "summary"),
               "must be at most " + std::to_string(kMaxSummaryLength) + " characters");
  }
  for (const char* key : {"summary", "detail"}) {
    CheckPlaceholders(key[0] == 's' ? spec.summary : spec.detail, config::JoinPath(path, key),
                      {"therapy", "evidence"}, errors);
  }
  return spec;
}

// A screening rule: its finding, the facts it matches, and the treatment areas it is
// limited to (local treatment-area codes; empty = wherever the session treats).
struct FindingRule {
  FindingSpec finding;
  FactCriteria criteria;
  CodeSet treatment_areas;
};

// The rules of the object member `key` of `root` (rule id -> rule), ordered by id. Each
// rule has "enabled" (default true), the keys of FindingSpecKeys() and FactCriteriaKeys(),
// and "treatment_areas". Rule ids must be local codes. Disabled rules are validated too,
// so switching one on cannot fail later, but are left out of the result.
inline std::vector<FindingRule> ReadFindingRules(const Json& root, std::string_view key,
                                                 ConfigErrors& errors) {
  std::vector<FindingRule> rules;
  const Json* members = config::ReadObject(root, "", key, /*required=*/true, errors);
  if (members == nullptr) return rules;
  std::vector<std::string_view> known = FindingSpecKeys();
  known.insert(known.end(), FactCriteriaKeys().begin(), FactCriteriaKeys().end());
  known.insert(known.end(), {"enabled", "treatment_areas"});
  for (const auto& [id, object] : members->items()) {
    const std::string path = config::JoinPath(key, id);
    if (!config::IsLocalCode(id) || !object.is_object()) {
      errors.Add(path, "must be an object keyed by a local code, e.g. \"pregnancy\"");
      continue;
    }
    config::RejectUnknownKeys(object, path, known, errors);
    FindingRule rule{
        ReadFindingSpec(object, path, id, errors), ReadFactCriteria(object, path, errors),
        ReadLocalCodeSet(object, path, "treatment_areas", code_systems::kTreatmentArea, errors)};
    if (config::ReadBool(object, path, "enabled", true, errors)) rules.push_back(std::move(rule));
  }
  return rules;
}

}  // namespace needlework::addon

#endif  // NEEDLEWORK_KIT_ADDON_CONFIG_H_
