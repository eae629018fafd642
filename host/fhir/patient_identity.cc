#include "host/fhir/patient_identity.h"

#include <algorithm>

namespace needlework::fhir::internal {
namespace {

constexpr std::string_view kOnePatient = "; send one patient's resources per request";

// The reference string of the Reference field `key`, or "" when absent.
StatusOr<std::string> ReferenceField(const Json& resource, std::string_view key) {
  NW_ASSIGN_OR_RETURN(const Json* reference, ObjectField(resource, key, ""));
  if (reference == nullptr) return std::string();
  return StringField(*reference, "reference", key);
}

}  // namespace

std::string NormalizePatientReference(std::string_view reference) {
  constexpr std::string_view kPatient = "Patient/";
  size_t start = reference.find(kPatient);
  while (start != std::string_view::npos && start != 0 && reference[start - 1] != '/') {
    start = reference.find(kPatient, start + 1);
  }
  if (start == std::string_view::npos) return std::string(reference);
  std::string_view id = reference.substr(start + kPatient.size());
  id = id.substr(0, id.find('/'));  // drops "/_history/<version>"
  return std::string(kPatient) + std::string(id);
}

Status PatientIdentity::AddPatient(const InputResource& patient) {
  if (!patient.full_url.empty()) aliases_.push_back(patient.full_url);
  if (patient_where_.empty()) patient_where_ = patient.where;
  StatusOr<std::string> id = StringField(patient.json, "id", "");
  if (!id.ok()) return id.status().WithPrefix(patient.where);
  if (id->empty()) return OkStatus();
  const std::string ref = "Patient/" + *id;
  if (patient_ref_.empty()) {
    patient_ref_ = ref;
    patient_where_ = patient.where;
  } else if (ref != patient_ref_) {
    return InvalidArgumentError(patient.where + ": a second patient, " + ref + ", besides " +
                                patient_ref_ + " from " + patient_where_ +
                                std::string(kOnePatient));
  }
  return OkStatus();
}

Status PatientIdentity::CheckSubject(const InputResource& resource) {
  const std::string_view field =
      resource.type == "AllergyIntolerance" || resource.type == "Device" ? "patient" : "subject";
  StatusOr<std::string> reference = ReferenceField(resource.json, field);
  if (!reference.ok()) return reference.status().WithPrefix(resource.where);
  return CheckReference(resource, field, *reference);
}

Status PatientIdentity::CheckSkippedSubject(const InputResource& resource) {
  for (std::string_view field : {"subject", "patient"}) {
    auto value = resource.json.find(field);
    if (value == resource.json.end() || !value->is_object()) continue;
    StatusOr<std::string> reference = ReferenceField(resource.json, field);
    if (!reference.ok()) return reference.status().WithPrefix(resource.where);
    NW_RETURN_IF_ERROR(CheckReference(resource, field, *reference));
  }
  return OkStatus();
}

Status PatientIdentity::CheckReference(const InputResource& resource, std::string_view field,
                                       const std::string& reference) {
  if (reference.empty()) return OkStatus();
  if (patient_ref_.empty() && aliases_.empty()) {
    patient_ref_ = NormalizePatientReference(reference);
    patient_where_ = resource.where;
    return OkStatus();
  }
  if (std::find(aliases_.begin(), aliases_.end(), reference) != aliases_.end() ||
      NormalizePatientReference(reference) == patient_ref_) {
    return OkStatus();
  }
  const std::string& known = patient_ref_.empty() ? aliases_.front() : patient_ref_;
  return InvalidArgumentError(resource.where + ": " + std::string(field) + ".reference \"" +
                              reference + "\" is not the patient of this request (" + known +
                              " from " + patient_where_ + ")" + std::string(kOnePatient));
}

}  // namespace needlework::fhir::internal
