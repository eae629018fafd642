// A demo clinic set up for scheduling tests: London time, two practitioners, two rooms, one
// microneedling pen, open Monday to Saturday 09:00-17:00; and the calls the tests make.
#ifndef NEEDLEWORK_TESTS_INTEGRATION_SCHEDULING_HELPERS_H_
#define NEEDLEWORK_TESTS_INTEGRATION_SCHEDULING_HELPERS_H_

#include <absl/time/civil_time.h>
#include <absl/time/time.h>

#include "integration/api_helpers.h"
#include "needlework/v1/aftercare.grpc.pb.h"
#include "needlework/v1/planning.grpc.pb.h"
#include "needlework/v1/scheduling.grpc.pb.h"
#include "needlework/v1/screening.grpc.pb.h"

namespace needlework::testing {

class SchedulingApi {
 public:
  explicit SchedulingApi(const HostProcess& host)
      : admin_(v1::AdminService::NewStub(host.channel())),
        planning_(v1::PlanningService::NewStub(host.channel())),
        scheduling_(v1::SchedulingService::NewStub(host.channel())),
        aftercare_(v1::AftercareService::NewStub(host.channel())),
        screening_(v1::ScreeningService::NewStub(host.channel())) {}

#define NW_TEST_CALL(stub, Rpc, Request, Response)                                      \
  Reply<v1::Response> Rpc(const std::string& token, const v1::Request& request) {       \
    Reply<v1::Response> reply;                                                          \
    reply.status = stub->Rpc(AuthorizedContext(token).get(), request, &reply.response); \
    return reply;                                                                       \
  }
  NW_TEST_CALL(admin_, SetClinicTimeZone, SetClinicTimeZoneRequest, Clinic)
  NW_TEST_CALL(admin_, UpsertResource, UpsertResourceRequest, Resource)
  NW_TEST_CALL(admin_, SetOpeningHours, SetOpeningHoursRequest, OpeningHours)
  NW_TEST_CALL(admin_, SetScreeningRecency, SetScreeningRecencyRequest, Clinic)
  NW_TEST_CALL(screening_, Screen, ScreenRequest, ScreenResponse)
  NW_TEST_CALL(screening_, GetScreening, GetScreeningRequest, ScreeningRecord)
  NW_TEST_CALL(screening_, RecordReview, RecordReviewRequest, ScreeningReview)
  NW_TEST_CALL(planning_, ProposePlan, ProposePlanRequest, ProposePlanResponse)
  NW_TEST_CALL(planning_, CreatePlan, CreatePlanRequest, Plan)
  NW_TEST_CALL(planning_, GetPlan, GetPlanRequest, Plan)
  NW_TEST_CALL(planning_, CancelPlan, CancelPlanRequest, Plan)
  NW_TEST_CALL(scheduling_, FindSlots, FindSlotsRequest, FindSlotsResponse)
  NW_TEST_CALL(scheduling_, Book, BookRequest, Appointment)
  NW_TEST_CALL(scheduling_, Reschedule, RescheduleRequest, Appointment)
  NW_TEST_CALL(scheduling_, Cancel, CancelAppointmentRequest, Appointment)
  NW_TEST_CALL(scheduling_, ListAppointments, ListAppointmentsRequest, ListAppointmentsResponse)
  NW_TEST_CALL(scheduling_, CompleteSession, CompleteSessionRequest, Appointment)
  NW_TEST_CALL(scheduling_, ExportCalendar, ExportCalendarRequest, ExportCalendarResponse)
  NW_TEST_CALL(aftercare_, GetAftercarePlan, GetAftercarePlanRequest, AftercarePlan)
  NW_TEST_CALL(aftercare_, ReportSymptom, ReportSymptomRequest, SymptomReport)
#undef NW_TEST_CALL

 private:
  std::unique_ptr<v1::AdminService::Stub> admin_;
  std::unique_ptr<v1::PlanningService::Stub> planning_;
  std::unique_ptr<v1::SchedulingService::Stub> scheduling_;
  std::unique_ptr<v1::AftercareService::Stub> aftercare_;
  std::unique_ptr<v1::ScreeningService::Stub> screening_;
};

inline constexpr char kZone[] = "Europe/London";

// Sets up `clinic` as described above; false (with test failures) on error.
bool SetUpClinic(SchedulingApi& api, const std::string& admin_token, const std::string& clinic);

// ProposePlan's request for fine lines on the face of `patient_ref`, with the add-ons of
// the given procedure codes.
v1::ProposePlanRequest FacePlanRequest(const std::string& patient_ref,
                                       const std::vector<std::string>& add_ons = {});

// Screen's request for the patient of FacePlanRequest(patient_ref, add_ons), with no
// history (ELIGIBLE).
v1::ScreenRequest FaceScreenRequest(const std::string& patient_ref,
                                    const std::vector<std::string>& add_ons = {});

// The screening_id of screening `request`; empty on failure (with test failures).
std::string ScreeningIdOf(SchedulingApi& api, const std::string& emr_token,
                          const v1::ScreenRequest& request);

// A plan for `patient_ref` (fine lines on the face, proposed by the plugins, with the
// add-ons of the given procedure codes), bound to a screening of the same patient with no
// history (ELIGIBLE). Empty on failure (with test failures).
std::string CreateFacePlan(SchedulingApi& api, const std::string& emr_token,
                           const std::string& patient_ref,
                           const std::vector<std::string>& add_ons = {});

// {procedure code system, `code`}: a therapy of the clinic's catalog.
types::Coding Procedure(const std::string& code);

// The local date `days` after today in London, as YYYY-MM-DD; the next Monday on or after
// it when `monday` is set.
std::string LondonDate(int days, bool monday = false);

v1::BookRequest BookingFor(const std::string& plan_id, int session, const v1::Slot& slot);

// Up to `wanted` free slots for `plan` from 7 to 40 days ahead that do not overlap each
// other (one pen: one at a time), earliest first.
std::vector<v1::Slot> DisjointSlots(SchedulingApi& api, const std::string& emr_token,
                                    const std::string& plan, size_t wanted);

}  // namespace needlework::testing

#endif  // NEEDLEWORK_TESTS_INTEGRATION_SCHEDULING_HELPERS_H_
