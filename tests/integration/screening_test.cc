// ScreeningService.Screen through the real host with the built-in screening plugin.
#include <gmock/gmock.h>

#include <fstream>
#include <sstream>
#include <utility>

#include "integration/api_helpers.h"

namespace needlework::testing {
namespace {

using ::testing::HasSubstr;

std::string ReadExample(const std::string& name) {
  std::ifstream in(std::string(NEEDLEWORK_SOURCE_DIR) + "/examples/patients/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

v1::ScreenRequest FhirRequest(const std::vector<std::string>& resources) {
  v1::ScreenRequest request;
  for (const auto& r : resources) request.mutable_fhir()->add_resources(r);
  return request;
}

class ScreeningTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { host_ = HostProcess::Start().release(); }
  static void TearDownTestSuite() { delete host_; }
  void SetUp() override { ASSERT_NE(host_, nullptr); }

  Reply<v1::ScreenResponse> Screen(const v1::ScreenRequest& request) {
    return Api(*host_).Screen(host_->emr_token(), request);
  }

  static HostProcess* host_;
};

HostProcess* ScreeningTest::host_ = nullptr;

TEST_F(ScreeningTest, ActiveAcneDefersWithEvidenceAndSource) {
  auto reply = Screen(FactsWithConditions({"88616000"}));
  ASSERT_TRUE(reply.status.ok()) << reply.status.error_message();
  EXPECT_EQ(reply.response.outcome(), types::OUTCOME_DEFER);
  auto findings = FindingsFrom(reply.response, kScreeningPlugin);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule_id(), "active-acne");
  EXPECT_EQ(findings[0].indicator(), types::INDICATOR_CRITICAL);
  ASSERT_EQ(findings[0].evidence_size(), 1);
  EXPECT_EQ(findings[0].evidence(0).code().code(), "88616000");
  EXPECT_EQ(findings[0].evidence(0).source_ref(), "Condition/88616000");
  EXPECT_EQ(reply.response.patient_ref(), "Patient/test-1");
  ASSERT_EQ(reply.response.plugin_runs_size(), 1);
  EXPECT_EQ(reply.response.plugin_runs(0).state(), v1::PluginRun::STATE_OK);
}

TEST_F(ScreeningTest, MostRestrictiveOutcomeWinsAndEveryFindingIsKept) {
  // Eczema (consult) and severe... here: eczema + active skin infection (defer).
  auto reply = Screen(FactsWithConditions({"24079001", "48277006"}));
  ASSERT_TRUE(reply.status.ok()) << reply.status.error_message();
  EXPECT_EQ(reply.response.outcome(), types::OUTCOME_DEFER);
  std::vector<std::string> rules;
  for (const auto& f : reply.response.findings()) rules.push_back(f.rule_id());
  EXPECT_THAT(rules, ::testing::UnorderedElementsAre("eczema", "active-skin-infection"));
}

TEST_F(ScreeningTest, CleanPatientIsEligible) {
  auto request = FactsWithConditions({});
  auto* concern = request.add_concerns();
  concern->set_system(std::string(code_systems::kConcern));
  concern->set_code("acne-scars");
  auto reply = Screen(request);
  ASSERT_TRUE(reply.status.ok()) << reply.status.error_message();
  EXPECT_EQ(reply.response.outcome(), types::OUTCOME_ELIGIBLE);
}

TEST_F(ScreeningTest, WarfarinExampleNeedsClinicianReview) {
  auto reply = Screen(FhirRequest({ReadExample("warfarin.json")}));
  ASSERT_TRUE(reply.status.ok()) << reply.status.error_message();
  EXPECT_EQ(reply.response.outcome(), types::OUTCOME_REVIEW_REQUIRED);
  auto findings = FindingsFrom(reply.response, kScreeningPlugin);
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(findings[0].rule_id(), "blood-thinners");
}

TEST_F(ScreeningTest, ExamplePatientsGetTheirDocumentedOutcome) {
  auto eligible = Screen(FhirRequest({ReadExample("eligible.json")}));
  ASSERT_TRUE(eligible.status.ok()) << eligible.status.error_message();
  EXPECT_EQ(eligible.response.outcome(), types::OUTCOME_ELIGIBLE);
  auto acne = Screen(FhirRequest({ReadExample("active-acne.json")}));
  ASSERT_TRUE(acne.status.ok()) << acne.status.error_message();
  EXPECT_EQ(acne.response.outcome(), types::OUTCOME_DEFER);
  for (const auto& [example, rule] :
       {std::pair{"pregnant.json", "pregnancy"}, std::pair{"isotretinoin.json", "isotretinoin"}}) {
    auto reply = Screen(FhirRequest({ReadExample(example)}));
    ASSERT_TRUE(reply.status.ok()) << example << ": " << reply.status.error_message();
    EXPECT_EQ(reply.response.outcome(), types::OUTCOME_DEFER) << example;
    auto findings = FindingsFrom(reply.response, kScreeningPlugin);
    ASSERT_FALSE(findings.empty()) << example;
    EXPECT_EQ(findings[0].rule_id(), rule);
  }
}

// The acne is coded only in ICD-10-CM, which the rules read: it defers treatment.
TEST_F(ScreeningTest, FullChartExampleIsReadWhereItCanAndReviewedWhereItCannot) {
  auto reply = Screen(FhirRequest({ReadExample("full-chart.json")}));
  ASSERT_TRUE(reply.status.ok()) << reply.status.error_message();
  EXPECT_EQ(reply.response.outcome(), types::OUTCOME_DEFER);
  std::vector<std::string> summaries;
  for (const auto& finding : FindingsFrom(reply.response, kScreeningPlugin)) {
    summaries.push_back(finding.summary());
  }
  EXPECT_THAT(summaries,
              ::testing::UnorderedElementsAre(
                  "Active acne: defer microneedling until resolved",
                  "Medication not recognised: Xarelto 20 mg once daily; a clinician checks it"));
  std::vector<std::string> ignored;
  for (const auto& entry : reply.response.ignored_resources()) {
    ignored.push_back(entry.resource_type() + " " + std::to_string(entry.count()));
  }
  EXPECT_THAT(ignored,
              ::testing::ElementsAre("Coverage 1", "DiagnosticReport 1", "Encounter 1",
                                     "Immunization 1", "Organization 1", "Practitioner 1"));
}

TEST_F(ScreeningTest, EmptyRequestIsInvalidArgument) {
  auto reply = Screen(v1::ScreenRequest());
  EXPECT_EQ(reply.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(reply.status.error_message(), HasSubstr("the request has no patient"));
}

TEST_F(ScreeningTest, MalformedFhirNamesTheResource) {
  auto reply = Screen(FhirRequest({R"({"resourceType":"Patient","id":"p1"})", "{not json"}));
  EXPECT_EQ(reply.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(reply.status.error_message(), HasSubstr("resources[1]"));
}

TEST_F(ScreeningTest, ResourceTypesScreeningDoesNotReadAreCounted) {
  auto reply = Screen(FhirRequest({R"({"resourceType":"Patient","id":"p1"})",
                                   R"({"resourceType":"Encounter","id":"e1"})",
                                   R"({"resourceType":"Encounter","id":"e2"})"}));
  ASSERT_TRUE(reply.status.ok()) << reply.status.error_message();
  ASSERT_EQ(reply.response.ignored_resources_size(), 1);
  EXPECT_EQ(reply.response.ignored_resources(0).resource_type(), "Encounter");
  EXPECT_EQ(reply.response.ignored_resources(0).count(), 2);
}

TEST_F(ScreeningTest, AResourceTypeOutsideFhirR4IsNamed) {
  auto reply = Screen(FhirRequest({R"({"resourceType":"Encounterr","id":"e1"})"}));
  EXPECT_EQ(reply.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(reply.status.error_message(), HasSubstr("\"Encounterr\" is not a FHIR R4"));
}

TEST_F(ScreeningTest, TypedFactWithNeitherCodeNorTextIsInvalidArgument) {
  v1::ScreenRequest request;
  request.mutable_facts()->add_conditions()->set_source_ref("Condition/blank");
  auto reply = Screen(request);
  EXPECT_EQ(reply.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(reply.status.error_message(), HasSubstr("facts.conditions[0]"));
}

TEST_F(ScreeningTest, TypedFactWithTextOnlyNeedsReview) {
  v1::ScreenRequest request;
  auto* condition = request.mutable_facts()->add_conditions();
  condition->set_text("eczema, written as text only");
  condition->set_clinical_status(types::CONDITION_STATUS_ACTIVE);
  auto reply = Screen(request);
  ASSERT_TRUE(reply.status.ok()) << reply.status.error_message();
  EXPECT_EQ(reply.response.outcome(), types::OUTCOME_REVIEW_REQUIRED);
  ASSERT_GE(reply.response.findings_size(), 1);
  EXPECT_EQ(reply.response.findings(0).summary(),
            "Condition not recognised: eczema, written as text only; a clinician checks it");
}

TEST_F(ScreeningTest, MissingOrUnknownTokenIsUnauthenticated) {
  auto none = Api(*host_).Screen("", FactsWithConditions({}));
  EXPECT_EQ(none.status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  auto unknown = Api(*host_).Screen("nw_emr_0000", FactsWithConditions({}));
  EXPECT_EQ(unknown.status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(ScreeningTest, AdminTokenCannotScreen) {
  auto reply = Api(*host_).Screen(host_->admin_token(), FactsWithConditions({}));
  EXPECT_EQ(reply.status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(ScreeningTest, HealthCheckAndLogAreUp) {
  std::string log = host_->Log();
  EXPECT_THAT(log, HasSubstr("\"event\":\"listening\""));
  EXPECT_THAT(log, ::testing::Not(HasSubstr(host_->emr_token())));  // tokens never logged
}

}  // namespace
}  // namespace needlework::testing
