// Each hook with prefetch over the real screening plugin: cards that follow CDS Hooks 2.0
// (uuid, summary under 140 characters, indicator, source with the screening record in its
// topic) and a stored screening record behind every card; fail-closed cards when the chart
// cannot be read; no token, nothing run.
#include <gmock/gmock.h>

#include <regex>

#include "host/cdshooks/cards.h"
#include "host/cdshooks/cds_fixture.h"
#include "needlework/v1/screening.pb.h"

namespace needlework::host {
namespace {

using fixtures::ExamplePatient;
using fixtures::HookBody;
using fixtures::Json;
using ::testing::HasSubstr;
namespace types = needlework::types::v1;

class HooksTest : public fixtures::CdsServiceFixture {
 protected:
  // Checks the fields every card has, and returns its screening record.
  ScreeningRow RecordOf(const Json& card, const std::string& clinic = "a") {
    static const std::regex kUuid(
        "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    EXPECT_TRUE(std::regex_match(card["uuid"].get<std::string>(), kUuid)) << card.dump();
    EXPECT_LT(card["summary"].get<std::string>().size(), 140u);
    EXPECT_TRUE(card["detail"].is_string());
    EXPECT_THAT((std::vector<std::string>{"info", "warning", "critical"}),
                ::testing::Contains(card["indicator"].get<std::string>()));
    EXPECT_EQ(card["source"]["label"], "Needlework screening");
    EXPECT_EQ(card["source"]["url"], fixtures::kServiceUrl);
    EXPECT_EQ(card["source"]["topic"]["system"], kScreeningRecordSystem);
    auto row = store_->GetScreening(clinic, card["source"]["topic"]["code"].get<std::string>());
    EXPECT_TRUE(row.ok()) << row.status().ToString();
    return row.ok() ? *row : ScreeningRow{};
  }

  static Json MicroneedlingOrder(const std::string& id) {
    return {{"resourceType", "ServiceRequest"},
            {"id", id},
            {"status", "draft"},
            {"intent", "order"},
            {"code",
             {{"coding",
               {{{"system", "https://needlework.dev/fhir/CodeSystem/procedure"},
                 {"code", "microneedling"}}}}}},
            {"reasonCode",
             {{{"coding",
                {{{"system", "https://needlework.dev/fhir/CodeSystem/concern"},
                  {"code", "acne-scars"}}}}}}}};
  }
};

TEST_F(HooksTest, PatientViewOfACleanChartIsAnInfoCardBackedByAnEligibleRecord) {
  Json cards =
      Cards("needlework-patient-view", HookBody("patient-view", ExamplePatient("eligible")));
  ASSERT_EQ(cards.size(), 1u) << cards.dump();
  EXPECT_EQ(cards[0]["indicator"], "info");
  EXPECT_THAT(cards[0]["summary"].get<std::string>(), HasSubstr("Microneedling: eligible"));
  EXPECT_FALSE(cards[0].contains("overrideReasons"));
  ScreeningRow row = RecordOf(cards[0]);
  EXPECT_EQ(row.outcome, types::OUTCOME_ELIGIBLE);
  EXPECT_EQ(row.patient_ref, "Patient/" + fixtures::PatientIdOf(ExamplePatient("eligible")));
}

TEST_F(HooksTest, PatientViewOfWarfarinWarnsWithOverrideReasons) {
  Json cards =
      Cards("needlework-patient-view", HookBody("patient-view", ExamplePatient("warfarin")));
  ASSERT_EQ(cards.size(), 1u) << cards.dump();
  EXPECT_EQ(cards[0]["indicator"], "warning");
  EXPECT_THAT(cards[0]["detail"].get<std::string>(), HasSubstr("blood-thinners"));
  EXPECT_FALSE(cards[0]["overrideReasons"].empty());
  EXPECT_EQ(RecordOf(cards[0]).outcome, types::OUTCOME_REVIEW_REQUIRED);
}

TEST_F(HooksTest, OrderSignOfActiveAcneIsCritical) {
  Json body = HookBody("order-sign", ExamplePatient("active-acne"));
  body["context"]["draftOrders"] = {{"resourceType", "Bundle"},
                                    {"type", "collection"},
                                    {"entry", {{{"resource", MicroneedlingOrder("mn-1")}}}}};
  Json cards = Cards("needlework-order-sign", body);
  ASSERT_EQ(cards.size(), 1u) << cards.dump();
  EXPECT_EQ(cards[0]["indicator"], "critical");
  EXPECT_EQ(RecordOf(cards[0]).outcome, types::OUTCOME_DEFER);
}

TEST_F(HooksTest, OrderSelectScreensOnlyWhenAMicroneedlingOrderIsSelected) {
  Json body = HookBody("order-select", ExamplePatient("eligible"));
  body["context"]["draftOrders"] = {{"resourceType", "Bundle"},
                                    {"type", "collection"},
                                    {"entry", {{{"resource", MicroneedlingOrder("mn-1")}}}}};
  body["context"]["selections"] = {"ServiceRequest/other"};
  EXPECT_TRUE(Cards("needlework-order-select", body).empty());
  body["context"]["selections"] = {"ServiceRequest/mn-1"};
  Json cards = Cards("needlework-order-select", body);
  ASSERT_EQ(cards.size(), 1u) << cards.dump();
  EXPECT_EQ(RecordOf(cards[0]).outcome, types::OUTCOME_ELIGIBLE);
}

TEST_F(HooksTest, AppointmentBookAddsTheBookingRuleOfAReviewedScreening) {
  Json body = HookBody("appointment-book", ExamplePatient("warfarin"));
  Json appointment = {{"resourceType", "Appointment"},
                      {"id", "appt-1"},
                      {"status", "proposed"},
                      {"serviceType",
                       {{{"coding",
                          {{{"system", "https://needlework.dev/fhir/CodeSystem/procedure"},
                            {"code", "microneedling"}}}}}}}};
  body["context"]["appointments"] = {
      {"resourceType", "Bundle"}, {"type", "collection"}, {"entry", {{{"resource", appointment}}}}};
  Json cards = Cards("needlework-appointment-book", body);
  ASSERT_EQ(cards.size(), 2u) << cards.dump();
  EXPECT_EQ(cards[0]["indicator"], "warning");
  EXPECT_THAT(cards[1]["summary"].get<std::string>(), HasSubstr("Book only after a clinician"));
  EXPECT_EQ(RecordOf(cards[1]).screening_id, RecordOf(cards[0]).screening_id);
}

TEST_F(HooksTest, FhirServerDownIsAFailClosedCardAndAReviewRequiredRecord) {
  Json body = HookBody("patient-view", ExamplePatient("eligible"), /*prefetch=*/false);
  body["fhirServer"] = "http://127.0.0.1:9/fhir";  // discard port: nothing listens
  body["fhirAuthorization"] = {{"access_token", "secret-token"},
                               {"token_type", "Bearer"},
                               {"expires_in", 300},
                               {"scope", "patient/*.read"},
                               {"subject", "needlework"}};
  Json cards = Cards("needlework-patient-view", body);
  ASSERT_EQ(cards.size(), 1u) << cards.dump();
  EXPECT_EQ(cards[0]["indicator"], "warning");
  EXPECT_THAT(cards[0]["summary"].get<std::string>(), HasSubstr("Could not check"));
  EXPECT_THAT(cards[0]["detail"].get<std::string>(), HasSubstr("could not read patient"));
  EXPECT_THAT(cards[0].dump(), ::testing::Not(HasSubstr("secret-token")));
  EXPECT_EQ(RecordOf(cards[0]).outcome, types::OUTCOME_REVIEW_REQUIRED);
}

TEST_F(HooksTest, MissingPrefetchWithoutAFhirServerFailsClosed) {
  Json body = HookBody("patient-view", ExamplePatient("eligible"));
  body["prefetch"].erase("conditions");
  Json cards = Cards("needlework-patient-view", body);
  ASSERT_EQ(cards.size(), 1u) << cards.dump();
  EXPECT_THAT(cards[0]["detail"].get<std::string>(), HasSubstr("prefetch 'conditions' is missing"));
  EXPECT_EQ(RecordOf(cards[0]).outcome, types::OUTCOME_REVIEW_REQUIRED);
}

TEST_F(HooksTest, AChartAboutAnotherPatientIsNotScreenedAsThisOne) {
  Json body = HookBody("patient-view", ExamplePatient("eligible"));
  body["context"]["patientId"] = "someone-else";
  Json cards = Cards("needlework-patient-view", body);
  ASSERT_EQ(cards.size(), 1u) << cards.dump();
  EXPECT_THAT(cards[0]["summary"].get<std::string>(), HasSubstr("Could not check"));
  EXPECT_EQ(RecordOf(cards[0]).patient_ref, "Patient/someone-else");
}

TEST_F(HooksTest, WithoutACallerNothingRunsAndNothingIsStored) {
  HttpReply reply = Post("/cds-services/needlework-patient-view",
                         HookBody("patient-view", ExamplePatient("eligible")), /*clinic=*/"");
  EXPECT_EQ(reply.status, 401);
  auto audit = store_->QueryAudit(AuditFilter{});
  ASSERT_TRUE(audit.ok());
  EXPECT_TRUE(audit->empty());
}

TEST_F(HooksTest, MalformedCallsAreRefusedNamingTheField) {
  Json body = HookBody("patient-view", ExamplePatient("eligible"));
  body["hook"] = "order-sign";
  HttpReply reply = Post("/cds-services/needlework-patient-view", body);
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("hook"));
  body = HookBody("patient-view", ExamplePatient("eligible"));
  body["context"]["patientId"] = "../../etc";
  reply = Post("/cds-services/needlework-patient-view", body);
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(reply.body, HasSubstr("context.patientId"));
  body = HookBody("patient-view", ExamplePatient("eligible"));
  body["fhirServer"] = "http://emr.example.org/fhir";
  EXPECT_EQ(Post("/cds-services/needlework-patient-view", body).status, 400);
}

}  // namespace
}  // namespace needlework::host
