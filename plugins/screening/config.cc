#include "plugins/screening/config.h"

#include <algorithm>
#include <string>
#include <utility>

#include "plugins/screening/config_reader.h"
#include "plugins/screening/text.h"

namespace needlework::screening {
namespace {

constexpr std::string_view kIndicationId = "indication";
constexpr std::string_view kNotAnIndicationId = "not-an-indication";

// nlohmann reports where a syntax error is only by throwing; this is the one place the
// plugin catches a library exception, and it turns it into a Status at once.
StatusOr<Json> ParseJson(std::string_view text) {
  try {
    Json root = Json::parse(text);
    if (!root.is_object()) {
      return InvalidArgumentError("screening config must be a JSON object, not " +
                                  DescribeValue(root));
    }
    return root;
  } catch (const Json::exception& e) {
    return InvalidArgumentError(std::string("screening config is not valid JSON: ") + e.what());
  }
}

bool IsRuleId(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (size_t i = 0; i < id.size(); ++i) {
    bool word_char = (id[i] >= 'a' && id[i] <= 'z') || (id[i] >= '0' && id[i] <= '9');
    bool lone_hyphen = id[i] == '-' && id[i - 1] != '-';
    if (!word_char && !lone_hyphen) return false;
  }
  return true;
}

Outcome ReadOutcome(const Json& object, std::string_view path, ConfigErrors& errors) {
  std::string name = ReadText(object, path, "outcome", errors);
  if (name.empty()) return types::v1::OUTCOME_UNSPECIFIED;  // already recorded
  std::optional<Outcome> outcome = OutcomeFromName(name);
  if (!outcome) {
    errors.Add(JoinPath(path, "outcome"),
               Json(name).dump() + " is not one of " + OutcomeNameList());
    return types::v1::OUTCOME_UNSPECIFIED;
  }
  return *outcome;
}

// The rule's own indicator when it names one, else the outcome's default.
Indicator ReadIndicator(const Json& object, std::string_view path, Outcome outcome,
                        ConfigErrors& errors) {
  if (!object.contains("indicator")) return DefaultIndicator(outcome);
  std::string name = ReadText(object, path, "indicator", errors);
  std::optional<Indicator> indicator = IndicatorFromName(name);
  if (!indicator && !name.empty()) {
    errors.Add(JoinPath(path, "indicator"),
               Json(name).dump() + " is not one of info, warning, critical");
  }
  return indicator.value_or(DefaultIndicator(outcome));
}

std::string ReadSummary(const Json& object, std::string_view path, ConfigErrors& errors) {
  std::string summary = ReadText(object, path, "summary", errors);
  if (size_t length = Utf8Length(summary); length > kMaxSummaryLength) {
    errors.Add(
        JoinPath(path, "summary"),
        "must be under 140 characters (CDS Hooks card summary); it has " + std::to_string(length));
  }
  return summary;
}

// The fields every finding has: display, outcome, indicator, summary, detail.
FindingSpec ReadFindingSpec(const Json& object, std::string_view path, std::string_view id,
                            ConfigErrors& errors) {
  FindingSpec spec;
  spec.rule_id = std::string(id);
  spec.display = ReadText(object, path, "display", errors);
  spec.outcome = ReadOutcome(object, path, errors);
  spec.indicator = ReadIndicator(object, path, spec.outcome, errors);
  spec.summary = ReadSummary(object, path, errors);
  spec.detail = ReadText(object, path, "detail", errors);
  return spec;
}

// concern_findings.<id>: nullopt when missing, malformed or disabled.
std::optional<FindingSpec> ReadConcernFinding(const Json& parent, std::string_view id,
                                              ConfigErrors& errors) {
  const Json* object = ReadObject(parent, "concern_findings", id, /*required=*/true, errors);
  if (object == nullptr) return std::nullopt;
  const std::string path = JoinPath("concern_findings", id);
  RejectUnknownKeys(*object, path,
                    {"enabled", "display", "outcome", "indicator", "summary", "detail"}, errors);
  bool enabled = ReadBool(*object, path, "enabled", true, errors);
  FindingSpec spec = ReadFindingSpec(*object, path, id, errors);
  if (!enabled) return std::nullopt;
  return spec;
}

// A rule id becomes a code in the screening-rule code system, shared with the concern
// findings: lower-case words joined by hyphens, and not one of theirs.
void CheckRuleId(const std::string& id, std::string_view path, ConfigErrors& errors) {
  if (!IsRuleId(id)) {
    errors.Add(path, "rule id must be lower-case letters and digits in hyphen-joined words");
  } else if (id == kIndicationId || id == kNotAnIndicationId) {
    errors.Add(path, "rule id is reserved for concern_findings." + id);
  }
}

// rules.<id>: the compiled rule, or nullopt when it is disabled (or refused).
std::optional<Rule> ReadRule(const std::string& id, const Json& object, ConfigErrors& errors) {
  const std::string path = JoinPath("rules", id);
  CheckRuleId(id, path, errors);
  if (!object.is_object()) {
    errors.Add(path, "must be an object, not " + DescribeValue(object));
    return std::nullopt;
  }
  RejectUnknownKeys(
      object, path,
      {"enabled", "display", "outcome", "indicator", "summary", "detail", "conditions",
       "medications", "allergies", "observations", "min_value", "include_condition_history"},
      errors);
  bool enabled = ReadBool(object, path, "enabled", true, errors);
  Rule rule{ReadFindingSpec(object, path, id, errors),
            ReadValueSet(object, path, "conditions", errors),
            ReadValueSet(object, path, "medications", errors),
            ReadValueSet(object, path, "allergies", errors),
            ReadValueSet(object, path, "observations", errors),
            ReadNumber(object, path, "min_value", errors),
            ReadBool(object, path, "include_condition_history", false, errors)};
  if (!rule.observations.empty() && !rule.min_value) {
    errors.Add(JoinPath(path, "min_value"), "is required when observations is not empty");
  }
  if (!enabled) return std::nullopt;
  return rule;
}

RuleSet CompileRoot(const Json& root, ConfigErrors& errors) {
  RejectUnknownKeys(root, "config", {"indications", "concern_findings", "rules"}, errors);
  RuleSet rule_set;
  if (ReadObject(root, "", "indications", /*required=*/true, errors) != nullptr) {
    rule_set.indications = ReadValueSet(root, "", "indications", errors);
  }
  if (const Json* concerns = ReadObject(root, "", "concern_findings", /*required=*/true, errors)) {
    RejectUnknownKeys(*concerns, "concern_findings", {kIndicationId, kNotAnIndicationId}, errors);
    rule_set.indication = ReadConcernFinding(*concerns, kIndicationId, errors);
    rule_set.not_an_indication = ReadConcernFinding(*concerns, kNotAnIndicationId, errors);
  }
  if (const Json* rules = ReadObject(root, "", "rules", /*required=*/true, errors)) {
    for (const auto& [id, object] : rules->items()) {  // sorted by id: nlohmann's std::map
      if (std::optional<Rule> rule = ReadRule(id, object, errors)) {
        rule_set.rules.push_back(std::move(*rule));
      }
    }
  }
  return rule_set;
}

}  // namespace

StatusOr<RuleSet> CompileConfig(std::string_view config_json) {
  NW_ASSIGN_OR_RETURN(Json root, ParseJson(config_json));
  ConfigErrors errors{std::string(kConfigSubject)};
  RuleSet rule_set = CompileRoot(root, errors);
  NW_RETURN_IF_ERROR(errors.ToStatus());
  return rule_set;
}

}  // namespace needlework::screening
