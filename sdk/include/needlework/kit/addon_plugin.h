// An add-on plugin served from its config: the therapies it offers (catalog), a screening
// rule set per therapy (screen), aftercare lines (aftercare) and triage rules (triage).
// A plugin describes itself and the SDK does the rest:
//
//   struct RfAddOn {
//     static needlework::addon::AddOnDescription Description() {
//       return {"com.acme.rf", "1.0.0", "Acme", "RF add-on", "...", kDefaults, kSchema,
//               "rf config"};
//     }
//   };
//   using RfPlugin = needlework::addon::ConfiguredAddOn<RfAddOn>;
//   NEEDLEWORK_PLUGIN(RfPlugin)
//
// (A plugin that needs more derives from AddOnPlugin itself.)
// The single-therapy config CompileAddOnConfig reads:
//   {"therapy": {...},    // addon_config.h: ReadTherapy (an ADD_ON)
//    "rules": {...},      // addon_config.h: ReadFindingRules
//    "aftercare": {...},  // aftercare_config.h: ReadAftercareLines (optional)
//    "triage": {...}}     // aftercare_config.h: ReadTriageRules (optional)
// Header-only.
#ifndef NEEDLEWORK_KIT_ADDON_PLUGIN_H_
#define NEEDLEWORK_KIT_ADDON_PLUGIN_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "needlework/kit/addon_config.h"
#include "needlework/kit/addon_hooks.h"
#include "needlework/kit/aftercare_config.h"
#include "needlework/plugin.h"

namespace needlework::addon {

// One therapy on offer and the screening rules that speak for it.
struct AddOnOffer {
  types::v1::Therapy therapy;  // kind ADD_ON
  std::vector<FindingRule> rules;
};

// A compiled add-on config. Immutable after compilation: any number of threads may read it.
struct AddOnRules {
  std::vector<AddOnOffer> offers;
  AftercareLines aftercare;        // after a session with any of the offers
  std::vector<TriageRule> triage;  // for a symptom after a session with any of them
};

// Parses and validates `config_json` (the keys above; anything else is refused) into one
// offer. INVALID_ARGUMENT "<subject> refused: ..." listing every problem with its JSON path.
inline StatusOr<AddOnRules> CompileAddOnConfig(std::string_view config_json,
                                               std::string_view subject) {
  NW_ASSIGN_OR_RETURN(Json root, config::ParseConfigObject(config_json, subject));
  ConfigErrors errors{std::string(subject)};
  config::RejectUnknownKeys(root, "config", {"therapy", "rules", "aftercare", "triage"}, errors);
  AddOnRules rules;
  rules.offers.push_back({ReadTherapy(root, "therapy", types::v1::THERAPY_KIND_ADD_ON, errors),
                          ReadFindingRules(root, "rules", errors)});
  rules.aftercare = ReadAftercareLines(root, "aftercare", errors);
  rules.triage = ReadTriageRules(root, "triage", errors);
  NW_RETURN_IF_ERROR(errors.ToStatus());
  return rules;
}

// Serves catalog, screen, aftercare and triage from AddOnRules. Each hook acts only for the
// offers among the request's add-ons; with none of them it answers OK and (for screen)
// ELIGIBLE with no findings, no aftercare lines, or a triage level UNSPECIFIED.
class AddOnPlugin : public Plugin {
 public:
  explicit AddOnPlugin(AddOnRules rules) : rules_(std::move(rules)) {}

  // Every offered therapy.
  Status Catalog(const plugin::v1::CatalogRequest& /*request*/,
                 plugin::v1::CatalogResponse* response) override {
    for (const AddOnOffer& offer : rules_.offers) *response->add_therapies() = offer.therapy;
    return OkStatus();
  }

  // Outcome ELIGIBLE, then one finding per matching rule of each planned offer (see
  // ScreenRules); the outcome is the most restrictive of them.
  Status Screen(const plugin::v1::ScreenRequest& request,
                plugin::v1::ScreenResponse* response) override {
    response->set_outcome(types::v1::OUTCOME_ELIGIBLE);
    for (const AddOnOffer& offer : rules_.offers) {
      if (HasAddOn(request.add_ons(), offer.therapy.code())) {
        ScreenRules(offer.rules, offer.therapy, request, response);
      }
    }
    return OkStatus();
  }

  // The aftercare lines when the session had one of the offers (request.add_ons).
  Status Aftercare(const plugin::v1::AftercareRequest& request,
                   plugin::v1::AftercareResponse* response) override {
    if (AnyOffered(request.add_ons())) AppendAftercare(rules_.aftercare, response);
    return OkStatus();
  }

  // INVALID_ARGUMENT for a negative days_since_session; else DecideTriage when the session
  // had one of the offers.
  Status Triage(const plugin::v1::TriageRequest& request,
                plugin::v1::TriageResponse* response) override {
    NW_RETURN_IF_ERROR(CheckTriageRequest(request));
    if (AnyOffered(request.add_ons())) DecideTriage(rules_.triage, request, response);
    return OkStatus();
  }

  // The compiled config, for inspection.
  const AddOnRules& rules() const { return rules_; }

 private:
  bool AnyOffered(const Codings& add_ons) const {
    for (const AddOnOffer& offer : rules_.offers) {
      if (HasAddOn(add_ons, offer.therapy.code())) return true;
    }
    return false;
  }

  const AddOnRules rules_;
};

// What an add-on plugin says about itself, and how it compiles its config.
struct AddOnDescription {
  std::string_view id;  // reverse-DNS
  std::string_view version;
  std::string_view vendor;
  std::string_view display_name;
  std::string_view description;
  std::string_view default_config_json;
  std::string_view config_schema_json;  // may be empty
  std::string_view config_subject;      // names the config in refusals, e.g. "rf config"
  // Compiles the effective config; CompileAddOnConfig unless the plugin's config has
  // another shape.
  StatusOr<AddOnRules> (*compile)(std::string_view config_json,
                                  std::string_view subject) = &CompileAddOnConfig;
};

// The manifest of an AddOnPlugin: `description` and the hooks screen, aftercare, triage and
// catalog.
inline plugin::v1::Manifest AddOnManifest(const AddOnDescription& description) {
  plugin::v1::Manifest manifest;
  manifest.set_id(std::string(description.id));
  manifest.set_version(std::string(description.version));
  manifest.set_vendor(std::string(description.vendor));
  manifest.set_display_name(std::string(description.display_name));
  manifest.set_description(std::string(description.description));
  for (auto hook : {plugin::v1::HOOK_SCREEN, plugin::v1::HOOK_AFTERCARE, plugin::v1::HOOK_TRIAGE,
                    plugin::v1::HOOK_CATALOG}) {
    manifest.add_hooks(hook);
  }
  manifest.set_default_config_json(std::string(description.default_config_json));
  manifest.set_config_schema_json(std::string(description.config_schema_json));
  return manifest;
}

// A whole add-on plugin class from a descriptor: `Descriptor::Description()` returns its
// AddOnDescription. Register it with NEEDLEWORK_PLUGIN(ConfiguredAddOn<Descriptor>) (or an
// alias of it). Immutable after Create.
template <typename Descriptor>
class ConfiguredAddOn final : public AddOnPlugin {
 public:
  using AddOnPlugin::AddOnPlugin;

  static plugin::v1::Manifest Describe() { return AddOnManifest(Descriptor::Description()); }

  // Compiles `context.config_json` once with the description's `compile`; its refusal
  // (INVALID_ARGUMENT naming each problem's JSON path) otherwise. A rule whose outcome the
  // clinic changed gets texts for that outcome (FollowConfiguredOutcome against the
  // description's defaults). Logs what the config holds.
  static StatusOr<std::unique_ptr<ConfiguredAddOn>> Create(const InstanceContext& context) {
    const AddOnDescription description = Descriptor::Description();
    StatusOr<AddOnRules> rules =
        description.compile(context.config_json, description.config_subject);
    if (!rules.ok()) return rules.status();
    FollowShippedOutcomes(description, *rules);
    context.host.Log(LogLevel::kInfo,
                     std::string(description.config_subject) + " compiled: " + Summary(*rules));
    return std::make_unique<ConfiguredAddOn>(std::move(rules).value());
  }

 private:
  // Each rule of `rules` follows its configured outcome against the same rule of the
  // description's default config (matched by therapy and rule id).
  static void FollowShippedOutcomes(const AddOnDescription& description, AddOnRules& rules) {
    StatusOr<AddOnRules> shipped =
        description.compile(description.default_config_json, description.config_subject);
    if (!shipped.ok()) return;
    for (AddOnOffer& offer : rules.offers) {
      for (const AddOnOffer& shipped_offer : shipped->offers) {
        if (shipped_offer.therapy.code().code() != offer.therapy.code().code()) continue;
        for (FindingRule& rule : offer.rules) {
          for (const FindingRule& original : shipped_offer.rules) {
            if (original.finding.rule_id != rule.finding.rule_id) continue;
            FollowConfiguredOutcome(original.finding, kTherapyPlaceholder, rule.finding);
          }
        }
      }
    }
  }

  // "1 therapies, 3 screening rules, 2 instructions, 1 effects, 2 triage rules".
  static std::string Summary(const AddOnRules& rules) {
    size_t screening_rules = 0;
    for (const AddOnOffer& offer : rules.offers) screening_rules += offer.rules.size();
    return std::to_string(rules.offers.size()) + " therapies, " + std::to_string(screening_rules) +
           " screening rules, " + std::to_string(rules.aftercare.instructions.size()) +
           " instructions, " + std::to_string(rules.aftercare.expected_effects.size()) +
           " effects, " + std::to_string(rules.triage.size()) + " triage rules";
  }
};

}  // namespace needlework::addon

#endif  // NEEDLEWORK_KIT_ADDON_PLUGIN_H_
