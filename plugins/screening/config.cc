#include "plugins/screening/config.h"

#include <cctype>
#include <string>
#include <utility>

#include "needlework/code_systems.h"
#include "needlework/kit/config_names.h"
#include "needlework/kit/config_reader.h"
#include "plugins/screening/embedded_config.h"

namespace needlework::screening {
namespace {

using addon::CodeSet;
using addon::FindingSpec;
using config::ConfigErrors;
using config::JoinPath;
using config::Json;

constexpr std::string_view kConfigSubject = "screening config";
constexpr std::string_view kIndicationId = "indication";
constexpr std::string_view kNotAnIndicationId = "not-an-indication";

bool IsPadded(std::string_view text) {
  return !text.empty() && (std::isspace(static_cast<unsigned char>(text.front())) != 0 ||
                           std::isspace(static_cast<unsigned char>(text.back())) != 0);
}

// The problem with one code-set key ("" when it is a good "system|code"): one bar, both
// parts non-empty, the system an absolute URI without spaces, the code not padded.
std::string CodeKeyProblem(std::string_view key) {
  const std::string quoted = "key " + Json(key).dump();
  const size_t bar = key.find('|');
  if (bar == key.npos || bar == 0 || bar + 1 == key.size() || key.find('|', bar + 1) != key.npos) {
    return quoted + " must be \"system|code\"";
  }
  const std::string_view system = key.substr(0, bar);
  if (system.find(':') == system.npos || system.find_first_of(" \t\n\v\f\r") != system.npos) {
    return quoted + ": system \"" + std::string(system) +
           "\" must be an absolute URI such as http://snomed.info/sct";
  }
  if (IsPadded(key.substr(bar + 1))) return quoted + ": code must not start or end with a space";
  return "";
}

// The optional code set `key`: an object whose keys are "system|code" and whose values are
// non-empty displays. Each bad entry is a problem; the rest of the set is still read.
CodeSet ReadValueSet(const Json& object, std::string_view path, std::string_view key,
                     ConfigErrors& errors) {
  CodeSet set;
  const Json* codes = config::ReadObject(object, path, key, /*required=*/false, errors);
  if (codes == nullptr) return set;
  const std::string set_path = JoinPath(path, key);
  for (const auto& [entry_key, display] : codes->items()) {
    if (std::string problem = CodeKeyProblem(entry_key); !problem.empty()) {
      errors.Add(set_path, problem);
    } else if (!display.is_string() || display.get_ref<const std::string&>().empty()) {
      errors.Add(set_path + "[" + Json(entry_key).dump() + "]",
                 "display must be a non-empty string, not " + config::DescribeValue(display));
    } else {
      const size_t bar = entry_key.find('|');
      set.Add(entry_key.substr(0, bar), entry_key.substr(bar + 1), display.get<std::string>());
    }
  }
  return set;
}

std::string ReadSummary(const Json& object, std::string_view path, ConfigErrors& errors) {
  std::string summary = config::ReadText(object, path, "summary", errors);
  if (size_t length = addon::CodePointCount(summary); length > addon::kMaxSummaryLength) {
    errors.Add(
        JoinPath(path, "summary"),
        "must be under 140 characters (CDS Hooks card summary); it has " + std::to_string(length));
  }
  return summary;
}

// The fields every finding has: display, outcome, indicator (default: DefaultIndicator),
// summary, detail.
FindingSpec ReadFindingSpec(const Json& object, std::string_view path, std::string_view id,
                            ConfigErrors& errors) {
  FindingSpec spec;
  spec.rule_id = std::string(id);
  spec.display = config::ReadText(object, path, "display", errors);
  spec.outcome = addon::ReadName(object, path, "outcome", addon::OutcomeNames(), {}, errors);
  spec.indicator = addon::ReadName(object, path, "indicator", addon::IndicatorNames(),
                                   std::optional(DefaultIndicator(spec.outcome)), errors);
  spec.summary = ReadSummary(object, path, errors);
  spec.detail = config::ReadText(object, path, "detail", errors);
  return spec;
}

// concern_findings.<id>: nullopt when missing, malformed or disabled.
std::optional<FindingSpec> ReadConcernFinding(const Json& parent, std::string_view id,
                                              ConfigErrors& errors) {
  const Json* object = config::ReadObject(parent, "concern_findings", id, true, errors);
  if (object == nullptr) return std::nullopt;
  const std::string path = JoinPath("concern_findings", id);
  config::RejectUnknownKeys(
      *object, path, {"enabled", "display", "outcome", "indicator", "summary", "detail"}, errors);
  const bool enabled = config::ReadBool(*object, path, "enabled", true, errors);
  FindingSpec spec = ReadFindingSpec(*object, path, id, errors);
  if (!enabled) return std::nullopt;
  return spec;
}

// unrecognised.<kind>: nullopt when missing, malformed or disabled. Its rule_id is
// "unrecognised-<singular>".
std::optional<UnrecognisedSpec> ReadUnrecognised(const Json& parent, std::string_view kind,
                                                 std::string_view rule_id, ConfigErrors& errors) {
  const Json* object = config::ReadObject(parent, "unrecognised", kind, true, errors);
  if (object == nullptr) return std::nullopt;
  const std::string path = JoinPath("unrecognised", kind);
  config::RejectUnknownKeys(
      *object, path,
      {"enabled", "display", "outcome", "indicator", "inactive_outcome", "summary", "detail"},
      errors);
  const bool enabled = config::ReadBool(*object, path, "enabled", true, errors);
  UnrecognisedSpec spec;
  spec.finding = ReadFindingSpec(*object, path, rule_id, errors);
  spec.inactive_outcome =
      addon::ReadName(*object, path, "inactive_outcome", addon::OutcomeNames(), {}, errors);
  spec.inactive_indicator = DefaultIndicator(spec.inactive_outcome);
  if (!enabled) return std::nullopt;
  return spec;
}

UnrecognisedSpecs ReadUnrecognisedSpecs(const Json& root, ConfigErrors& errors) {
  UnrecognisedSpecs specs;
  const Json* object = config::ReadObject(root, "", "unrecognised", /*required=*/true, errors);
  if (object == nullptr) return specs;
  config::RejectUnknownKeys(*object, "unrecognised", {"conditions", "medications", "allergies"},
                            errors);
  specs.conditions = ReadUnrecognised(*object, "conditions", "unrecognised-condition", errors);
  specs.medications = ReadUnrecognised(*object, "medications", "unrecognised-medication", errors);
  specs.allergies = ReadUnrecognised(*object, "allergies", "unrecognised-allergy", errors);
  return specs;
}

// A rule id becomes a code in the screening-rule code system, shared with the concern
// findings: lower-case words joined by hyphens, and not one of theirs.
void CheckRuleId(const std::string& id, std::string_view path, ConfigErrors& errors) {
  if (!config::IsLocalCode(id)) {
    errors.Add(path, "rule id must be lower-case letters and digits in hyphen-joined words");
  } else if (id == kIndicationId || id == kNotAnIndicationId) {
    errors.Add(path, "rule id is reserved for concern_findings." + id);
  } else if (id.rfind("unrecognised-", 0) == 0) {
    errors.Add(path,
               "rule ids starting with \"unrecognised-\" are reserved for the findings "
               "of the unrecognised section");
  }
}

// The observation thresholds of a rule: exactly one of min_value, above and below when it
// has observations, none when it has not.
void CheckThresholds(const Json& object, std::string_view path, const Rule& rule,
                     ConfigErrors& errors) {
  const int thresholds = static_cast<int>(object.contains("min_value")) +
                         static_cast<int>(object.contains("above")) +
                         static_cast<int>(object.contains("below"));
  if (!rule.criteria.observations.empty() && thresholds != 1) {
    errors.Add(JoinPath(path, "min_value"),
               "observations need exactly one of min_value, above and below");
  } else if (rule.criteria.observations.empty() && thresholds != 0) {
    errors.Add(path, "min_value, above and below go with observations");
  }
}

// The rule's code sets, look-back window, thresholds, history switch and treatment areas
// (the keys after its finding's).
void ReadMatching(const Json& object, std::string_view path, Rule& rule, ConfigErrors& errors) {
  rule.criteria.conditions = ReadValueSet(object, path, "conditions", errors);
  rule.criteria.medications = ReadValueSet(object, path, "medications", errors);
  rule.criteria.allergies = ReadValueSet(object, path, "allergies", errors);
  rule.criteria.observations = ReadValueSet(object, path, "observations", errors);
  rule.criteria.procedures = ReadValueSet(object, path, "procedures", errors);
  rule.criteria.devices = ReadValueSet(object, path, "devices", errors);
  if (object.contains("within_days")) {  // optional: without it, time does not count
    rule.criteria.within_days = config::ReadInt(object, path, "within_days", 0,
                                                addon::kMaxWithinDays, std::nullopt, errors);
  }
  rule.min_value = config::ReadNumber(object, path, "min_value", errors);
  rule.criteria.above = config::ReadNumber(object, path, "above", errors);
  rule.criteria.below = config::ReadNumber(object, path, "below", errors);
  rule.criteria.include_condition_history =
      config::ReadBool(object, path, "include_condition_history", false, errors);
  rule.treatment_areas = addon::ReadLocalCodeSet(object, path, "treatment_areas",
                                                 code_systems::kTreatmentArea, errors);
  CheckThresholds(object, path, rule, errors);
}

// rules.<id>: the compiled rule, or nullopt when it is disabled (or refused).
std::optional<Rule> ReadRule(const std::string& id, const Json& object, ConfigErrors& errors) {
  const std::string path = JoinPath("rules", id);
  CheckRuleId(id, path, errors);
  if (!object.is_object()) {
    errors.Add(path, "must be an object, not " + config::DescribeValue(object));
    return std::nullopt;
  }
  config::RejectUnknownKeys(
      object, path,
      {"enabled", "display", "outcome", "indicator", "summary", "detail", "conditions",
       "medications", "allergies", "observations", "procedures", "devices", "within_days",
       "min_value", "above", "below", "include_condition_history", "treatment_areas"},
      errors);
  const bool enabled = config::ReadBool(object, path, "enabled", true, errors);
  Rule rule;
  rule.finding = ReadFindingSpec(object, path, id, errors);
  ReadMatching(object, path, rule, errors);
  if (!enabled) return std::nullopt;
  return rule;
}

RuleSet CompileRoot(const Json& root, ConfigErrors& errors) {
  config::RejectUnknownKeys(root, "config",
                            {"indications", "concern_findings", "rules", "unrecognised"}, errors);
  RuleSet rule_set;
  if (config::ReadObject(root, "", "indications", /*required=*/true, errors) != nullptr) {
    rule_set.indications = ReadValueSet(root, "", "indications", errors);
  }
  if (const Json* concerns = config::ReadObject(root, "", "concern_findings", true, errors)) {
    config::RejectUnknownKeys(*concerns, "concern_findings", {kIndicationId, kNotAnIndicationId},
                              errors);
    rule_set.indication = ReadConcernFinding(*concerns, kIndicationId, errors);
    rule_set.not_an_indication = ReadConcernFinding(*concerns, kNotAnIndicationId, errors);
  }
  if (const Json* rules = config::ReadObject(root, "", "rules", /*required=*/true, errors)) {
    for (const auto& [id, object] : rules->items()) {  // sorted by id: nlohmann's std::map
      if (std::optional<Rule> rule = ReadRule(id, object, errors)) {
        rule_set.rules.push_back(std::move(*rule));
      }
    }
  }
  rule_set.unrecognised = ReadUnrecognisedSpecs(root, errors);
  return rule_set;
}

// The shipped defaults' enabled rules, compiled once (empty if they could not be, which the
// plugin's tests rule out).
const std::vector<Rule>& ShippedRules() {
  static const std::vector<Rule> rules = [] {
    auto root = config::ParseConfigObject(kDefaultConfigJson, kConfigSubject);
    ConfigErrors errors{std::string(kConfigSubject)};
    return root.ok() ? CompileRoot(*root, errors).rules : std::vector<Rule>();
  }();
  return rules;
}

// Each rule's texts agree with the outcome the clinic configured for it (see
// addon::FollowConfiguredOutcome): a shipped text written for another outcome is rewritten.
void FollowConfiguredOutcomes(RuleSet& rule_set) {
  for (Rule& rule : rule_set.rules) {
    for (const Rule& shipped : ShippedRules()) {
      if (shipped.finding.rule_id != rule.finding.rule_id) continue;
      addon::FollowConfiguredOutcome(shipped.finding, "microneedling", rule.finding);
    }
  }
}

}  // namespace

types::v1::Indicator DefaultIndicator(types::v1::Outcome outcome) {
  switch (outcome) {
    case types::v1::OUTCOME_ELIGIBLE:
    case types::v1::OUTCOME_ELIGIBLE_WITH_CAUTION:
      return types::v1::INDICATOR_INFO;
    case types::v1::OUTCOME_REVIEW_REQUIRED:
    case types::v1::OUTCOME_CONSULT_REQUIRED:
      return types::v1::INDICATOR_WARNING;
    default:
      return types::v1::INDICATOR_CRITICAL;
  }
}

StatusOr<RuleSet> CompileConfig(std::string_view config_json) {
  NW_ASSIGN_OR_RETURN(Json root, config::ParseConfigObject(config_json, kConfigSubject));
  ConfigErrors errors{std::string(kConfigSubject)};
  RuleSet rule_set = CompileRoot(root, errors);
  NW_RETURN_IF_ERROR(errors.ToStatus());
  FollowConfiguredOutcomes(rule_set);
  rule_set.unrecognised = ReadUnrecognisedSpecs(root, errors);
  return rule_set;
}

}  // namespace needlework::screening
