// com.example.lumen: an LED light-therapy add-on, as a vendor would ship it.
//
// catalog:   the LED add-on itself (10 extra minutes, no device), so the host consults this
//            plugin only for sessions that include it.
// screen:    when the LED add-on is planned, a photosensitising medication (active) calls
//            for caution and a seizure disorder (in the history, whatever its status)
//            contraindicates pulsed LED light; each finding applies to the add-on only.
// aftercare: when the session had the LED add-on, one line about sun and light exposure.
//
// Every code list, the catalog entry and the sun-avoidance window are per-clinic config.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <set>
#include <string>

#include "needlework/kit/addon_config.h"
#include "needlework/kit/addon_hooks.h"
#include "needlework/kit/config_reader.h"
#include "needlework/plugin.h"

namespace lumen {

namespace nw = needlework;
namespace addon = needlework::addon;
namespace cfg = needlework::config;
namespace pv1 = needlework::plugin::v1;
namespace tv1 = needlework::types::v1;

constexpr char kDefaultConfig[] = R"({
  "photosensitising_medications": [
    "http://www.nlm.nih.gov/research/umls/rxnorm|6064",
    "http://www.nlm.nih.gov/research/umls/rxnorm|3640",
    "http://www.nlm.nih.gov/research/umls/rxnorm|10395"
  ],
  "seizure_conditions": ["http://snomed.info/sct|84757009"],
  "therapy": {
    "code": "led-light-therapy",
    "display_name": "LED light therapy",
    "description": "Pulsed LED light on the treated skin after needling.",
    "minutes": 10
  },
  "avoid_sun_hours": 24
})";

// "system|code" keys, as the config writes them.
std::string Key(const tv1::Coding& coding) { return coding.system() + "|" + coding.code(); }

// A list of "system|code" strings at `key`; each malformed entry is recorded in `errors`.
std::set<std::string> ReadCodes(const cfg::Json& root, const char* key, cfg::ConfigErrors& errors) {
  std::set<std::string> codes;
  auto found = root.find(key);
  if (found == root.end() || !found->is_array()) {
    errors.Add(key, "must be an array of \"system|code\" strings");
    return codes;
  }
  for (const auto& entry : *found) {
    if (!entry.is_string() || !cfg::SplitCodeKey(entry.get<std::string>())) {
      errors.Add(key, "not a \"system|code\" string: " + cfg::DescribeValue(entry));
    } else {
      codes.insert(entry.get<std::string>());
    }
  }
  return codes;
}

class LumenPlugin : public nw::Plugin {
 public:
  static pv1::Manifest Describe() {
    pv1::Manifest manifest;
    manifest.set_id("com.example.lumen");
    manifest.set_version("1.0.0");
    manifest.set_vendor("Example Devices Ltd");
    manifest.set_display_name("Lumen LED light therapy");
    manifest.set_description(
        "Screens for LED light therapy added to a session (photosensitising medication, "
        "seizure disorders) and adds its aftercare line.");
    manifest.add_hooks(pv1::HOOK_SCREEN);
    manifest.add_hooks(pv1::HOOK_AFTERCARE);
    manifest.add_hooks(pv1::HOOK_CATALOG);
    manifest.set_default_config_json(kDefaultConfig);
    return manifest;
  }

  // Reads the effective config (defaults + the clinic's patch); refuses it naming every
  // problem at once.
  static nw::StatusOr<std::unique_ptr<LumenPlugin>> Create(const nw::InstanceContext& context) {
    auto root = cfg::ParseConfigObject(context.config_json, "lumen config");
    if (!root.ok()) return root.status();
    cfg::ConfigErrors errors("lumen config");
    cfg::RejectUnknownKeys(
        *root, "",
        {"photosensitising_medications", "seizure_conditions", "therapy", "avoid_sun_hours"},
        errors);
    auto plugin = std::unique_ptr<LumenPlugin>(new LumenPlugin());
    plugin->photosensitisers_ = ReadCodes(*root, "photosensitising_medications", errors);
    plugin->seizure_conditions_ = ReadCodes(*root, "seizure_conditions", errors);
    plugin->therapy_ = addon::ReadTherapy(*root, "therapy", tv1::THERAPY_KIND_ADD_ON, errors);
    plugin->avoid_sun_hours_ =
        cfg::ReadInt(*root, "", "avoid_sun_hours", 1, 168, 24, errors).value_or(24);
    if (!errors.empty()) return errors.ToStatus();
    return plugin;
  }

  // The LED add-on, as the catalog offers it.
  nw::Status Catalog(const pv1::CatalogRequest& /*request*/,
                     pv1::CatalogResponse* response) override {
    *response->add_therapies() = therapy_;
    return nw::OkStatus();
  }

  nw::Status Screen(const pv1::ScreenRequest& request, pv1::ScreenResponse* response) override {
    response->set_outcome(tv1::OUTCOME_ELIGIBLE);
    if (!addon::HasAddOn(request.add_ons(), therapy_.code())) return nw::OkStatus();
    const auto& patient = request.patient();
    for (const auto& medication : patient.medications()) {
      if (medication.status() != tv1::MEDICATION_STATUS_ACTIVE) continue;
      // As prescribed, or by ingredient (the host fills these in from RxNorm).
      for (const auto* list : {&medication.codes(), &medication.ingredients()}) {
        auto hit = std::find_if(list->begin(), list->end(), [&](const tv1::Coding& c) {
          return photosensitisers_.count(Key(c)) > 0;
        });
        if (hit == list->end()) continue;
        Add(response, "photosensitising-medication", *hit, medication.source_ref(),
            tv1::OUTCOME_ELIGIBLE_WITH_CAUTION, tv1::INDICATOR_WARNING,
            "Photosensitising medication: LED light may irritate the skin",
            "An active medication makes the skin more sensitive to light; use a lower dose "
            "and watch for redness.");
        break;
      }
    }
    for (const auto& condition : patient.conditions()) {
      for (const auto& coding : condition.codes()) {
        if (seizure_conditions_.count(Key(coding)) == 0) continue;
        Add(response, "seizure-disorder", coding, condition.source_ref(),
            tv1::OUTCOME_CONTRAINDICATED, tv1::INDICATOR_CRITICAL,
            "Seizure disorder: no pulsed LED light",
            "A history of seizures contraindicates pulsed LED light therapy.");
        break;
      }
    }
    return nw::OkStatus();
  }

  nw::Status Aftercare(const pv1::AftercareRequest& request,
                       pv1::AftercareResponse* response) override {
    if (!addon::HasAddOn(request.add_ons(), therapy_.code())) return nw::OkStatus();
    auto* line = response->add_instructions();
    line->set_id("lumen-avoid-bright-light");
    line->set_text("Avoid direct sun, sunbeds and bright light therapy after your LED session.");
    line->mutable_from()->set_anchor(tv1::ANCHOR_SESSION_END);
    line->mutable_from()->set_offset_minutes(0);
    line->mutable_until()->set_anchor(tv1::ANCHOR_SESSION_END);
    line->mutable_until()->set_offset_minutes(int64_t{avoid_sun_hours_} * 60);
    line->set_indicator(tv1::INDICATOR_WARNING);
    return nw::OkStatus();
  }

 private:
  LumenPlugin() = default;

  // Appends one finding about the LED add-on with its evidence; the response's outcome
  // becomes the most severe.
  void Add(pv1::ScreenResponse* response, const char* rule_id, const tv1::Coding& code,
           const std::string& source_ref, tv1::Outcome outcome, tv1::Indicator indicator,
           const char* summary, const char* detail) const {
    auto* finding = response->add_findings();
    finding->set_rule_id(rule_id);
    *finding->mutable_code() = code;
    finding->set_outcome(outcome);
    finding->set_indicator(indicator);
    finding->set_summary(summary);
    finding->set_detail(detail);
    auto* evidence = finding->add_evidence();
    *evidence->mutable_code() = code;
    evidence->set_source_ref(source_ref);
    *finding->mutable_applies_to() = therapy_.code();
    response->set_outcome(std::max(response->outcome(), outcome));
  }

  std::set<std::string> photosensitisers_, seizure_conditions_;
  tv1::Therapy therapy_;
  int avoid_sun_hours_ = 24;
};

}  // namespace lumen

NEEDLEWORK_PLUGIN(lumen::LumenPlugin)
