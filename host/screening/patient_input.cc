#include "host/screening/patient_input.h"

namespace needlework::host {
namespace {

namespace types = needlework::types::v1;
using Codings = google::protobuf::RepeatedPtrField<types::Coding>;

bool HasCode(const Codings& codes) {
  for (const auto& c : codes) {
    if (!c.system().empty() && !c.code().empty()) return true;
  }
  return false;
}

Status CheckCodings(const Codings& codes, const std::string& field) {
  for (int i = 0; i < codes.size(); ++i) {
    if (codes[i].system().empty() || codes[i].code().empty()) {
      return InvalidArgumentError(
          field + "[" + std::to_string(i) + "] needs both a system and a code (e.g. system " +
          "https://needlework.dev/fhir/CodeSystem/concern, code acne-scars)");
    }
  }
  return OkStatus();
}

// A fact must say what it is: a coding with both a system and a code, or (when
// `text_will_do`, for the facts screening reports as unrecognised) a text.
template <typename Facts>
Status CheckEachHasCode(const google::protobuf::RepeatedPtrField<Facts>& facts,
                        const std::string& field, bool text_will_do) {
  for (int i = 0; i < facts.size(); ++i) {
    if (HasCode(facts[i].codes())) continue;
    if constexpr (requires(const Facts& fact) { fact.text(); }) {
      if (text_will_do && !facts[i].text().empty()) continue;
    }
    return InvalidArgumentError("facts." + field + "[" + std::to_string(i) +
                                "] has no coding with both a system and a code" +
                                (text_will_do ? " and no text" : ""));
  }
  return OkStatus();
}

Status CheckTypedFacts(const types::PatientFacts& facts) {
  NW_RETURN_IF_ERROR(CheckEachHasCode(facts.conditions(), "conditions", true));
  NW_RETURN_IF_ERROR(CheckEachHasCode(facts.medications(), "medications", true));
  NW_RETURN_IF_ERROR(CheckEachHasCode(facts.allergies(), "allergies", true));
  NW_RETURN_IF_ERROR(CheckEachHasCode(facts.procedures(), "procedures", false));
  NW_RETURN_IF_ERROR(CheckEachHasCode(facts.devices(), "devices", false));
  return CheckEachHasCode(facts.observations(), "observations", false);
}

}  // namespace

StatusOr<types::PatientFacts> PatientFromInput(const PatientInput& input,
                                               const fhir::RxNormIngredientMap& rxnorm,
                                               fhir::IgnoredCounts* ignored) {
  NW_RETURN_IF_ERROR(CheckCodings(*input.concerns, "concerns"));
  NW_RETURN_IF_ERROR(CheckCodings(*input.areas, "treatment_areas"));
  types::PatientFacts facts;
  if (input.facts != nullptr) {
    NW_RETURN_IF_ERROR(CheckTypedFacts(*input.facts));
    facts = *input.facts;
  } else if (input.fhir != nullptr) {
    if (input.fhir->resources().empty()) {
      return InvalidArgumentError("fhir.resources is empty; send at least one FHIR R4 resource");
    }
    std::vector<std::string> resources(input.fhir->resources().begin(),
                                       input.fhir->resources().end());
    NW_ASSIGN_OR_RETURN(facts, fhir::NormalizeFhir(resources, {}, ignored));
  } else {
    return InvalidArgumentError(
        "the request has no patient: set either `facts` (typed facts) or `fhir` (FHIR R4 JSON "
        "resources)");
  }
  rxnorm.FillIngredients(&facts);
  return facts;
}

}  // namespace needlework::host
