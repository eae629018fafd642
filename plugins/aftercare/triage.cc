#include "plugins/aftercare/triage.h"

#include <cmath>
#include <map>
#include <sstream>
#include <string>

#include "needlework/code_systems.h"
#include "plugins/aftercare/language.h"
#include "plugins/aftercare/text_template.h"

namespace needlework::aftercare {
namespace {

// The outcome of one rule: the level and the advice id that goes with it.
struct Decision {
  TriageLevel level = types::v1::TRIAGE_LEVEL_UNSPECIFIED;
  std::string advice;
};

Decision Decide(const SymptomRule& rule, const plugin::v1::TriageRequest& request) {
  if (!rule.course_hours) return {rule.sign_level, rule.sign_advice};
  if (request.days_since_session() * 24 > *rule.course_hours) {
    return {rule.past_course, kPastCourse};
  }
  if (request.severity() == types::v1::SYMPTOM_SEVERITY_SEVERE) {
    return {rule.severe_within_course, kSevereWithinCourse};
  }
  return {rule.within_course, kWithinCourse};
}

StatusOr<const SymptomRule*> FindRule(const AftercareRules& rules,
                                      const types::v1::Coding& symptom) {
  if (!symptom.system().empty() && symptom.system() != code_systems::kSymptom) {
    return InvalidArgumentError("symptom must be a code of " + std::string(code_systems::kSymptom) +
                                ", not of \"" + symptom.system() + "\"");
  }
  auto found = rules.symptoms.find(symptom.code());
  if (found != rules.symptoms.end()) return &found->second;
  std::string known;
  for (const auto& [code, rule] : rules.symptoms)
    known.append(known.empty() ? "" : ", ").append(code);
  return InvalidArgumentError("unknown symptom \"" + symptom.code() +
                              "\" (known symptoms: " + known + ")");
}

// The clinic's emergency numbers as a patient reads them, e.g. "999 or 112".
std::string EmergencyNumbers(const AftercareRules& rules, const Texts& texts) {
  std::string joined;
  for (const std::string& number : rules.emergency_numbers) {
    joined.append(joined.empty() ? "" : " " + texts.list_or + " ").append(number);
  }
  return joined;
}

}  // namespace

Status TriageSymptom(const AftercareRules& rules, const plugin::v1::TriageRequest& request,
                     plugin::v1::TriageResponse* response) {
  const double days = request.days_since_session();
  if (std::isnan(days) || days < 0) {
    std::ostringstream shown;
    shown << days;
    return InvalidArgumentError("days_since_session must be 0 or more, not " + shown.str());
  }
  NW_ASSIGN_OR_RETURN(const SymptomRule* rule, FindRule(rules, request.symptom()));
  const Decision decision = Decide(*rule, request);
  const Texts& texts = rules.languages.at(ResolveLanguage(rules, request.language()));
  std::map<std::string, std::string> values = {
      {"symptom", texts.symptoms.at(rule->code)},
      {"emergency_numbers", EmergencyNumbers(rules, texts)}};
  if (rule->course_hours) values["course_days"] = std::to_string((*rule->course_hours + 23) / 24);
  response->set_level(decision.level);
  response->set_advice(FillTemplate(texts.advice.at(decision.advice), values));
  response->set_indicator(rules.indicator_for_level.at(decision.level));
  response->set_rule_id(rule->code + "/" + decision.advice);
  return OkStatus();
}

}  // namespace needlework::aftercare
