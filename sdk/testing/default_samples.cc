// The kit's default sample request for each hook (see samples.h).
#include <string_view>

#include "needlework/code_systems.h"
#include "needlework/plugin/v1/aftercare.pb.h"
#include "needlework/plugin/v1/catalog.pb.h"
#include "needlework/plugin/v1/check_booking.pb.h"
#include "needlework/plugin/v1/plan.pb.h"
#include "needlework/plugin/v1/screen.pb.h"
#include "samples.h"

namespace needlework::conformance {
namespace {

namespace pv1 = needlework::plugin::v1;
namespace tv1 = needlework::types::v1;
namespace cs = needlework::code_systems;
using Codings = google::protobuf::RepeatedPtrField<tv1::Coding>;

constexpr int64_t kFirstSession = 1800007200;   // 2027-01-15 10:00 UTC
constexpr int64_t kSecondSession = 1802685600;  // 2027-02-15 10:00 UTC

tv1::Coding Code(std::string_view system, std::string_view code, std::string_view display) {
  tv1::Coding coding;
  coding.set_system(std::string(system));
  coding.set_code(std::string(code));
  coding.set_display(std::string(display));
  return coding;
}

// An adult with an active condition (hay fever), an active medication (amlodipine, with its
// ingredient as the host fills it in) and a recorded skin type.
tv1::PatientFacts Patient() {
  tv1::PatientFacts patient;
  patient.set_patient_ref("Patient/conformance-1");
  patient.set_birth_date("1990-04-12");
  patient.set_sex("female");
  auto* condition = patient.add_conditions();
  *condition->add_codes() = Code(cs::kSnomed, "367498001", "Seasonal allergic rhinitis");
  condition->set_clinical_status(tv1::CONDITION_STATUS_ACTIVE);
  condition->set_source_ref("Condition/conformance-hay-fever");
  auto* medication = patient.add_medications();
  *medication->add_codes() = Code(cs::kRxNorm, "197361", "amlodipine 5 MG Oral Tablet");
  *medication->add_ingredients() = Code(cs::kRxNorm, "17767", "amlodipine");
  medication->set_status(tv1::MEDICATION_STATUS_ACTIVE);
  medication->set_source_ref("MedicationRequest/conformance-amlodipine");
  auto* observation = patient.add_observations();
  *observation->add_codes() = Code(cs::kObservation, "fitzpatrick-skin-type", "Skin type");
  observation->set_value(3);
  observation->set_source_ref("Observation/conformance-skin-type");
  return patient;
}

// Three sessions of face microneedling, 28 to 42 days apart.
tv1::SeriesPlan Series() {
  tv1::SeriesPlan plan;
  *plan.mutable_therapy() = Code(cs::kProcedure, "microneedling", "Microneedling");
  plan.set_session_count(3);
  plan.set_min_days_between(28);
  plan.set_max_days_between(42);
  plan.set_session_minutes(60);
  plan.set_numbing_minutes(20);
  plan.add_requirements()->set_type(tv1::RESOURCE_TYPE_PRACTITIONER);
  plan.add_requirements()->set_type(tv1::RESOURCE_TYPE_ROOM);
  auto* pen = plan.add_requirements();
  pen->set_type(tv1::RESOURCE_TYPE_DEVICE);
  pen->set_device_kind("microneedling-pen");
  plan.set_maintenance_min_months(6);
  plan.set_maintenance_max_months(12);
  return plan;
}

tv1::Coding Face() { return Code(cs::kTreatmentArea, "face", "Face"); }

std::string Screen(const Codings& add_ons) {
  pv1::ScreenRequest request;
  *request.mutable_patient() = Patient();
  *request.add_concerns() = Code(cs::kConcern, "acne-scars", "Acne scars");
  *request.add_treatment_areas() = Face();
  request.set_as_of_date("2027-01-15");
  *request.mutable_add_ons() = add_ons;
  return request.SerializeAsString();
}

std::string Plan(const Codings& add_ons) {
  pv1::PlanRequest request;
  *request.mutable_patient() = Patient();
  *request.add_concerns() = Code(cs::kConcern, "fine-lines", "Fine lines");
  *request.add_treatment_areas() = Face();
  request.set_severity(tv1::SEVERITY_MODERATE);
  *request.mutable_add_ons() = add_ons;
  return request.SerializeAsString();
}

std::string CheckBooking(const Codings& add_ons) {
  pv1::CheckBookingRequest request;
  request.set_plan_id("plan-conformance-1");
  *request.mutable_plan() = Series();
  *request.mutable_plan()->mutable_add_ons() = add_ons;
  request.set_plan_status(tv1::PLAN_STATUS_ACTIVE);
  request.set_screening_outcome(tv1::OUTCOME_ELIGIBLE);
  request.set_session_index(1);
  request.set_start_unix_seconds(kSecondSession);
  request.set_end_unix_seconds(kSecondSession + 3600);
  auto* first = request.add_history();
  first->set_appointment_id("appointment-conformance-1");
  first->set_start_unix_seconds(kFirstSession);
  first->set_end_unix_seconds(kFirstSession + 3600);
  first->set_status(tv1::APPOINTMENT_STATUS_FULFILLED);
  request.set_clinic_time_zone("Europe/London");
  return request.SerializeAsString();
}

std::string Aftercare(const Codings& add_ons) {
  pv1::AftercareRequest request;
  *request.mutable_plan() = Series();
  request.set_session_index(0);
  *request.add_treatment_areas() = Face();
  request.set_needle_depth_mm(0.5);
  request.add_products("hyaluronic acid serum");
  *request.mutable_add_ons() = add_ons;
  request.set_language("en");
  return request.SerializeAsString();
}

std::string Triage(const Codings& add_ons) {
  pv1::TriageRequest request;
  *request.mutable_symptom() = Code(cs::kSymptom, "redness", "Redness");
  request.set_days_since_session(1.0);
  request.set_severity(tv1::SYMPTOM_SEVERITY_MILD);
  request.set_note("a little pink, like mild sunburn");
  *request.mutable_add_ons() = add_ons;
  request.set_language("en");
  return request.SerializeAsString();
}

std::string Catalog() {
  pv1::CatalogRequest request;
  request.set_language("en");
  return request.SerializeAsString();
}

std::string Build(pv1::Hook hook, const Codings& add_ons) {
  switch (hook) {
    case pv1::HOOK_SCREEN:
      return Screen(add_ons);
    case pv1::HOOK_PLAN:
      return Plan(add_ons);
    case pv1::HOOK_CHECK_BOOKING:
      return CheckBooking(add_ons);
    case pv1::HOOK_AFTERCARE:
      return Aftercare(add_ons);
    case pv1::HOOK_TRIAGE:
      return Triage(add_ons);
    default:
      return Catalog();
  }
}

}  // namespace

std::vector<Sample> DefaultSamples(const HookInfo& hook,
                                   const std::vector<types::v1::Coding>& add_ons) {
  std::vector<Sample> samples = {{"the kit's " + hook.name + " sample", Build(hook.hook, {})}};
  if (!add_ons.empty() && hook.hook != pv1::HOOK_CATALOG) {
    Codings codes(add_ons.begin(), add_ons.end());
    samples.push_back(
        {"the kit's " + hook.name + " sample with the catalog's add-ons", Build(hook.hook, codes)});
  }
  return samples;
}

}  // namespace needlework::conformance
