// Patient, Condition, AllergyIntolerance and Observation. Medications: medication.cc;
// Procedure and Device: procedures_devices.cc.
#include "host/fhir/codes.h"
#include "host/fhir/converters.h"
#include "host/fhir/dates.h"

namespace needlework::fhir::internal {
namespace {

using types::v1::AllergyStatus;
using types::v1::ConditionStatus;

constexpr std::string_view kConditionClinical =
    "http://terminology.hl7.org/CodeSystem/condition-clinical";
constexpr std::string_view kConditionVerStatus =
    "http://terminology.hl7.org/CodeSystem/condition-ver-status";
constexpr std::string_view kAllergyClinical =
    "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
constexpr std::string_view kAllergyVerification =
    "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";

// Whether verificationStatus retracts the record (entered-in-error or refuted). `codes` is the
// value set: each code and whether it retracts.
StatusOr<bool> IsRetracted(const Json& resource, std::string_view system, CodeTable<bool> codes,
                           std::string_view value_set) {
  NW_ASSIGN_OR_RETURN(StatusField status,
                      ReadStatusConcept(resource, "verificationStatus", system));
  return MapStatus(status, codes, false, value_set);
}

// value[x] when numeric: valueQuantity (value, and its human-readable unit, else its UCUM
// code) or valueInteger (scores and grades, e.g. a Fitzpatrick skin type).
Status ReadNumericValue(const Json& resource, types::v1::Observation* observation) {
  NW_ASSIGN_OR_RETURN(std::optional<double> integer, NumberField(resource, "valueInteger", ""));
  if (integer.has_value()) observation->set_value(*integer);
  NW_ASSIGN_OR_RETURN(const Json* quantity, ObjectField(resource, "valueQuantity", ""));
  if (quantity == nullptr) return OkStatus();
  NW_ASSIGN_OR_RETURN(std::optional<double> value,
                      NumberField(*quantity, "value", "valueQuantity"));
  NW_ASSIGN_OR_RETURN(std::string unit, StringField(*quantity, "unit", "valueQuantity"));
  NW_ASSIGN_OR_RETURN(std::string code, StringField(*quantity, "code", "valueQuantity"));
  if (value.has_value()) observation->set_value(*value);
  observation->set_unit(unit.empty() ? std::move(code) : std::move(unit));
  return OkStatus();
}

// onset[x] and abatement[x] as dates: onset its start, abatement its end (else start).
Status ReadConditionDates(const Json& resource, types::v1::Condition* condition) {
  NW_ASSIGN_OR_RETURN(types::v1::Period onset, ReadTimeChoice(resource, "onset"));
  NW_ASSIGN_OR_RETURN(types::v1::Period abatement, ReadTimeChoice(resource, "abatement"));
  condition->set_onset(std::move(*onset.mutable_start()));
  condition->set_abatement(abatement.end().empty() ? std::move(*abatement.mutable_start())
                                                   : std::move(*abatement.mutable_end()));
  return OkStatus();
}

// effective[x]: effective its dateTime, instant or Period start; effective_end the Period's end.
Status ReadEffective(const Json& resource, types::v1::Observation* observation) {
  NW_ASSIGN_OR_RETURN(types::v1::Period effective, ReadTimeChoice(resource, "effective"));
  NW_ASSIGN_OR_RETURN(types::v1::Period period, ReadPeriod(resource, "effectivePeriod", ""));
  observation->set_effective(std::move(*effective.mutable_start()));
  observation->set_effective_end(std::move(*period.mutable_end()));
  return OkStatus();
}

}  // namespace

StatusOr<std::string> SourceRef(const Json& resource) {
  NW_ASSIGN_OR_RETURN(std::string id, StringField(resource, "id", ""));
  NW_ASSIGN_OR_RETURN(std::string type, StringField(resource, "resourceType", ""));
  if (id.empty()) return id;
  return type + "/" + id;
}

Status ConvertPatient(const Json& resource, types::v1::PatientFacts* facts) {
  NW_ASSIGN_OR_RETURN(std::string birth_date, StringField(resource, "birthDate", ""));
  NW_ASSIGN_OR_RETURN(StatusField gender, ReadStatusCode(resource, "gender"));
  NW_ASSIGN_OR_RETURN(
      std::string_view sex,
      MapStatus<std::string_view>(
          gender,
          {{"male", "male"}, {"female", "female"}, {"other", "other"}, {"unknown", "unknown"}}, "",
          "administrative-gender"));
  if (facts->birth_date().empty()) facts->set_birth_date(std::move(birth_date));
  if (facts->sex().empty()) facts->set_sex(std::string(sex));
  return OkStatus();
}

Status ConvertCondition(const Json& resource, types::v1::PatientFacts* facts) {
  NW_ASSIGN_OR_RETURN(bool retracted, IsRetracted(resource, kConditionVerStatus,
                                                  {{"unconfirmed", false},
                                                   {"provisional", false},
                                                   {"differential", false},
                                                   {"confirmed", false},
                                                   {"refuted", true},
                                                   {"entered-in-error", true}},
                                                  "condition-ver-status"));
  NW_ASSIGN_OR_RETURN(StatusField clinical,
                      ReadStatusConcept(resource, "clinicalStatus", kConditionClinical));
  NW_ASSIGN_OR_RETURN(ConditionStatus status,
                      MapStatus(clinical,
                                {{"active", types::v1::CONDITION_STATUS_ACTIVE},
                                 {"recurrence", types::v1::CONDITION_STATUS_RECURRENCE},
                                 {"relapse", types::v1::CONDITION_STATUS_RELAPSE},
                                 {"inactive", types::v1::CONDITION_STATUS_INACTIVE},
                                 {"remission", types::v1::CONDITION_STATUS_REMISSION},
                                 {"resolved", types::v1::CONDITION_STATUS_RESOLVED}},
                                types::v1::CONDITION_STATUS_UNSPECIFIED, "condition-clinical"));
  types::v1::Condition condition;
  condition.set_clinical_status(status);
  NW_RETURN_IF_ERROR(
      ReadConceptField(resource, "code", "", condition.mutable_codes(), condition.mutable_text()));
  NW_RETURN_IF_ERROR(ReadConditionDates(resource, &condition));
  NW_ASSIGN_OR_RETURN(*condition.mutable_source_ref(), SourceRef(resource));
  if (!retracted) *facts->add_conditions() = std::move(condition);
  return OkStatus();
}

Status ConvertAllergyIntolerance(const Json& resource, types::v1::PatientFacts* facts) {
  NW_ASSIGN_OR_RETURN(bool retracted, IsRetracted(resource, kAllergyVerification,
                                                  {{"unconfirmed", false},
                                                   {"confirmed", false},
                                                   {"refuted", true},
                                                   {"entered-in-error", true}},
                                                  "allergyintolerance-verification"));
  NW_ASSIGN_OR_RETURN(StatusField clinical,
                      ReadStatusConcept(resource, "clinicalStatus", kAllergyClinical));
  NW_ASSIGN_OR_RETURN(
      AllergyStatus status,
      MapStatus(clinical,
                {{"active", types::v1::ALLERGY_STATUS_ACTIVE},
                 {"inactive", types::v1::ALLERGY_STATUS_INACTIVE},
                 {"resolved", types::v1::ALLERGY_STATUS_RESOLVED}},
                types::v1::ALLERGY_STATUS_UNSPECIFIED, "allergyintolerance-clinical"));
  types::v1::Allergy allergy;
  allergy.set_clinical_status(status);
  NW_RETURN_IF_ERROR(
      ReadConceptField(resource, "code", "", allergy.mutable_codes(), allergy.mutable_text()));
  NW_ASSIGN_OR_RETURN(*allergy.mutable_source_ref(), SourceRef(resource));
  if (!retracted) *facts->add_allergies() = std::move(allergy);
  return OkStatus();
}

Status ConvertObservation(const Json& resource, types::v1::PatientFacts* facts) {
  NW_ASSIGN_OR_RETURN(StatusField status_code, ReadStatusCode(resource, "status"));
  NW_ASSIGN_OR_RETURN(bool dropped, MapStatus(status_code,
                                              {{"registered", false},
                                               {"preliminary", false},
                                               {"final", false},
                                               {"amended", false},
                                               {"corrected", false},
                                               {"cancelled", true},
                                               {"entered-in-error", true},
                                               {"unknown", false}},
                                              false, "observation-status"));
  types::v1::Observation observation;
  NW_RETURN_IF_ERROR(ReadConceptField(resource, "code", "", observation.mutable_codes(), nullptr));
  NW_RETURN_IF_ERROR(ReadNumericValue(resource, &observation));
  NW_RETURN_IF_ERROR(ReadConceptField(resource, "valueCodeableConcept", "",
                                      observation.mutable_value_codes(), nullptr));
  NW_RETURN_IF_ERROR(ReadEffective(resource, &observation));
  NW_ASSIGN_OR_RETURN(*observation.mutable_source_ref(), SourceRef(resource));
  if (!dropped) *facts->add_observations() = std::move(observation);
  return OkStatus();
}

}  // namespace needlework::fhir::internal
