// ParseArgs for combination therapies: the therapies command, --add-on on screen, plan
// propose, plan create and complete, and the usage errors they add.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "command.h"
#include "commands/help.h"
#include "commands/planning.h"
#include "commands/scheduling.h"
#include "commands/screening.h"
#include "needlework/code_systems.h"
#include "parse_helpers.h"

namespace needlework::ctl {
namespace {

using ::testing::HasSubstr;

// "SYSTEM|CODE" of each add-on, for ElementsAre.
template <typename Args>
std::vector<std::string> AddOns(const Args& command) {
  std::vector<std::string> add_ons;
  for (const types::v1::Coding& add_on : command.add_ons) {
    add_ons.push_back(add_on.system() + "|" + add_on.code());
  }
  return add_ons;
}

const std::string kProcedure(code_systems::kProcedure);

TEST(ParseAddOnsTest, Therapies) {
  auto command = Parse<PatientArgs>({"therapies", "--json"});
  EXPECT_EQ(command.name, "therapies");
  EXPECT_TRUE(command.options.json);
  EXPECT_EQ(Parse<HelpArgs>({"help", "therapies"}).help_topic, "therapies");
}

TEST(ParseAddOnsTest, ScreenTakesBareCodesAndSystemBarCode) {
  auto command =
      Parse<PatientArgs>({"screen", "--fhir", "p.json", "--add-on", "prp-serum", "--concern",
                          "acne-scars", "--add-on", "http://example.org/therapy|led-mask"});
  EXPECT_EQ(command.name, "screen");
  EXPECT_THAT(AddOns(command), ::testing::ElementsAre(kProcedure + "|prp-serum",
                                                      "http://example.org/therapy|led-mask"));
  EXPECT_EQ(command.add_ons[0].display(), "");  // matching is on system and code only
  EXPECT_EQ(command.concerns.size(), 1u);
  EXPECT_TRUE(Parse<PatientArgs>({"screen", "--fhir", "p.json"}).add_ons.empty());
}

TEST(ParseAddOnsTest, PlanProposeAndCreateByProposing) {
  auto propose = Parse<PlanArgs>(
      {"plan", "propose", "--fhir", "p.json", "--add-on=rf-microneedling", "--add-on", "ha-serum"});
  EXPECT_THAT(AddOns(propose),
              ::testing::ElementsAre(kProcedure + "|rf-microneedling", kProcedure + "|ha-serum"));
  auto create = Parse<PlanArgs>({"plan", "create", "--patient", "Patient/1", "--screening", "scr_1",
                                 "--screening-outcome", "eligible", "--fhir", "p.json", "--add-on",
                                 "growth-factor-serum"});
  EXPECT_EQ(create.name, "plan create");
  EXPECT_THAT(AddOns(create), ::testing::ElementsAre(kProcedure + "|growth-factor-serum"));
}

TEST(ParseAddOnsTest, CompleteTakesTheAddOnsGivenAndTheirLots) {
  auto command = Parse<SchedulingArgs>({"complete", "ap-1", "--add-on", "ha-serum", "--product",
                                        "ha-serum:LOT-7", "--add-on", "rf-microneedling"});
  EXPECT_EQ(command.name, "complete");
  EXPECT_THAT(AddOns(command),
              ::testing::ElementsAre(kProcedure + "|ha-serum", kProcedure + "|rf-microneedling"));
  ASSERT_EQ(command.products.size(), 1u);
  EXPECT_EQ(command.products[0].product(), "ha-serum");
  EXPECT_EQ(command.products[0].lot_number(), "LOT-7");
  EXPECT_TRUE(Parse<SchedulingArgs>({"complete", "ap-1"}).add_ons.empty());  // every add-on booked
}

TEST(ParseAddOnsUsageTest, TherapiesTakesNoArgumentsOrFlagsOfItsOwn) {
  EXPECT_EQ(Problem({"therapies", "microneedling"}),
            "therapies: unexpected argument 'microneedling'");
  EXPECT_EQ(Problem({"therapies", "--add-on", "prp-serum"}), "therapies: does not take --add-on");
}

TEST(ParseAddOnsUsageTest, MalformedAddOns) {
  for (const char* add_on : {"prp serum", "sys|", "|prp-serum", "a|b|c"}) {
    EXPECT_EQ(Problem({"screen", "--fhir", "p", "--add-on", add_on}),
              "screen: --add-on: '" + std::string(add_on) +
                  "' is not a code: want CODE or SYSTEM|CODE, without spaces")
        << add_on;
  }
  EXPECT_EQ(Problem({"screen", "--fhir", "p", "--add-on="}), "screen: --add-on is empty");
  EXPECT_EQ(Problem({"plan", "propose", "--fhir", "p", "--add-on"}),
            "plan propose: --add-on needs a value");
}

TEST(ParseAddOnsUsageTest, SameAddOnTwice) {
  EXPECT_EQ(Problem({"screen", "--fhir", "p", "--add-on", "prp-serum", "--add-on",
                     kProcedure + "|prp-serum"}),
            "screen: --add-on prp-serum given twice");
  EXPECT_EQ(Problem({"complete", "a", "--add-on", "x|y", "--add-on", "x|y"}),
            "complete: --add-on x|y given twice");
  // The same code in another system is another therapy.
  EXPECT_EQ(Parse<PatientArgs>({"screen", "--fhir", "p", "--add-on", "led", "--add-on", "x|led"})
                .add_ons.size(),
            2u);
}

TEST(ParseAddOnsUsageTest, ProposalFileCarriesItsOwnAddOns) {
  EXPECT_EQ(
      Problem({"plan", "create", "--patient", "P", "--screening", "scr_1", "--screening-outcome",
               "eligible", "--from-proposal", "f.json", "--add-on", "prp-serum"}),
      "plan create: --add-on goes with --fhir (a new proposal), not with --from-proposal: "
      "the proposal's plan carries its add-ons");
}

TEST(ParseAddOnsUsageTest, OnlyTheCommandsThatCombineTherapies) {
  EXPECT_EQ(Problem({"slots", "p", "1", "--from", "2026-03-01", "--to", "2026-03-02", "--add-on",
                     "prp-serum"}),
            "slots: does not take --add-on");
  EXPECT_EQ(Problem({"book", "p", "1", "--start", "2026-03-02T09:00Z", "--practitioner", "d",
                     "--room", "r", "--add-on", "prp-serum"}),
            "book: does not take --add-on");
}

TEST(ParseAddOnsUsageTest, UsageLinesNameTheFlag) {
  EXPECT_THAT(Error({"screen"}), HasSubstr("[--area CODE ...] [--add-on CODE ...]\n"));
  EXPECT_THAT(Error({"plan", "propose"}), HasSubstr("[--add-on CODE ...]\n"));
  EXPECT_THAT(Error({"complete"}), HasSubstr("[--add-on CODE ...]"));
  EXPECT_EQ(Error({"therapies", "x"}),
            "therapies: unexpected argument 'x'\n"
            "usage: needleworkctl [global flags] therapies\n"
            "Run 'needleworkctl help therapies' for more.");
}

}  // namespace
}  // namespace needlework::ctl
