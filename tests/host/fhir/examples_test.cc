// The example patients in examples/patients/ normalise, and say what their README says.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "host/fhir/normalize.h"
#include "host/fhir/rxnorm_map.h"

namespace needlework::fhir {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;
using ::testing::SizeIs;
using types::v1::PatientFacts;

// The facts of examples/patients/<name>, ingredients filled from the built-in map; the
// skipped types counted into `*ignored` when not null.
PatientFacts LoadExample(const std::string& name, IgnoredCounts* ignored = nullptr) {
  std::ifstream file(std::string(NEEDLEWORK_SOURCE_DIR "/examples/patients/") + name);
  EXPECT_TRUE(file) << name;
  std::ostringstream text;
  text << file.rdbuf();
  StatusOr<PatientFacts> facts = NormalizeFhir({text.str()}, {}, ignored);
  EXPECT_TRUE(facts.ok()) << name << ": " << facts.status().ToString();
  StatusOr<RxNormIngredientMap> map = RxNormIngredientMap::BuiltIn();
  EXPECT_TRUE(map.ok());
  if (!facts.ok() || !map.ok()) return PatientFacts();
  map->FillIngredients(&*facts);
  return *facts;
}

TEST(ExamplePatientsTest, EligibleHasOnlyResolvedConditionsAndAnUnrelatedMedicine) {
  PatientFacts facts = LoadExample("eligible.json");
  EXPECT_EQ(facts.patient_ref(), "Patient/5f0d2c1e-8a3b-4c6d-9e7f-0a1b2c3d4e01");
  EXPECT_EQ(facts.sex(), "female");
  ASSERT_THAT(facts.conditions(), SizeIs(2));
  for (const types::v1::Condition& condition : facts.conditions()) {
    EXPECT_EQ(condition.clinical_status(), types::v1::CONDITION_STATUS_RESOLVED);
  }
  ASSERT_THAT(facts.medications(), SizeIs(1));
  ASSERT_THAT(facts.medications(0).ingredients(), SizeIs(1));
  EXPECT_EQ(facts.medications(0).ingredients(0).code(), "6373");  // levonorgestrel
}

TEST(ExamplePatientsTest, ActiveAcneHasAnActiveAcneVulgaris) {
  PatientFacts facts = LoadExample("active-acne.json");
  ASSERT_THAT(facts.conditions(), SizeIs(1));
  EXPECT_EQ(facts.conditions(0).codes(0).code(), "88616000");
  EXPECT_EQ(facts.conditions(0).clinical_status(), types::v1::CONDITION_STATUS_ACTIVE);
}

TEST(ExamplePatientsTest, WarfarinHasAnActiveWarfarinIngredient) {
  PatientFacts facts = LoadExample("warfarin.json");
  ASSERT_THAT(facts.medications(), SizeIs(1));
  EXPECT_EQ(facts.medications(0).status(), types::v1::MEDICATION_STATUS_ACTIVE);
  EXPECT_EQ(facts.medications(0).codes(0).code(), "855332");
  ASSERT_THAT(facts.medications(0).ingredients(), SizeIs(1));
  EXPECT_EQ(facts.medications(0).ingredients(0).code(), "11289");
  EXPECT_EQ(facts.medications(0).ingredients(0).display(), "warfarin");
}

TEST(ExamplePatientsTest, PregnantHasAnActivePregnancyInSnomedAndIcd10Cm) {
  PatientFacts facts = LoadExample("pregnant.json");
  ASSERT_THAT(facts.conditions(), SizeIs(1));
  EXPECT_EQ(facts.conditions(0).clinical_status(), types::v1::CONDITION_STATUS_ACTIVE);
  ASSERT_THAT(facts.conditions(0).codes(), SizeIs(2));
  EXPECT_EQ(facts.conditions(0).codes(0).code(), "77386006");
  EXPECT_EQ(facts.conditions(0).codes(1).code(), "Z33.1");
}

TEST(ExamplePatientsTest, IsotretinoinHasAnActiveIsotretinoinIngredient) {
  PatientFacts facts = LoadExample("isotretinoin.json");
  ASSERT_THAT(facts.medications(), SizeIs(1));
  EXPECT_EQ(facts.medications(0).status(), types::v1::MEDICATION_STATUS_ACTIVE);
  ASSERT_THAT(facts.medications(0).ingredients(), SizeIs(1));
  EXPECT_EQ(facts.medications(0).ingredients(0).code(), "6064");
}

TEST(ExamplePatientsTest, FullChartReadsEightTypesAndCountsTheRest) {
  IgnoredCounts ignored;
  PatientFacts facts = LoadExample("full-chart.json", &ignored);
  EXPECT_EQ(facts.patient_ref(), "Patient/5f0d2c1e-8a3b-4c6d-9e7f-0a1b2c3d4e04");
  EXPECT_THAT(ignored, ElementsAre(Pair("Coverage", 1), Pair("DiagnosticReport", 1),
                                   Pair("Encounter", 1), Pair("Immunization", 1),
                                   Pair("Organization", 1), Pair("Practitioner", 1)));
  ASSERT_THAT(facts.conditions(), SizeIs(2));
  EXPECT_EQ(facts.conditions(0).abatement(), "2024-03-01");
  EXPECT_EQ(facts.conditions(1).codes(0).system(), "http://hl7.org/fhir/sid/icd-10-cm");
  ASSERT_THAT(facts.medications(), SizeIs(2));
  EXPECT_THAT(facts.medications(0).codes(), SizeIs(0));
  EXPECT_EQ(facts.medications(0).text(), "Xarelto 20 mg once daily");
  EXPECT_THAT(facts.medications(0).ingredients(), SizeIs(0));
  EXPECT_EQ(facts.medications(1).ingredients(0).code(), "6373");  // levonorgestrel
  EXPECT_THAT(facts.allergies(), SizeIs(1));
  EXPECT_THAT(facts.observations(), SizeIs(1));
  ASSERT_THAT(facts.procedures(), SizeIs(1));
  EXPECT_EQ(facts.procedures(0).performed().start(), "2026-10-20");
  ASSERT_THAT(facts.devices(), SizeIs(1));
  EXPECT_EQ(facts.devices(0).codes(0).code(), "268460000");
}

}  // namespace
}  // namespace needlework::fhir
