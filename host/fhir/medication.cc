// MedicationRequest and MedicationStatement: what was prescribed or taken, and its status.
#include "host/fhir/codes.h"
#include "host/fhir/converters.h"
#include "host/fhir/dates.h"

namespace needlework::fhir::internal {
namespace {

using types::v1::MedicationStatus;

// A contained resource and its path, e.g. "contained[0]".
struct Contained {
  const Json* resource = nullptr;  // points into the containing resource; null: not found
  std::string path;
};

// The contained Medication whose id is `id`.
StatusOr<Contained> FindContainedMedication(const Json& resource, std::string_view id) {
  NW_ASSIGN_OR_RETURN(const Json* contained, ArrayField(resource, "contained", ""));
  if (contained == nullptr) return Contained{};
  for (size_t i = 0; i < contained->size(); ++i) {
    const Json& candidate = (*contained)[i];
    const std::string path = IndexPath("contained", i);
    if (!candidate.is_object()) return WrongType(path, "an object", candidate);
    NW_ASSIGN_OR_RETURN(std::string type, StringField(candidate, "resourceType", path));
    NW_ASSIGN_OR_RETURN(std::string candidate_id, StringField(candidate, "id", path));
    if (type == "Medication" && candidate_id == id) return Contained{&candidate, path};
  }
  return Contained{};
}

// medicationReference: a reference to a contained Medication ("#id") is read; a Medication
// sent in the same request was made contained before (medication_references.h). The host
// does not fetch resources from the EMR: any other reference leaves the medication without
// codes, named by the reference's display (else the reference itself), so that screening
// reports it as unrecognised rather than passing it.
Status ReadMedicationReference(const Json& resource, const Json& reference,
                               types::v1::Medication* medication) {
  NW_ASSIGN_OR_RETURN(std::string target,
                      StringField(reference, "reference", "medicationReference"));
  NW_ASSIGN_OR_RETURN(std::string display,
                      StringField(reference, "display", "medicationReference"));
  Contained found;
  if (target.size() > 1 && target.front() == '#') {
    NW_ASSIGN_OR_RETURN(found, FindContainedMedication(resource, target.substr(1)));
  }
  if (found.resource != nullptr) {
    NW_RETURN_IF_ERROR(ReadConceptField(*found.resource, "code", found.path,
                                        medication->mutable_codes(), medication->mutable_text()));
  }
  if (medication->text().empty()) {
    medication->set_text(!display.empty() ? std::move(display) : std::move(target));
  }
  return OkStatus();
}

// medication[x]: the codes and text of what was prescribed or taken.
Status ReadMedication(const Json& resource, types::v1::Medication* medication) {
  NW_RETURN_IF_ERROR(ReadConceptField(resource, "medicationCodeableConcept", "",
                                      medication->mutable_codes(), medication->mutable_text()));
  NW_ASSIGN_OR_RETURN(const Json* reference, ObjectField(resource, "medicationReference", ""));
  if (reference == nullptr) return OkStatus();
  return ReadMedicationReference(resource, *reference, medication);
}

// When it was ordered or asserted, and when it is taken: a MedicationStatement's
// dateAsserted and effective[x]; a MedicationRequest's authoredOn and
// dispenseRequest.validityPeriod.
Status ReadMedicationDates(const Json& resource, types::v1::Medication* medication) {
  NW_ASSIGN_OR_RETURN(std::string authored, StringField(resource, "authoredOn", ""));
  NW_ASSIGN_OR_RETURN(std::string asserted, StringField(resource, "dateAsserted", ""));
  medication->set_authored_on(authored.empty() ? std::move(asserted) : std::move(authored));
  NW_ASSIGN_OR_RETURN(types::v1::Period effective, ReadTimeChoice(resource, "effective"));
  NW_ASSIGN_OR_RETURN(const Json* dispense, ObjectField(resource, "dispenseRequest", ""));
  if (dispense != nullptr && effective.start().empty() && effective.end().empty()) {
    NW_ASSIGN_OR_RETURN(effective, ReadPeriod(*dispense, "validityPeriod", "dispenseRequest"));
  }
  if (!effective.start().empty() || !effective.end().empty()) {
    *medication->mutable_effective() = std::move(effective);
  }
  return OkStatus();
}

// Appends the Medication read from `resource`, whose status maps through `statuses`.
Status ConvertMedication(const Json& resource, CodeTable<MedicationStatus> statuses,
                         std::string_view value_set, types::v1::PatientFacts* facts) {
  NW_ASSIGN_OR_RETURN(StatusField status_code, ReadStatusCode(resource, "status"));
  NW_ASSIGN_OR_RETURN(
      MedicationStatus status,
      MapStatus(status_code, statuses, types::v1::MEDICATION_STATUS_UNSPECIFIED, value_set));
  types::v1::Medication medication;
  medication.set_status(status);
  NW_RETURN_IF_ERROR(ReadMedication(resource, &medication));
  NW_RETURN_IF_ERROR(ReadMedicationDates(resource, &medication));
  NW_ASSIGN_OR_RETURN(*medication.mutable_source_ref(), SourceRef(resource));
  *facts->add_medications() = std::move(medication);
  return OkStatus();
}

}  // namespace

Status ConvertMedicationRequest(const Json& resource, types::v1::PatientFacts* facts) {
  return ConvertMedication(resource,
                           {{"active", types::v1::MEDICATION_STATUS_ACTIVE},
                            {"on-hold", types::v1::MEDICATION_STATUS_ON_HOLD},
                            {"cancelled", types::v1::MEDICATION_STATUS_CANCELLED},
                            {"completed", types::v1::MEDICATION_STATUS_COMPLETED},
                            {"entered-in-error", types::v1::MEDICATION_STATUS_ENTERED_IN_ERROR},
                            {"stopped", types::v1::MEDICATION_STATUS_STOPPED},
                            {"draft", types::v1::MEDICATION_STATUS_DRAFT},
                            {"unknown", types::v1::MEDICATION_STATUS_UNKNOWN}},
                           "medicationrequest-status", facts);
}

Status ConvertMedicationStatement(const Json& resource, types::v1::PatientFacts* facts) {
  return ConvertMedication(resource,
                           {{"active", types::v1::MEDICATION_STATUS_ACTIVE},
                            {"completed", types::v1::MEDICATION_STATUS_COMPLETED},
                            {"entered-in-error", types::v1::MEDICATION_STATUS_ENTERED_IN_ERROR},
                            {"intended", types::v1::MEDICATION_STATUS_INTENDED},
                            {"stopped", types::v1::MEDICATION_STATUS_STOPPED},
                            {"on-hold", types::v1::MEDICATION_STATUS_ON_HOLD},
                            {"unknown", types::v1::MEDICATION_STATUS_UNKNOWN},
                            {"not-taken", types::v1::MEDICATION_STATUS_NOT_TAKEN}},
                           "medication-statement-status", facts);
}

}  // namespace needlework::fhir::internal
