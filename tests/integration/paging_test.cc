// Pagination of every List RPC through the real host: pages of page_size 2 cover exactly
// the list one call returns, in its order, and a bad, edited or foreign page_token or an
// out-of-range page_size is refused with INVALID_ARGUMENT.
#include <gmock/gmock.h>

#include <functional>

#include "integration/scheduling_helpers.h"
#include "needlework/v1/catalog.grpc.pb.h"

namespace needlework::testing {
namespace {

constexpr char kPatient[] = "Patient/page-1";
constexpr int kSmallPage = 2;

class PagingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    host_ = HostProcess::Start().release();
    ASSERT_NE(host_, nullptr);
    api_ = new SchedulingApi(*host_);
    ASSERT_TRUE(SetUpClinic(*api_, host_->admin_token(), "demo"));
    Api admin(*host_);
    for (const char* clinic : {"page-b", "page-c"}) {
      ASSERT_TRUE(admin.CreateClinic(host_->admin_token(), clinic).status.ok());
    }
    for (int i = 0; i < 3; ++i) BookFirstSession(i);
    ReportSymptoms();
  }
  static void TearDownTestSuite() {
    delete api_;
    delete host_;
  }

  // A plan for kPatient with its first session booked `days` after the next Monday-ish day.
  static void BookFirstSession(int days) {
    std::string plan = CreateFacePlan(*api_, host_->emr_token(), kPatient);
    ASSERT_FALSE(plan.empty());
    v1::FindSlotsRequest find;
    find.set_plan_id(plan);
    find.set_from_date(LondonDate(7 + days, true));
    find.set_to_date(LondonDate(7 + days, true));
    auto slots = api_->FindSlots(host_->emr_token(), find);
    ASSERT_TRUE(slots.status.ok() && !slots.response.slots().empty());
    auto booked = api_->Book(host_->emr_token(), BookingFor(plan, 0, slots.response.slots(0)));
    ASSERT_TRUE(booked.status.ok()) << booked.status.error_message();
    appointments_.push_back(booked.response.appointment_id());
  }

  // Completes the first appointment (its aftercare messages) and reports three symptoms.
  static void ReportSymptoms() {
    v1::CompleteSessionRequest complete;
    complete.set_appointment_id(appointments_.front());
    complete.mutable_completion()->add_treatment_areas("face");
    complete.mutable_completion()->set_needle_depth_mm(0.5);
    auto completed = api_->CompleteSession(host_->emr_token(), complete);
    ASSERT_TRUE(completed.status.ok()) << completed.status.error_message();
    for (const char* symptom : {"redness", "swelling", "itching"}) {
      v1::ReportSymptomRequest report;
      report.set_appointment_id(appointments_.front());
      report.mutable_symptom()->set_system(std::string(code_systems::kSymptom));
      report.mutable_symptom()->set_code(symptom);
      report.set_severity(types::SYMPTOM_SEVERITY_MILD);
      auto reported = api_->ReportSymptom(host_->emr_token(), report);
      ASSERT_TRUE(reported.status.ok()) << reported.status.error_message();
    }
  }

  static HostProcess* host_;
  static SchedulingApi* api_;
  static std::vector<std::string> appointments_;
};

HostProcess* PagingTest::host_ = nullptr;
SchedulingApi* PagingTest::api_ = nullptr;
std::vector<std::string> PagingTest::appointments_;

// One List RPC as the test drives it: a call, and the ids of a response's items.
template <typename Request, typename Response>
struct ListRpc {
  std::function<grpc::Status(const Request&, Response*)> call;
  std::function<std::vector<std::string>(const Response&)> ids;
};

template <typename Stub, typename Request, typename Response>
ListRpc<Request, Response> Rpc(std::shared_ptr<Stub> stub,
                               grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&,
                                                            Response*),
                               std::string token,
                               std::function<std::vector<std::string>(const Response&)> ids) {
  return {[stub, method, token](const Request& request, Response* response) {
            return ((*stub).*method)(AuthorizedContext(token).get(), request, response);
          },
          ids};
}

template <typename Items, typename IdOf>
std::vector<std::string> Ids(const Items& items, IdOf id_of) {
  std::vector<std::string> ids;
  for (const auto& item : items) ids.push_back(id_of(item));
  return ids;
}

// Uses a page token with some other request (another RPC, or another filter).
using Elsewhere = std::function<grpc::Status(const std::string& token)>;

// Pages of kSmallPage cover the one-call list exactly, in order; the list has more than
// a page. Then the refusals: a malformed token, an edited one, one used `elsewhere`, and a
// page size out of range.
template <typename Request, typename Response>
void ExpectPaging(const ListRpc<Request, Response>& rpc, Request request,
                  const Elsewhere& elsewhere) {
  Response whole;
  grpc::Status status = rpc.call(request, &whole);
  ASSERT_TRUE(status.ok()) << status.error_message();
  std::vector<std::string> expected = rpc.ids(whole);
  ASSERT_GT(expected.size(), static_cast<size_t>(kSmallPage)) << "the list fits in one page";
  EXPECT_TRUE(whole.next_page_token().empty());
  std::vector<std::string> paged;
  request.set_page_size(kSmallPage);
  std::string first_token;
  for (int pages = 0; pages < 100; ++pages) {
    Response page;
    status = rpc.call(request, &page);
    ASSERT_TRUE(status.ok()) << status.error_message();
    auto ids = rpc.ids(page);
    EXPECT_LE(ids.size(), static_cast<size_t>(kSmallPage));
    paged.insert(paged.end(), ids.begin(), ids.end());
    if (page.next_page_token().empty()) break;
    if (first_token.empty()) first_token = page.next_page_token();
    request.set_page_token(page.next_page_token());
  }
  EXPECT_EQ(paged, expected);

  Response refused;
  request.set_page_token("not-a-token");
  EXPECT_EQ(rpc.call(request, &refused).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  request.set_page_token(first_token + "00");
  EXPECT_EQ(rpc.call(request, &refused).error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << "an edited token";
  status = elsewhere(first_token);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << "a foreign token";
  EXPECT_THAT(status.error_message(), ::testing::HasSubstr("issued for another request"));
  request.clear_page_token();
  for (int size : {-1, 1001}) {
    request.set_page_size(size);
    EXPECT_EQ(rpc.call(request, &refused).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  }
}

template <typename Service>
std::shared_ptr<typename Service::Stub> StubOf(const HostProcess& host) {
  return std::shared_ptr<typename Service::Stub>(Service::NewStub(host.channel()));
}

// The token, used with ListClinics.
Elsewhere InListClinics(const HostProcess& host) {
  return [&host](const std::string& token) {
    v1::ListClinicsRequest request;
    request.set_page_token(token);
    v1::ListClinicsResponse response;
    return StubOf<v1::AdminService>(host)->ListClinics(AuthorizedContext(host.admin_token()).get(),
                                                       request, &response);
  };
}

// The token, used with ListPlans of another patient.
Elsewhere InAnotherPatientsPlans(const HostProcess& host) {
  return [&host](const std::string& token) {
    v1::ListPlansRequest request;
    request.set_patient_ref("Patient/someone-else");
    request.set_page_token(token);
    v1::ListPlansResponse response;
    return StubOf<v1::PlanningService>(host)->ListPlans(AuthorizedContext(host.emr_token()).get(),
                                                        request, &response);
  };
}

#define NW_IDS(Response, field, id)                             \
  std::function<std::vector<std::string>(const v1::Response&)>( \
      [](const v1::Response& r) { return Ids(r.field(), [](const auto& item) { return id; }); })

TEST_F(PagingTest, AdminLists) {
  auto admin = StubOf<v1::AdminService>(*host_);
  const std::string& token = host_->admin_token();
  using Stub = v1::AdminService::Stub;
  ExpectPaging(
      Rpc(admin, &Stub::ListPlugins, token, NW_IDS(ListPluginsResponse, plugins, item.file())),
      v1::ListPluginsRequest(), InListClinics(*host_));
  ExpectPaging(
      Rpc(admin, &Stub::ListClinics, token, NW_IDS(ListClinicsResponse, clinics, item.clinic_id())),
      v1::ListClinicsRequest(), InAnotherPatientsPlans(*host_));
  v1::ListClinicPluginsRequest clinic_plugins;
  clinic_plugins.set_clinic_id("demo");
  ExpectPaging(Rpc(admin, &Stub::ListClinicPlugins, token,
                   NW_IDS(ListClinicPluginsResponse, plugins, item.plugin_id())),
               clinic_plugins, InListClinics(*host_));
  v1::ListResourcesRequest resources;
  resources.set_clinic_id("demo");
  ExpectPaging(Rpc(admin, &Stub::ListResources, token,
                   NW_IDS(ListResourcesResponse, resources, item.resource_id())),
               resources, InListClinics(*host_));
  ExpectPaging(
      Rpc(admin, &Stub::ListTokens, token, NW_IDS(ListTokensResponse, tokens, item.token_id())),
      v1::ListTokensRequest(), InListClinics(*host_));
}

TEST_F(PagingTest, ClinicLists) {
  const std::string& token = host_->emr_token();
  v1::ListPlansRequest plans;
  plans.set_patient_ref(kPatient);
  ExpectPaging(Rpc(StubOf<v1::PlanningService>(*host_), &v1::PlanningService::Stub::ListPlans,
                   token, NW_IDS(ListPlansResponse, plans, item.plan_id())),
               plans, InAnotherPatientsPlans(*host_));
  v1::ListAppointmentsRequest appointments;
  appointments.set_patient_ref(kPatient);
  appointments.set_include_cancelled(true);
  ExpectPaging(
      Rpc(StubOf<v1::SchedulingService>(*host_), &v1::SchedulingService::Stub::ListAppointments,
          token, NW_IDS(ListAppointmentsResponse, appointments, item.appointment_id())),
      appointments, InAnotherPatientsPlans(*host_));
  auto aftercare = StubOf<v1::AftercareService>(*host_);
  v1::ListDueMessagesRequest due;
  due.set_up_to(LondonDate(400) + "T00:00:00Z");
  ExpectPaging(Rpc(aftercare, &v1::AftercareService::Stub::ListDueMessages, token,
                   NW_IDS(ListDueMessagesResponse, messages, item.message_id())),
               due, InAnotherPatientsPlans(*host_));
  v1::ListSymptomReportsRequest reports;
  reports.set_patient_ref(kPatient);
  ExpectPaging(Rpc(aftercare, &v1::AftercareService::Stub::ListSymptomReports, token,
                   NW_IDS(ListSymptomReportsResponse, reports, item.report_id())),
               reports, InAnotherPatientsPlans(*host_));
  ExpectPaging(Rpc(StubOf<v1::CatalogService>(*host_), &v1::CatalogService::Stub::ListTherapies,
                   token, NW_IDS(ListTherapiesResponse, therapies, item.therapy().code().code())),
               v1::ListTherapiesRequest(), InAnotherPatientsPlans(*host_));
}

TEST_F(PagingTest, PlanListsReadEachPlansSessions) {
  v1::ListPlansRequest request;
  request.set_patient_ref(kPatient);
  request.set_page_size(1);
  auto planning = StubOf<v1::PlanningService>(*host_);
  v1::ListPlansResponse page;
  ASSERT_TRUE(
      planning->ListPlans(AuthorizedContext(host_->emr_token()).get(), request, &page).ok());
  ASSERT_EQ(page.plans_size(), 1);
  auto whole = api_->GetPlan(host_->emr_token(), [&] {
    v1::GetPlanRequest get;
    get.set_plan_id(page.plans(0).plan_id());
    return get;
  }());
  ASSERT_TRUE(whole.status.ok());
  EXPECT_EQ(page.plans(0).SerializeAsString(), whole.response.SerializeAsString())
      << "ListPlans shows a plan as GetPlan does";
}

}  // namespace
}  // namespace needlework::testing
