// Plans bound to screening records, and bookings to the clinician's review, through the real
// host: a plan needs a recent screening of the same patient at the same clinic whose outcome
// and add-on verdicts do not block it; a REVIEW or CONSULT outcome is booked only after a
// recorded REVIEWED_PROCEED review.
#include <gmock/gmock.h>
#include <sqlite3.h>

#include "integration/audit_helpers.h"
#include "integration/scheduling_helpers.h"

namespace needlework::testing {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

constexpr char kPrp[] = "prp-serum";
constexpr char kRf[] = "rf-microneedling";

// A patient on apixaban: REVIEW_REQUIRED for microneedling, PRP CONTRAINDICATED.
v1::ScreenRequest ApixabanPatient(const std::string& patient_ref,
                                  const std::vector<std::string>& add_ons) {
  v1::ScreenRequest request = FaceScreenRequest(patient_ref, add_ons);
  auto* medication = request.mutable_facts()->add_medications();
  *medication->add_codes() = RxNorm("1364445");
  *medication->add_ingredients() = RxNorm("1364430");
  medication->set_status(types::MEDICATION_STATUS_ACTIVE);
  medication->set_source_ref("MedicationRequest/apixaban");
  return request;
}

// A patient with active acne: DEFER.
v1::ScreenRequest AcnePatient(const std::string& patient_ref) {
  v1::ScreenRequest request = FaceScreenRequest(patient_ref);
  auto* condition = request.mutable_facts()->add_conditions();
  condition->add_codes()->set_system("http://snomed.info/sct");
  condition->mutable_codes(0)->set_code("11381005");
  condition->set_clinical_status(types::CONDITION_STATUS_ACTIVE);
  condition->set_source_ref("Condition/acne");
  return request;
}

class ScreeningBindingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    host_ = HostProcess::Start();
    ASSERT_NE(host_, nullptr);
    api_ = std::make_unique<SchedulingApi>(*host_);
    ASSERT_TRUE(SetUpClinic(*api_, host_->admin_token(), "demo"));
  }

  // CreatePlan for a face plan of `patient_ref` (with `add_ons`) bound to `screening_id`.
  Reply<v1::Plan> Create(const std::string& patient_ref, const std::string& screening_id,
                         const std::vector<std::string>& add_ons = {}) {
    auto proposed = api_->ProposePlan(host_->emr_token(), FacePlanRequest(patient_ref, add_ons));
    EXPECT_TRUE(proposed.status.ok()) << proposed.status.error_message();
    v1::CreatePlanRequest create;
    create.set_patient_ref(patient_ref);
    *create.mutable_plan() = proposed.response.plan();
    create.set_screening_id(screening_id);
    return api_->CreatePlan(host_->emr_token(), create);
  }

  std::string Screened(const v1::ScreenRequest& request) {
    return ScreeningIdOf(*api_, host_->emr_token(), request);
  }

  Reply<v1::Appointment> BookFirstSlot(const std::string& plan_id) {
    v1::FindSlotsRequest find;
    find.set_plan_id(plan_id);
    find.set_from_date(LondonDate(7, true));
    find.set_to_date(LondonDate(14));
    auto slots = api_->FindSlots(host_->emr_token(), find);
    EXPECT_TRUE(slots.status.ok()) << slots.status.error_message();
    if (!slots.status.ok() || slots.response.slots().empty()) return {slots.status, {}};
    return api_->Book(host_->emr_token(), BookingFor(plan_id, 0, slots.response.slots(0)));
  }

  Reply<v1::ScreeningReview> Review(const std::string& screening_id, v1::ReviewDecision decision,
                                    const std::vector<std::string>& overridden = {}) {
    v1::RecordReviewRequest request;
    request.set_screening_id(screening_id);
    request.set_decision(decision);
    for (const auto& id : overridden) request.add_overridden_rule_ids(id);
    request.set_reviewer("Dr Ada Lee");
    request.set_reason("apixaban reviewed with the GP; bleeding risk acceptable for face");
    return api_->RecordReview(host_->emr_token(), request);
  }

  // Runs `sql` on the host's store file, beside the running host.
  void OnStore(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((host_->data_dir() + "/needlework.db").c_str(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 10000);
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    sqlite3_close(db);
  }

  std::unique_ptr<HostProcess> host_;
  std::unique_ptr<SchedulingApi> api_;
};

TEST_F(ScreeningBindingTest, ScreenStoresARecordThatGetScreeningReturns) {
  auto screened = api_->Screen(host_->emr_token(), ApixabanPatient("Patient/rec", {kPrp}));
  ASSERT_TRUE(screened.status.ok()) << screened.status.error_message();
  const std::string& id = screened.response.screening_id();
  ASSERT_FALSE(id.empty());
  v1::GetScreeningRequest get;
  get.set_screening_id(id);
  auto record = api_->GetScreening(host_->emr_token(), get);
  ASSERT_TRUE(record.status.ok()) << record.status.error_message();
  EXPECT_EQ(record.response.patient_ref(), "Patient/rec");
  EXPECT_EQ(record.response.outcome(), types::OUTCOME_REVIEW_REQUIRED);
  EXPECT_EQ(record.response.findings_size(), screened.response.findings_size());
  ASSERT_EQ(record.response.add_ons_size(), 1);
  EXPECT_EQ(record.response.add_ons(0).outcome(), types::OUTCOME_CONTRAINDICATED);
  EXPECT_EQ(record.response.input_digest().size(), 64u);
  // The same input again: a new record with the same digest; another input, another digest.
  auto again = api_->Screen(host_->emr_token(), ApixabanPatient("Patient/rec", {kPrp}));
  get.set_screening_id(again.response.screening_id());
  auto second = api_->GetScreening(host_->emr_token(), get);
  EXPECT_NE(again.response.screening_id(), id);
  EXPECT_EQ(second.response.input_digest(), record.response.input_digest());
  get.set_screening_id(Screened(ApixabanPatient("Patient/rec", {})));
  EXPECT_NE(api_->GetScreening(host_->emr_token(), get).response.input_digest(),
            record.response.input_digest());
  // Another clinic's token does not see it.
  auto other = Api(*host_).CreateClinic(host_->admin_token(), "harbour");
  ASSERT_TRUE(other.status.ok()) << other.status.error_message();
  get.set_screening_id(id);
  EXPECT_EQ(api_->GetScreening(other.response.emr_token(), get).status.error_code(),
            grpc::StatusCode::NOT_FOUND);
  // Its record names the screening and the patient.
  auto records = Records(*host_, "/needlework.v1.ScreeningService/Screen");
  ASSERT_FALSE(records.empty());
  EXPECT_THAT(records.front().object_ref(),
              AllOf(HasSubstr("screening_id=" + id), HasSubstr("patient_ref=Patient/rec")));
}

TEST_F(ScreeningBindingTest, PlanRefusedWithoutAScreeningRecord) {
  auto none = Create("Patient/none", "");
  EXPECT_EQ(none.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(
      none.status.error_message(),
      HasSubstr("screen the patient first: ScreeningService.Screen returns a screening_id"));
  auto unknown = Create("Patient/none", "scr_0123456789abcdef0123456789abcdef");
  EXPECT_EQ(unknown.status.error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(ScreeningBindingTest, PlanRefusedWithAnotherClinicsRecord) {
  auto other = Api(*host_).CreateClinic(host_->admin_token(), "harbour");
  ASSERT_TRUE(other.status.ok()) << other.status.error_message();
  ASSERT_TRUE(Api(*host_).Enable(host_->admin_token(), "harbour", kScreeningPlugin).status.ok());
  auto theirs = api_->Screen(other.response.emr_token(), FaceScreenRequest("Patient/shared"));
  ASSERT_TRUE(theirs.status.ok()) << theirs.status.error_message();
  auto plan = Create("Patient/shared", theirs.response.screening_id());
  EXPECT_EQ(plan.status.error_code(), grpc::StatusCode::NOT_FOUND) << plan.status.error_message();
}

TEST_F(ScreeningBindingTest, PlanRefusedForAnotherPatientsRecord) {
  std::string id = Screened(FaceScreenRequest("Patient/anna"));
  auto plan = Create("Patient/bella", id);
  EXPECT_EQ(plan.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(plan.status.error_message(),
              AllOf(HasSubstr("Patient/anna"), HasSubstr("Patient/bella")));
}

TEST_F(ScreeningBindingTest, PlanRefusedForARecordOlderThanTheClinicsRecency) {
  std::string id = Screened(FaceScreenRequest("Patient/stale"));
  OnStore("UPDATE screenings SET created_at = created_at - 2 * 86400 WHERE screening_id = '" + id +
          "'");
  v1::SetScreeningRecencyRequest recency;
  recency.set_clinic_id("demo");
  recency.set_days(1);
  auto set = api_->SetScreeningRecency(host_->admin_token(), recency);
  ASSERT_TRUE(set.status.ok()) << set.status.error_message();
  EXPECT_EQ(set.response.screening_recency_days(), 1);
  auto stale = Create("Patient/stale", id);
  EXPECT_EQ(stale.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(stale.status.error_message(), HasSubstr("more than the clinic's 1 days ago"));
  recency.set_days(3);
  ASSERT_TRUE(api_->SetScreeningRecency(host_->admin_token(), recency).status.ok());
  EXPECT_TRUE(Create("Patient/stale", id).status.ok());
  recency.set_days(0);
  EXPECT_EQ(api_->SetScreeningRecency(host_->admin_token(), recency).status.error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Records(*host_, "/needlework.v1.AdminService/SetScreeningRecency", "demo").size(), 3u);
}

TEST_F(ScreeningBindingTest, PlanRefusedForABlockedOutcome) {
  auto plan = Create("Patient/acne", Screened(AcnePatient("Patient/acne")));
  EXPECT_EQ(plan.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(plan.status.error_message(),
              AllOf(HasSubstr("DEFER"), HasSubstr("a blocked patient is not planned"),
                    HasSubstr("active-acne")));
}

TEST_F(ScreeningBindingTest, PlanRefusedForABlockedAddOnOrOneNotScreened) {
  std::string id = Screened(ApixabanPatient("Patient/prp", {kPrp}));
  auto with_prp = Create("Patient/prp", id, {kPrp});
  EXPECT_EQ(with_prp.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(with_prp.status.error_message(),
              AllOf(HasSubstr("PRP serum"), HasSubstr("CONTRAINDICATED"), HasSubstr("apixaban")));
  auto with_rf = Create("Patient/prp", id, {kRf});
  EXPECT_EQ(with_rf.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(with_rf.status.error_message(), HasSubstr("screen again with the add-on"));
}

TEST_F(ScreeningBindingTest, ACallersOutcomeThatDiffersFromTheRecordIsRefused) {
  std::string id = Screened(FaceScreenRequest("Patient/claim"));
  auto proposed = api_->ProposePlan(host_->emr_token(), FacePlanRequest("Patient/claim"));
  v1::CreatePlanRequest create;
  create.set_patient_ref("Patient/claim");
  *create.mutable_plan() = proposed.response.plan();
  create.set_screening_id(id);
  create.set_screening_outcome(types::OUTCOME_REVIEW_REQUIRED);
  auto plan = api_->CreatePlan(host_->emr_token(), create);
  EXPECT_EQ(plan.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(plan.status.error_message(), HasSubstr("differs from screening"));
}

TEST_F(ScreeningBindingTest, BookingWaitsForAReviewAndIsAllowedAfterIt) {
  std::string id = Screened(ApixabanPatient("Patient/review", {kPrp}));
  auto plan = Create("Patient/review", id);  // without the contraindicated PRP
  ASSERT_TRUE(plan.status.ok()) << plan.status.error_message();
  EXPECT_EQ(plan.response.screening_id(), id);
  EXPECT_EQ(plan.response.screening_outcome(), types::OUTCOME_REVIEW_REQUIRED);

  auto early = BookFirstSlot(plan.response.plan_id());
  EXPECT_EQ(early.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(early.status.error_message(),
              HasSubstr("screening " + id + " needs a clinician's review: RecordReview"));

  v1::GetScreeningRequest get;
  get.set_screening_id(id);
  std::string rule = api_->GetScreening(host_->emr_token(), get).response.findings(0).rule_id();
  auto review = Review(id, v1::REVIEW_DECISION_REVIEWED_PROCEED, {rule});
  ASSERT_TRUE(review.status.ok()) << review.status.error_message();
  EXPECT_EQ(review.response.reviewer(), "Dr Ada Lee");
  EXPECT_FALSE(review.response.reviewed_at().empty());
  EXPECT_FALSE(review.response.token_id().empty());
  auto booked = BookFirstSlot(plan.response.plan_id());
  EXPECT_TRUE(booked.status.ok()) << booked.status.error_message();

  auto record = api_->GetScreening(host_->emr_token(), get);
  ASSERT_EQ(record.response.reviews_size(), 1);
  EXPECT_EQ(record.response.reviews(0).overridden_rule_ids(0), rule);
  auto audit = Records(*host_, "/needlework.v1.ScreeningService/RecordReview", "demo");
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].outcome(), "OK");
  EXPECT_THAT(audit[0].object_ref(), AllOf(HasSubstr("screening_id=" + id),
                                           HasSubstr("review_id=" + review.response.review_id())));
}

TEST_F(ScreeningBindingTest, ADeclinedReviewBlocksBooking) {
  std::string id = Screened(ApixabanPatient("Patient/declined", {}));
  auto plan = Create("Patient/declined", id);
  ASSERT_TRUE(plan.status.ok()) << plan.status.error_message();
  ASSERT_TRUE(Review(id, v1::REVIEW_DECISION_DECLINED).status.ok());
  auto booked = BookFirstSlot(plan.response.plan_id());
  EXPECT_EQ(booked.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(booked.status.error_message(), HasSubstr("was declined by Dr Ada Lee"));
}

TEST_F(ScreeningBindingTest, AReviewIsCheckedAgainstItsRecord) {
  std::string review_id = Screened(ApixabanPatient("Patient/checks", {}));
  auto unknown_rule = Review(review_id, v1::REVIEW_DECISION_REVIEWED_PROCEED, {"no-such-rule"});
  EXPECT_EQ(unknown_rule.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(unknown_rule.status.error_message(), HasSubstr("no-such-rule"));
  v1::RecordReviewRequest no_reason;
  no_reason.set_screening_id(review_id);
  no_reason.set_decision(v1::REVIEW_DECISION_REVIEWED_PROCEED);
  no_reason.set_reviewer("Dr Ada Lee");
  EXPECT_EQ(api_->RecordReview(host_->emr_token(), no_reason).status.error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  auto nothing =
      Review(Screened(FaceScreenRequest("Patient/fine")), v1::REVIEW_DECISION_REVIEWED_PROCEED);
  EXPECT_EQ(nothing.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(nothing.status.error_message(), HasSubstr("nothing to review"));
}

}  // namespace
}  // namespace needlework::testing
