// Compiles the serums plugin's effective config into the SDK's AddOnRules: one ADD_ON offer
// per product, each with one screening rule (an active allergy to one of its ingredients).
//
//   {"products": {"ha-serum": {"display_name": "Hyaluronic-acid serum", "minutes": 5,
//                              "record_product_lot": true,
//                              "ingredients": {"http://...rxnorm|5431": "hyaluronic acid"}}},
//    "allergy_finding": {"display": "...", "outcome": "contraindicated", "summary":
//                        "{therapy} contraindicated: allergy to {evidence}", "detail": "..."},
//    "aftercare": {...}, "triage": {...}}                     // as in
//    needlework/kit/addon_plugin.h
//
// A product's key is its therapy code in the procedure code system; its other keys are the
// SDK's therapy fields (addon_config.h: ReadTherapyFields) plus "enabled" and "ingredients".
#ifndef NEEDLEWORK_PLUGINS_SERUMS_SERUMS_CONFIG_H_
#define NEEDLEWORK_PLUGINS_SERUMS_SERUMS_CONFIG_H_

#include <string_view>

#include "needlework/kit/addon_plugin.h"

namespace needlework::serums {

// The rule id of every product's allergy finding.
inline constexpr std::string_view kAllergyRuleId = "ingredient-allergy";

// Parses and validates `config_json` strictly. INVALID_ARGUMENT "<subject> refused: ..."
// listing every problem with its JSON path, among them a product without ingredients.
// Disabled products are validated too and left out.
StatusOr<addon::AddOnRules> CompileSerumsConfig(std::string_view config_json,
                                                std::string_view subject);

}  // namespace needlework::serums

#endif  // NEEDLEWORK_PLUGINS_SERUMS_SERUMS_CONFIG_H_
