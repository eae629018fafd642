// Combination therapies through the real host: microneedling with radiofrequency, a PRP
// serum and growth-factor / hyaluronic-acid serums, each an add-on plugin that speaks at
// every stage (catalog, screening, planning, slots, booking, completion, aftercare, triage),
// and per-clinic toggles of an add-on.
#include <absl/time/time.h>
#include <gmock/gmock.h>

#include "integration/scheduling_helpers.h"
#include "needlework/v1/aftercare.grpc.pb.h"
#include "needlework/v1/catalog.grpc.pb.h"

namespace needlework::testing {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kRf[] = "rf-microneedling";
constexpr char kPrp[] = "prp-serum";
constexpr char kHa[] = "ha-serum";
constexpr char kRfPlugin[] = "org.needlework.radiofrequency";
constexpr char kPrpPlugin[] = "org.needlework.prp";

// Hours from `from` to `until`, both RFC 3339.
double HoursBetween(const std::string& from, const std::string& until) {
  absl::Time a, b;
  std::string error;
  EXPECT_TRUE(absl::ParseTime(absl::RFC3339_full, from, &a, &error)) << from << error;
  EXPECT_TRUE(absl::ParseTime(absl::RFC3339_full, until, &b, &error)) << until << error;
  return absl::ToDoubleHours(b - a);
}

std::vector<std::string> Codes(const google::protobuf::RepeatedPtrField<types::Coding>& codes) {
  std::vector<std::string> out;
  for (const auto& c : codes) out.push_back(c.code());
  return out;
}

std::vector<std::string> DeviceKinds(const types::SessionShape& session) {
  std::vector<std::string> kinds;
  for (const auto& r : session.requirements()) {
    if (r.type() == types::RESOURCE_TYPE_DEVICE) kinds.push_back(r.device_kind());
  }
  return kinds;
}

class CombinationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    host_ = HostProcess::Start();
    ASSERT_NE(host_, nullptr);
    api_ = std::make_unique<SchedulingApi>(*host_);
    catalog_ = v1::CatalogService::NewStub(host_->channel());
    aftercare_ = v1::AftercareService::NewStub(host_->channel());
    ASSERT_TRUE(SetUpCombinationClinic("demo"));
  }

  // SetUpClinic plus a second pen, an RF unit and a centrifuge, so that the add-ons' devices
  // (not the pen) are what limits combined sessions.
  bool SetUpCombinationClinic(const std::string& clinic) {
    bool ok = SetUpClinic(*api_, host_->admin_token(), clinic);
    for (auto [id, kind] : {std::pair{"pen-2", "microneedling-pen"},
                            {"rf-1", "rf-unit"},
                            {"centrifuge-1", "centrifuge"}}) {
      v1::UpsertResourceRequest request;
      request.set_clinic_id(clinic);
      request.mutable_resource()->set_resource_id(id);
      request.mutable_resource()->set_type(types::RESOURCE_TYPE_DEVICE);
      request.mutable_resource()->set_device_kind(kind);
      request.mutable_resource()->set_active(true);
      ok = ok && api_->UpsertResource(host_->admin_token(), request).status.ok();
    }
    return ok;
  }

  Reply<v1::ListTherapiesResponse> Therapies(const std::string& token) {
    Reply<v1::ListTherapiesResponse> reply;
    reply.status = catalog_->ListTherapies(AuthorizedContext(token).get(), {}, &reply.response);
    return reply;
  }

  Reply<v1::FindSlotsResponse> Slots(const std::string& token, const std::string& plan, int session,
                                     const std::string& day) {
    v1::FindSlotsRequest find;
    find.set_plan_id(plan);
    find.set_session_index(session);
    find.set_from_date(day);
    find.set_to_date(day);
    return api_->FindSlots(token, find);
  }

  // Books the first free slot of `day`; the appointment (empty on failure).
  v1::Appointment BookFirst(const std::string& token, const std::string& plan,
                            const std::string& day) {
    auto slots = Slots(token, plan, 0, day);
    EXPECT_TRUE(slots.status.ok()) << slots.status.error_message();
    if (!slots.status.ok() || slots.response.slots().empty()) return {};
    auto booked = api_->Book(token, BookingFor(plan, 0, slots.response.slots(0)));
    EXPECT_TRUE(booked.status.ok()) << booked.status.error_message();
    return booked.response;
  }

  Reply<v1::Appointment> Complete(const std::string& token, const std::string& appointment,
                                  const std::vector<std::pair<std::string, std::string>>& lots) {
    v1::CompleteSessionRequest request;
    request.set_appointment_id(appointment);
    request.mutable_completion()->add_treatment_areas("face");
    request.mutable_completion()->set_needle_depth_mm(1.0);
    for (const auto& [product, lot] : lots) {
      auto* use = request.mutable_completion()->add_products();
      use->set_product(product);
      use->set_lot_number(lot);
    }
    return api_->CompleteSession(token, request);
  }

  v1::AftercarePlan Aftercare(const std::string& token, const std::string& appointment) {
    v1::GetAftercarePlanRequest request;
    request.set_appointment_id(appointment);
    v1::AftercarePlan plan;
    auto status = aftercare_->GetAftercarePlan(AuthorizedContext(token).get(), request, &plan);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return plan;
  }

  std::vector<std::string> InstructionIds(const v1::AftercarePlan& plan) {
    std::vector<std::string> ids;
    for (const auto& i : plan.instructions()) ids.push_back(i.id());
    return ids;
  }

  std::unique_ptr<HostProcess> host_;
  std::unique_ptr<SchedulingApi> api_;
  std::unique_ptr<v1::CatalogService::Stub> catalog_;
  std::unique_ptr<v1::AftercareService::Stub> aftercare_;
};

// A patient on apixaban (by RxNorm ingredient), screened for microneedling with PRP.
v1::ScreenRequest ApixabanPatient(const std::vector<std::string>& add_ons) {
  v1::ScreenRequest request;
  auto* facts = request.mutable_facts();
  facts->set_patient_ref("Patient/apixaban-1");
  auto* medication = facts->add_medications();
  *medication->add_codes() = RxNorm("1364445");
  auto* ingredient = medication->add_ingredients();
  *ingredient = RxNorm("1364430");
  ingredient->set_display("apixaban");
  medication->set_status(types::MEDICATION_STATUS_ACTIVE);
  medication->set_source_ref("MedicationRequest/apixaban");
  for (const auto& code : add_ons) *request.add_add_ons() = Procedure(code);
  return request;
}

TEST_F(CombinationTest, CatalogListsTheBaseTreatmentThenEachAddOn) {
  auto therapies = Therapies(host_->emr_token());
  ASSERT_TRUE(therapies.status.ok()) << therapies.status.error_message();
  const auto& offered = therapies.response.therapies();
  ASSERT_GE(offered.size(), 5);
  EXPECT_EQ(offered[0].therapy().code().code(), "microneedling");
  EXPECT_EQ(offered[0].therapy().kind(), types::THERAPY_KIND_BASE);
  std::map<std::string, v1::OfferedTherapy> by_code;
  for (const auto& t : offered) by_code[t.therapy().code().code()] = t;
  ASSERT_TRUE(by_code.count(kRf) && by_code.count(kPrp) && by_code.count(kHa));
  EXPECT_EQ(by_code[kRf].plugin_id(), kRfPlugin);
  EXPECT_THAT(DeviceKinds([&] {
                types::SessionShape shape;
                *shape.mutable_requirements() = by_code[kRf].therapy().requirements();
                return shape;
              }()),
              Contains("rf-unit"));
  EXPECT_GT(by_code[kPrp].therapy().minutes(), 0);
  EXPECT_TRUE(by_code[kHa].therapy().record_product_lot());
  EXPECT_THAT(by_code[kRf].config_json(), HasSubstr("rf-unit"));
}

TEST_F(CombinationTest, ApixabanBlocksPrpButPlainMicroneedlingStaysOnOffer) {
  auto screened = Api(*host_).Screen(host_->emr_token(), ApixabanPatient({kPrp}));
  ASSERT_TRUE(screened.status.ok()) << screened.status.error_message();
  const auto& response = screened.response;
  // The base treatment: the clinician reviews the blood thinner, and may still treat.
  EXPECT_EQ(response.outcome(), types::OUTCOME_REVIEW_REQUIRED);
  ASSERT_EQ(response.add_ons_size(), 1);
  EXPECT_EQ(response.add_ons(0).therapy().code(), kPrp);
  EXPECT_EQ(response.add_ons(0).outcome(), types::OUTCOME_CONTRAINDICATED);
  EXPECT_EQ(response.add_ons(0).plugin_id(), kPrpPlugin);
  EXPECT_THAT(response.add_ons(0).summary(), HasSubstr("apixaban"));
  auto prp = FindingsFrom(response, kPrpPlugin);
  ASSERT_FALSE(prp.empty());
  for (const auto& finding : prp) EXPECT_EQ(finding.applies_to().code(), kPrp);
  EXPECT_FALSE(FindingsFrom(response, kScreeningPlugin).empty());

  // Without PRP in the plan, the PRP plugin is not consulted at all.
  auto plain = Api(*host_).Screen(host_->emr_token(), ApixabanPatient({}));
  ASSERT_TRUE(plain.status.ok());
  EXPECT_EQ(plain.response.outcome(), types::OUTCOME_REVIEW_REQUIRED);
  EXPECT_TRUE(FindingsFrom(plain.response, kPrpPlugin).empty());
  EXPECT_EQ(plain.response.add_ons_size(), 0);
  for (const auto& run : plain.response.plugin_runs()) EXPECT_NE(run.plugin_id(), kPrpPlugin);
}

TEST_F(CombinationTest, AnAddOnTheClinicDoesNotOfferIsRefusedAndNothingIsAsked) {
  auto screened = Api(*host_).Screen(host_->emr_token(), ApixabanPatient({"laser-resurfacing"}));
  EXPECT_EQ(screened.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(screened.status.error_message(), HasSubstr("laser-resurfacing"));
  EXPECT_THAT(screened.status.error_message(), HasSubstr(kRf));  // lists what is offered

  v1::ScreenRequest twice = ApixabanPatient({kRf, kRf});
  EXPECT_EQ(Api(*host_).Screen(host_->emr_token(), twice).status.error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(CombinationTest, MicroneedlingWithRfAndPrpEndToEnd) {
  v1::ScreenRequest screen;
  screen.mutable_facts()->set_patient_ref("Patient/combo-1");
  *screen.add_add_ons() = Procedure(kRf);
  *screen.add_add_ons() = Procedure(kPrp);
  auto screened = Api(*host_).Screen(host_->emr_token(), screen);
  ASSERT_TRUE(screened.status.ok()) << screened.status.error_message();
  EXPECT_EQ(screened.response.outcome(), types::OUTCOME_ELIGIBLE);
  ASSERT_EQ(screened.response.add_ons_size(), 2);
  for (const auto& verdict : screened.response.add_ons()) {
    EXPECT_EQ(verdict.outcome(), types::OUTCOME_ELIGIBLE) << verdict.summary();
  }

  // Plan: the base session plus each add-on's minutes and devices.
  v1::ProposePlanRequest propose;
  propose.mutable_facts()->set_patient_ref("Patient/combo-1");
  auto* concern = propose.add_concerns();
  concern->set_system(std::string(code_systems::kConcern));
  concern->set_code("acne-scars");
  auto* area = propose.add_treatment_areas();
  area->set_system(std::string(code_systems::kTreatmentArea));
  area->set_code("face");
  *propose.add_add_ons() = Procedure(kRf);
  *propose.add_add_ons() = Procedure(kPrp);
  auto proposed = api_->ProposePlan(host_->emr_token(), propose);
  ASSERT_TRUE(proposed.status.ok()) << proposed.status.error_message();
  const auto& session = proposed.response.session();
  EXPECT_GT(session.minutes(), proposed.response.plan().session_minutes());
  EXPECT_THAT(DeviceKinds(session), Contains("rf-unit"));
  EXPECT_THAT(DeviceKinds(session), Contains("centrifuge"));
  EXPECT_THAT(DeviceKinds(session), Contains("microneedling-pen"));
  EXPECT_THAT(Codes(proposed.response.plan().add_ons()), ::testing::ElementsAre(kRf, kPrp));

  v1::CreatePlanRequest create;
  create.set_patient_ref("Patient/combo-1");
  *create.mutable_plan() = proposed.response.plan();
  create.set_screening_id(screened.response.screening_id());
  auto plan = api_->CreatePlan(host_->emr_token(), create);
  ASSERT_TRUE(plan.status.ok()) << plan.status.error_message();

  // Slots hold the RF unit and the centrifuge, and last the composed session.
  auto slots = Slots(host_->emr_token(), plan.response.plan_id(), 0, LondonDate(7, true));
  ASSERT_TRUE(slots.status.ok()) << slots.status.error_message();
  ASSERT_FALSE(slots.response.slots().empty());
  EXPECT_EQ(slots.response.session().minutes(), session.minutes());
  const auto& slot = slots.response.slots(0);
  EXPECT_THAT(slot.device_ids(), Contains("rf-1"));
  EXPECT_THAT(slot.device_ids(), Contains("centrifuge-1"));
  EXPECT_NEAR(HoursBetween(slot.start(), slot.end()) * 60, session.minutes(), 0.01);

  auto booked = api_->Book(host_->emr_token(), BookingFor(plan.response.plan_id(), 0, slot));
  ASSERT_TRUE(booked.status.ok()) << booked.status.error_message();
  EXPECT_THAT(Codes(booked.response.add_ons()), ::testing::ElementsAre(kRf, kPrp));

  auto completed = Complete(host_->emr_token(), booked.response.appointment_id(), {});
  ASSERT_TRUE(completed.status.ok()) << completed.status.error_message();

  // Aftercare: every plugin's lines, duplicates collapsed, the stricter window kept.
  auto aftercare = Aftercare(host_->emr_token(), booked.response.appointment_id());
  auto ids = InstructionIds(aftercare);
  EXPECT_EQ(std::count(ids.begin(), ids.end(), "avoid-sun"), 1);
  EXPECT_THAT(ids, Contains("avoid-heat"));
  EXPECT_THAT(ids, Contains("prp-leave-on"));
  EXPECT_THAT(ids, Contains("no-actives"));  // the base aftercare plugin's
  for (const auto& i : aftercare.instructions()) {
    if (i.id() != "avoid-sun") continue;
    EXPECT_EQ(i.source_plugin(), kRfPlugin);
    EXPECT_GT(HoursBetween(i.from(), i.until()), 48.0) << "RF's longer window wins";
  }
  std::set<std::string> runs;
  for (const auto& run : aftercare.plugin_runs()) runs.insert(run.plugin_id());
  EXPECT_TRUE(runs.count(kRfPlugin) && runs.count(kPrpPlugin));
  EXPECT_FALSE(runs.count("org.needlework.serums")) << "no serum in this session";

  // Triage: bruising at the draw site is for the PRP plugin to grade.
  v1::ReportSymptomRequest report;
  report.set_appointment_id(booked.response.appointment_id());
  report.mutable_symptom()->set_system(std::string(code_systems::kSymptom));
  report.mutable_symptom()->set_code("bruising");
  report.set_severity(types::SYMPTOM_SEVERITY_MILD);
  v1::SymptomReport triaged;
  ASSERT_TRUE(
      aftercare_->ReportSymptom(AuthorizedContext(host_->emr_token()).get(), report, &triaged)
          .ok());
  EXPECT_GE(triaged.level(), types::TRIAGE_LEVEL_MONITOR);
  std::set<std::string> triage_runs;
  for (const auto& run : triaged.plugin_runs()) triage_runs.insert(run.plugin_id());
  EXPECT_TRUE(triage_runs.count(kPrpPlugin));
}

TEST_F(CombinationTest, SlotsOfferOnlyTimesWhenTheAddOnDeviceIsFree) {
  std::string day = LondonDate(7, true);
  std::string first = CreateFacePlan(*api_, host_->emr_token(), "Patient/prp-1", {kPrp});
  std::string second = CreateFacePlan(*api_, host_->emr_token(), "Patient/prp-2", {kPrp});
  std::string plain = CreateFacePlan(*api_, host_->emr_token(), "Patient/plain-1");
  ASSERT_FALSE(first.empty() || second.empty() || plain.empty());
  auto taken = BookFirst(host_->emr_token(), first, day);
  ASSERT_FALSE(taken.appointment_id().empty());
  ASSERT_THAT(taken.device_ids(), Contains("centrifuge-1"));

  // The one centrifuge is busy: no PRP session may overlap; a plain one may (second pen).
  auto prp_slots = Slots(host_->emr_token(), second, 0, day);
  ASSERT_TRUE(prp_slots.status.ok()) << prp_slots.status.error_message();
  for (const auto& slot : prp_slots.response.slots()) {
    bool overlaps = slot.start() < taken.end() && taken.start() < slot.end();
    EXPECT_FALSE(overlaps) << slot.start() << " overlaps the booked PRP session";
  }
  auto plain_slots = Slots(host_->emr_token(), plain, 0, day);
  ASSERT_TRUE(plain_slots.status.ok());
  ASSERT_FALSE(plain_slots.response.slots().empty());
  EXPECT_EQ(plain_slots.response.slots(0).start(), taken.start());

  // Booking the taken time anyway is refused on the centrifuge, naming its appointment.
  v1::Slot clash = prp_slots.response.slots(0);
  clash.set_start(taken.start());
  clash.set_practitioner_id(taken.practitioner_id() == "dr-lee" ? "dr-patel" : "dr-lee");
  clash.set_room_id(taken.room_id() == "room-1" ? "room-2" : "room-1");
  clash.clear_device_ids();
  bool pen_1_taken = std::count(taken.device_ids().begin(), taken.device_ids().end(), "pen-1");
  clash.add_device_ids(pen_1_taken ? "pen-2" : "pen-1");
  clash.add_device_ids("centrifuge-1");
  auto refused = api_->Book(host_->emr_token(), BookingFor(second, 0, clash));
  EXPECT_EQ(refused.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(refused.status.error_message(), HasSubstr("centrifuge-1"));
  EXPECT_THAT(refused.status.error_message(), HasSubstr(taken.appointment_id()));
}

TEST_F(CombinationTest, SerumCompletionMustRecordTheProductLot) {
  std::string plan = CreateFacePlan(*api_, host_->emr_token(), "Patient/ha-1", {kHa});
  ASSERT_FALSE(plan.empty());
  auto booked = BookFirst(host_->emr_token(), plan, LondonDate(7, true));
  ASSERT_FALSE(booked.appointment_id().empty());
  auto missing = Complete(host_->emr_token(), booked.appointment_id(), {});
  EXPECT_EQ(missing.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(missing.status.error_message(), HasSubstr(kHa));
  auto done = Complete(host_->emr_token(), booked.appointment_id(), {{kHa, "LOT-42"}});
  ASSERT_TRUE(done.status.ok()) << done.status.error_message();
  EXPECT_THAT(InstructionIds(Aftercare(host_->emr_token(), booked.appointment_id())),
              Contains("approved-products-only"));
}

TEST_F(CombinationTest, TogglingRfOffForOneClinicChangesOnlyThatClinic) {
  auto harbour = Api(*host_).CreateClinic(host_->admin_token(), "harbour");
  ASSERT_TRUE(harbour.status.ok()) << harbour.status.error_message();
  const std::string b_token = harbour.response.emr_token();
  auto offered = Therapies(host_->emr_token());
  for (const auto& entry : offered.response.therapies()) {
    ASSERT_TRUE(Api(*host_).Enable(host_->admin_token(), "harbour", entry.plugin_id()).status.ok());
  }
  ASSERT_TRUE(Api(*host_).Enable(host_->admin_token(), "harbour", kScreeningPlugin).status.ok());
  ASSERT_TRUE(
      Api(*host_).Enable(host_->admin_token(), "harbour", "org.needlework.aftercare").status.ok());
  ASSERT_TRUE(SetUpCombinationClinic("harbour"));
  std::string a_plan = CreateFacePlan(*api_, host_->emr_token(), "Patient/a-1", {kRf});
  std::string b_plan = CreateFacePlan(*api_, b_token, "Patient/b-1", {kRf});
  ASSERT_FALSE(a_plan.empty() || b_plan.empty());

  ASSERT_TRUE(Api(*host_).Disable(host_->admin_token(), "demo", kRfPlugin).status.ok());

  auto codes = [&](const std::string& token) {
    std::vector<std::string> out;
    auto therapies = Therapies(token);
    for (const auto& t : therapies.response.therapies()) out.push_back(t.therapy().code().code());
    return out;
  };
  EXPECT_THAT(codes(host_->emr_token()), Not(Contains(kRf)));
  EXPECT_THAT(codes(b_token), Contains(kRf));

  // A's plan is now shaped without RF (named as no longer offered); B's keeps it.
  std::string day = LondonDate(7, true);
  auto a_slots = Slots(host_->emr_token(), a_plan, 0, day);
  ASSERT_TRUE(a_slots.status.ok()) << a_slots.status.error_message();
  EXPECT_THAT(DeviceKinds(a_slots.response.session()), Not(Contains("rf-unit")));
  EXPECT_THAT(Codes(a_slots.response.session().unavailable_add_ons()), Contains(kRf));
  auto b_slots = Slots(b_token, b_plan, 0, day);
  ASSERT_TRUE(b_slots.status.ok()) << b_slots.status.error_message();
  EXPECT_THAT(DeviceKinds(b_slots.response.session()), Contains("rf-unit"));
  EXPECT_THAT(b_slots.response.slots(0).device_ids(), Contains("rf-1"));

  // Aftercare of a session completed now: A's has no RF lines, B's has them.
  auto a_booked = BookFirst(host_->emr_token(), a_plan, day);
  auto b_booked = BookFirst(b_token, b_plan, day);
  ASSERT_TRUE(Complete(host_->emr_token(), a_booked.appointment_id(), {}).status.ok());
  ASSERT_TRUE(Complete(b_token, b_booked.appointment_id(), {}).status.ok());
  EXPECT_THAT(InstructionIds(Aftercare(host_->emr_token(), a_booked.appointment_id())),
              Not(Contains("avoid-heat")));
  EXPECT_THAT(InstructionIds(Aftercare(b_token, b_booked.appointment_id())),
              Contains("avoid-heat"));

  // And A can no longer plan or screen with RF.
  v1::ScreenRequest screen;
  screen.mutable_facts()->set_patient_ref("Patient/a-2");
  *screen.add_add_ons() = Procedure(kRf);
  EXPECT_EQ(Api(*host_).Screen(host_->emr_token(), screen).status.error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_TRUE(Api(*host_).Screen(b_token, screen).status.ok());
}

// An add-on plugin that fails is named, and fails closed for its add-on only.
TEST(CombinationFailureTest, AFailingAddOnPluginIsNamedAndItsAddOnFailsClosed) {
  HostOptions options;
  options.plugin_dirs = {NEEDLEWORK_BINARY_DIR "/test-plugins/behaviour", NEEDLEWORK_PLUGIN_DIR};
  auto host = HostProcess::Start(options);
  ASSERT_NE(host, nullptr);
  Api api(*host);
  ASSERT_TRUE(api.Configure(host->admin_token(), "demo", "org.needlework.test.alpha",
                            R"({"add_on":"test-glow","mode":"error"})")
                  .status.ok());
  // The beta plugin is not an add-on plugin: keep it quiet and eligible.
  ASSERT_TRUE(api.Disable(host->admin_token(), "demo", "org.needlework.test.beta").status.ok());

  v1::ScreenRequest request;
  request.mutable_facts()->set_patient_ref("Patient/glow-1");
  auto plain = api.Screen(host->emr_token(), request);
  ASSERT_TRUE(plain.status.ok()) << plain.status.error_message();
  EXPECT_EQ(plain.response.outcome(), types::OUTCOME_ELIGIBLE) << "not asked without its add-on";

  *request.add_add_ons() = Procedure("test-glow");
  auto with = api.Screen(host->emr_token(), request);
  ASSERT_TRUE(with.status.ok()) << with.status.error_message();
  EXPECT_EQ(with.response.outcome(), types::OUTCOME_ELIGIBLE) << "the base treatment stands";
  ASSERT_EQ(with.response.add_ons_size(), 1);
  EXPECT_EQ(with.response.add_ons(0).outcome(), types::OUTCOME_REVIEW_REQUIRED);
  EXPECT_THAT(with.response.add_ons(0).summary(), HasSubstr("org.needlework.test.alpha"));
  bool named = false;
  for (const auto& run : with.response.plugin_runs()) {
    named |=
        run.plugin_id() == "org.needlework.test.alpha" && run.state() == v1::PluginRun::STATE_ERROR;
  }
  EXPECT_TRUE(named);
}

}  // namespace
}  // namespace needlework::testing
