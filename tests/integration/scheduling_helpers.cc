#include "integration/scheduling_helpers.h"

namespace needlework::testing {
namespace {

void AddResource(SchedulingApi& api, const std::string& token, const std::string& clinic,
                 const std::string& id, types::ResourceType type, const std::string& kind,
                 bool* ok) {
  v1::UpsertResourceRequest request;
  request.set_clinic_id(clinic);
  auto* r = request.mutable_resource();
  r->set_resource_id(id);
  r->set_type(type);
  r->set_device_kind(kind);
  r->set_active(true);
  auto reply = api.UpsertResource(token, request);
  EXPECT_TRUE(reply.status.ok()) << id << ": " << reply.status.error_message();
  *ok = *ok && reply.status.ok();
}

}  // namespace

bool SetUpClinic(SchedulingApi& api, const std::string& admin_token, const std::string& clinic) {
  v1::SetClinicTimeZoneRequest zone;
  zone.set_clinic_id(clinic);
  zone.set_time_zone(kZone);
  bool ok = api.SetClinicTimeZone(admin_token, zone).status.ok();
  AddResource(api, admin_token, clinic, "dr-lee", types::RESOURCE_TYPE_PRACTITIONER, "", &ok);
  AddResource(api, admin_token, clinic, "dr-patel", types::RESOURCE_TYPE_PRACTITIONER, "", &ok);
  AddResource(api, admin_token, clinic, "room-1", types::RESOURCE_TYPE_ROOM, "", &ok);
  AddResource(api, admin_token, clinic, "room-2", types::RESOURCE_TYPE_ROOM, "", &ok);
  AddResource(api, admin_token, clinic, "pen-1", types::RESOURCE_TYPE_DEVICE, "microneedling-pen",
              &ok);
  v1::SetOpeningHoursRequest hours;
  hours.mutable_hours()->set_clinic_id(clinic);
  for (int day = 1; day <= 6; ++day) {
    auto* span = hours.mutable_hours()->add_spans();
    span->set_weekday(day);
    span->set_open("09:00");
    span->set_close("17:00");
  }
  auto set = api.SetOpeningHours(admin_token, hours);
  EXPECT_TRUE(set.status.ok()) << set.status.error_message();
  return ok && set.status.ok();
}

types::Coding Procedure(const std::string& code) {
  types::Coding coding;
  coding.set_system(std::string(code_systems::kProcedure));
  coding.set_code(code);
  return coding;
}

v1::ProposePlanRequest FacePlanRequest(const std::string& patient_ref,
                                       const std::vector<std::string>& add_ons) {
  v1::ProposePlanRequest propose;
  propose.mutable_facts()->set_patient_ref(patient_ref);
  auto* concern = propose.add_concerns();
  concern->set_system(std::string(code_systems::kConcern));
  concern->set_code("fine-lines");
  auto* area = propose.add_treatment_areas();
  area->set_system(std::string(code_systems::kTreatmentArea));
  area->set_code("face");
  for (const auto& code : add_ons) *propose.add_add_ons() = Procedure(code);
  return propose;
}

v1::ScreenRequest FaceScreenRequest(const std::string& patient_ref,
                                    const std::vector<std::string>& add_ons) {
  v1::ProposePlanRequest propose = FacePlanRequest(patient_ref, add_ons);
  v1::ScreenRequest screen;
  *screen.mutable_facts() = propose.facts();
  *screen.mutable_concerns() = propose.concerns();
  *screen.mutable_treatment_areas() = propose.treatment_areas();
  *screen.mutable_add_ons() = propose.add_ons();
  return screen;
}

std::string ScreeningIdOf(SchedulingApi& api, const std::string& emr_token,
                          const v1::ScreenRequest& request) {
  auto screened = api.Screen(emr_token, request);
  EXPECT_TRUE(screened.status.ok()) << screened.status.error_message();
  EXPECT_FALSE(screened.response.screening_id().empty());
  return screened.response.screening_id();
}

std::string CreateFacePlan(SchedulingApi& api, const std::string& emr_token,
                           const std::string& patient_ref,
                           const std::vector<std::string>& add_ons) {
  std::string screening_id = ScreeningIdOf(api, emr_token, FaceScreenRequest(patient_ref, add_ons));
  auto propose = FacePlanRequest(patient_ref, add_ons);
  auto proposed = api.ProposePlan(emr_token, propose);
  EXPECT_TRUE(proposed.status.ok()) << proposed.status.error_message();
  if (!proposed.status.ok() || screening_id.empty()) return "";
  v1::CreatePlanRequest create;
  create.set_patient_ref(patient_ref);
  *create.mutable_plan() = proposed.response.plan();
  create.set_screening_id(screening_id);
  auto created = api.CreatePlan(emr_token, create);
  EXPECT_TRUE(created.status.ok()) << created.status.error_message();
  return created.response.plan_id();
}

std::string LondonDate(int days, bool monday) {
  absl::TimeZone london;
  absl::LoadTimeZone(kZone, &london);
  absl::CivilDay day = absl::ToCivilDay(absl::Now(), london) + days;
  while (monday && absl::GetWeekday(day) != absl::Weekday::monday) ++day;
  return absl::FormatCivilTime(day);
}

v1::BookRequest BookingFor(const std::string& plan_id, int session, const v1::Slot& slot) {
  v1::BookRequest request;
  request.set_plan_id(plan_id);
  request.set_session_index(session);
  request.set_start(slot.start());
  request.set_practitioner_id(slot.practitioner_id());
  request.set_room_id(slot.room_id());
  *request.mutable_device_ids() = slot.device_ids();
  return request;
}

std::vector<v1::Slot> DisjointSlots(SchedulingApi& api, const std::string& emr_token,
                                    const std::string& plan, size_t wanted) {
  v1::FindSlotsRequest request;
  request.set_plan_id(plan);
  request.set_from_date(LondonDate(7));
  request.set_to_date(LondonDate(40));
  request.set_max_results(500);
  auto reply = api.FindSlots(emr_token, request);
  EXPECT_TRUE(reply.status.ok()) << reply.status.error_message();
  std::vector<v1::Slot> slots;
  std::string last_end;
  for (const auto& slot : reply.response.slots()) {
    if (slot.start() < last_end) continue;
    slots.push_back(slot);
    last_end = slot.end();
    if (slots.size() == wanted) break;
  }
  return slots;
}

}  // namespace needlework::testing
