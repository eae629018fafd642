#include "plugins/serums/serums_config.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace needlework::serums {
namespace {

using addon::ConfigErrors;
using addon::Json;

addon::FindingSpec ReadAllergyFinding(const Json& root, ConfigErrors& errors) {
  const Json* object = config::ReadObject(root, "", "allergy_finding", true, errors);
  if (object == nullptr) return {};
  config::RejectUnknownKeys(*object, "allergy_finding", addon::FindingSpecKeys(), errors);
  return addon::ReadFindingSpec(*object, "allergy_finding", std::string(kAllergyRuleId), errors);
}

// The offer of the product `id`, or nullopt when it is disabled (or not an object).
std::optional<addon::AddOnOffer> ReadProduct(const std::string& id, const Json& object,
                                             const addon::FindingSpec& finding,
                                             ConfigErrors& errors) {
  const std::string path = config::JoinPath("products", id);
  if (!config::IsLocalCode(id) || !object.is_object()) {
    errors.Add(path, "must be an object keyed by a local code, e.g. \"ha-serum\"");
    return std::nullopt;
  }
  std::vector<std::string_view> known = addon::TherapyKeys();
  known.insert(known.end(), {"enabled", "ingredients"});
  config::RejectUnknownKeys(object, path, known, errors);
  addon::AddOnOffer offer{
      addon::ReadTherapyFields(object, path, id, types::v1::THERAPY_KIND_ADD_ON, errors), {}};
  addon::FindingRule rule{finding, {}, {}};
  rule.criteria.allergies = addon::ReadCodeSet(object, path, "ingredients", true, errors);
  if (object.contains("ingredients") && rule.criteria.allergies.empty()) {
    errors.Add(config::JoinPath(path, "ingredients"), "needs at least one ingredient");
  }
  offer.rules.push_back(std::move(rule));
  if (!config::ReadBool(object, path, "enabled", true, errors)) return std::nullopt;
  return offer;
}

}  // namespace

StatusOr<addon::AddOnRules> CompileSerumsConfig(std::string_view config_json,
                                                std::string_view subject) {
  NW_ASSIGN_OR_RETURN(Json root, config::ParseConfigObject(config_json, subject));
  ConfigErrors errors{std::string(subject)};
  config::RejectUnknownKeys(root, "config", {"products", "allergy_finding", "aftercare", "triage"},
                            errors);
  const addon::FindingSpec finding = ReadAllergyFinding(root, errors);
  addon::AddOnRules rules;
  if (const Json* products = config::ReadObject(root, "", "products", true, errors)) {
    for (const auto& [id, object] : products->items()) {  // ordered by id
      auto offer = ReadProduct(id, object, finding, errors);
      if (offer) rules.offers.push_back(std::move(*offer));
    }
  }
  rules.aftercare = addon::ReadAftercareLines(root, "aftercare", errors);
  rules.triage = addon::ReadTriageRules(root, "triage", errors);
  NW_RETURN_IF_ERROR(errors.ToStatus());
  return rules;
}

}  // namespace needlework::serums
