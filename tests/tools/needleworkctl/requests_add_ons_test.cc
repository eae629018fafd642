// Add-on therapies in the requests built from parsed command lines: screen, plan propose,
// plan create (by proposing, or from a proposal file) and complete.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "commands/planning.h"
#include "commands/scheduling.h"
#include "commands/screening.h"
#include "inputs.h"
#include "needlework/code_systems.h"
#include "parse_helpers.h"
#include "session.h"
#include "temp_files.h"

namespace needlework::ctl {
namespace {

using ::testing::ElementsAre;

constexpr char kPatient[] = R"({"resourceType": "Patient", "id": "p1"})";

// "SYSTEM|CODE" of each coding, for ElementsAre.
std::vector<std::string> Codes(const google::protobuf::RepeatedPtrField<types::v1::Coding>& codes) {
  std::vector<std::string> text;
  for (const types::v1::Coding& coding : codes)
    text.push_back(coding.system() + "|" + coding.code());
  return text;
}

const std::string kProcedure(code_systems::kProcedure);

using BuildAddOnRequestTest = TempFilesTest;

TEST_F(BuildAddOnRequestTest, ScreenAsksAboutEachAddOn) {
  std::string patient = Write("p.json", kPatient);
  StatusOr<v1::ScreenRequest> request = BuildScreenRequest(
      Parse<PatientArgs>({"screen", "--fhir", patient, "--concern", "acne-scars", "--add-on",
                          "prp-serum", "--add-on", "http://example.org/t|led"}));
  ASSERT_TRUE(request.ok()) << request.status().ToString();
  EXPECT_THAT(Codes(request->add_ons()),
              ElementsAre(kProcedure + "|prp-serum", "http://example.org/t|led"));
  EXPECT_THAT(Codes(request->concerns()),
              ElementsAre(std::string(code_systems::kConcern) + "|acne-scars"));
  EXPECT_THAT(request->fhir().resources(), ElementsAre(kPatient));
}

TEST_F(BuildAddOnRequestTest, ScreenWithoutAddOnsAsksAboutNone) {
  StatusOr<v1::ScreenRequest> request =
      BuildScreenRequest(Parse<PatientArgs>({"screen", "--fhir", Write("p.json", kPatient)}));
  ASSERT_TRUE(request.ok()) << request.status().ToString();
  EXPECT_TRUE(request->add_ons().empty());
}

TEST_F(BuildAddOnRequestTest, ProposePlanCombinesEverySessionWithTheAddOns) {
  std::string patient = Write("p.json", kPatient);
  for (std::vector<std::string> args :
       {std::vector<std::string>{"plan", "propose"},
        std::vector<std::string>{"plan", "create", "--patient", "P/1", "--screening", "scr_1",
                                 "--screening-outcome", "eligible"}}) {
    args.insert(args.end(), {"--fhir", patient, "--severity", "mild", "--add-on",
                             "rf-microneedling", "--add-on", "ha-serum"});
    StatusOr<v1::ProposePlanRequest> request = BuildProposePlanRequest(Parse<PlanArgs>(args));
    ASSERT_TRUE(request.ok()) << request.status().ToString();
    EXPECT_THAT(Codes(request->add_ons()),
                ElementsAre(kProcedure + "|rf-microneedling", kProcedure + "|ha-serum"))
        << args[1];
    EXPECT_EQ(request->severity(), types::v1::SEVERITY_MILD);
  }
}

TEST_F(BuildAddOnRequestTest, ProposalFileKeepsItsAddOns) {
  v1::ProposePlanResponse proposal;
  proposal.mutable_plan()->set_session_count(4);
  types::v1::Coding* rf = proposal.mutable_plan()->add_add_ons();
  rf->set_system(kProcedure);
  rf->set_code("rf-microneedling");
  proposal.mutable_session()->set_minutes(75);  // what plan propose --json now holds
  *proposal.mutable_session()->add_add_ons() = *rf;
  StatusOr<types::v1::SeriesPlan> series = ReadSeriesPlan(Write("proposal.json", ToJson(proposal)));
  ASSERT_TRUE(series.ok()) << series.status().ToString();
  v1::CreatePlanRequest request = BuildCreatePlanRequest(
      Parse<PlanArgs>({"plan", "create", "--patient", "P/1", "--from-proposal", "f", "--screening",
                       "scr_1", "--screening-outcome", "eligible"}),
      *series);
  EXPECT_THAT(Codes(request.plan().add_ons()), ElementsAre(kProcedure + "|rf-microneedling"));
}

TEST(BuildAddOnCompletionTest, TheAddOnsGivenAndTheirLots) {
  v1::CompleteSessionRequest request = BuildCompleteSessionRequest(Parse<SchedulingArgs>(
      {"complete", "ap-1", "--add-on", "ha-serum", "--product", "ha-serum:LOT-7"}));
  const v1::SessionCompletion& completion = request.completion();
  EXPECT_THAT(Codes(completion.add_ons()), ElementsAre(kProcedure + "|ha-serum"));
  ASSERT_EQ(completion.products_size(), 1);
  EXPECT_EQ(completion.products(0).product(), "ha-serum");
  EXPECT_EQ(completion.products(0).lot_number(), "LOT-7");
}

TEST(BuildAddOnCompletionTest, NoneGivenMeansEveryAddOnBooked) {
  v1::CompleteSessionRequest request =
      BuildCompleteSessionRequest(Parse<SchedulingArgs>({"complete", "ap-1", "--depth", "1"}));
  EXPECT_TRUE(request.completion().add_ons().empty());
}

}  // namespace
}  // namespace needlework::ctl
