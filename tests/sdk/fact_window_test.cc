// The kit's look-back windows (needlework/kit/fhir_date.h, fact_match.h): how FHIR dates are
// read, both sides of a window for each kind of fact, what cannot be dated, and procedures and
// devices.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "needlework/kit/addon_kit.h"

namespace needlework::addon {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using types::v1::PatientFacts;

constexpr char kAsOf[] = "2026-12-07";

FactCriteria Criteria(const std::string& json) {
  ConfigErrors errors("test");
  FactCriteria criteria = ReadFactCriteria(Json::parse(json), "rule", errors);
  EXPECT_TRUE(errors.empty()) << errors.ToStatus().message();
  return criteria;
}

std::string Refusal(const std::string& json) {
  ConfigErrors errors("test");
  ReadFactCriteria(Json::parse(json), "rule", errors);
  return std::string(errors.ToStatus().message());
}

std::vector<std::string> Descriptions(const std::vector<FactMatch>& matches) {
  std::vector<std::string> out;
  for (const auto& match : matches) out.push_back(match.evidence.description());
  return out;
}

types::v1::Coding* AddCode(google::protobuf::RepeatedPtrField<types::v1::Coding>* codes,
                           const char* system, const char* code) {
  types::v1::Coding* coding = codes->Add();
  coding->set_system(system);
  coding->set_code(code);
  return coding;
}

constexpr char kRxNorm[] = "http://www.nlm.nih.gov/research/umls/rxnorm";
constexpr char kSnomed[] = "http://snomed.info/sct";
constexpr char kIsotretinoinRule[] =
    R"({"medications": {"http://www.nlm.nih.gov/research/umls/rxnorm|6064": "isotretinoin"},
        "within_days": 182})";

void AddIsotretinoin(PatientFacts& facts, types::v1::MedicationStatus status,
                     const std::string& end) {
  types::v1::Medication* medication = facts.add_medications();
  AddCode(medication->mutable_ingredients(), kRxNorm, "6064");
  medication->set_status(status);
  medication->mutable_effective()->set_start("2026-01-10");
  medication->mutable_effective()->set_end(end);
  medication->set_source_ref("MedicationRequest/" + std::to_string(facts.medications_size()));
}

TEST(FhirDateTest, ReadsTheDateAsWrittenAndPartialDatesAtTheirLatestDay) {
  EXPECT_EQ(LatestDayOf("1970-01-01"), 0);
  EXPECT_EQ(LatestDayOf("1970-01-02T23:59:59-11:00"), 1);
  EXPECT_EQ(LatestDayOf("2024-02"), DaysFromCivil(2024, 2, 29));
  EXPECT_EQ(LatestDayOf("2023-02"), DaysFromCivil(2023, 2, 28));
  EXPECT_EQ(LatestDayOf("2026"), DaysFromCivil(2026, 12, 31));
  EXPECT_EQ(*LatestDayOf("2026-12-07") - *LatestDayOf("2026-06-08"), 182);
  for (const char* malformed : {"", "26-12-07", "2026-13-01", "2026-02-30", "2026-1-1",
                                "2026-12-07x", "2026/12/07", "abcd"}) {
    EXPECT_EQ(LatestDayOf(malformed), std::nullopt) << malformed;
  }
}

TEST(FhirDateTest, RecencyCountsWhatCannotBeDated) {
  EXPECT_TRUE(RecencyOf("", kAsOf, 10).within);
  EXPECT_EQ(RecencyOf("", kAsOf, 10).note, "date unknown");
  EXPECT_TRUE(RecencyOf("2020-01-01", "", 10).within);
  EXPECT_EQ(RecencyOf("2026-12-06", kAsOf, 10).note, "2026-12-06 (1 day before 2026-12-07)");
  EXPECT_EQ(RecencyOf("2027-01-02T09:00:00Z", kAsOf, 0).note, "2027-01-02 (after 2026-12-07)");
  EXPECT_TRUE(RecencyOf("2027-01-02", kAsOf, 0).within);
  EXPECT_TRUE(RecencyOf("2026-11-27", kAsOf, 10).within);
  EXPECT_FALSE(RecencyOf("2026-11-26", kAsOf, 10).within);
}

TEST(FactWindowTest, AStoppedMedicineCountsForItsWindowAfterItsEnd) {
  PatientFacts facts;
  AddIsotretinoin(facts, types::v1::MEDICATION_STATUS_STOPPED, "2026-06-08");    // day 182
  AddIsotretinoin(facts, types::v1::MEDICATION_STATUS_COMPLETED, "2026-06-07");  // day 183
  AddIsotretinoin(facts, types::v1::MEDICATION_STATUS_ACTIVE, "");
  AddIsotretinoin(facts, types::v1::MEDICATION_STATUS_CANCELLED, "2026-12-01");
  EXPECT_THAT(Descriptions(MatchFacts(Criteria(kIsotretinoinRule), facts, kAsOf)),
              ElementsAre("stopped medication, ended 2026-06-08 (182 days before 2026-12-07), "
                          "ingredient isotretinoin",
                          "active medication, ingredient isotretinoin"));
}

TEST(FactWindowTest, AStoppedMedicineWithNoEndCountsAndSaysSo) {
  PatientFacts facts;
  AddIsotretinoin(facts, types::v1::MEDICATION_STATUS_STOPPED, "");
  EXPECT_THAT(Descriptions(MatchFacts(Criteria(kIsotretinoinRule), facts, kAsOf)),
              ElementsAre("stopped medication, end date unknown, ingredient isotretinoin"));
}

TEST(FactWindowTest, WithoutAWindowStoppedMedicinesDoNotCount) {
  PatientFacts facts;
  AddIsotretinoin(facts, types::v1::MEDICATION_STATUS_STOPPED, "2026-12-06");
  const std::string rule =
      R"({"medications": {"http://www.nlm.nih.gov/research/umls/rxnorm|6064": "isotretinoin"}})";
  EXPECT_THAT(MatchFacts(Criteria(rule), facts, kAsOf), IsEmpty());
}

TEST(FactWindowTest, AResolvedConditionCountsForItsWindowAfterAbatement) {
  PatientFacts facts;
  for (const char* abatement : {"2026-11-09", "2026-11-08", ""}) {
    types::v1::Condition* sunburn = facts.add_conditions();
    AddCode(sunburn->mutable_codes(), kSnomed, "403190006");
    sunburn->set_clinical_status(types::v1::CONDITION_STATUS_RESOLVED);
    sunburn->set_onset("2026-11-01");
    sunburn->set_abatement(abatement);
  }
  const std::string rule =
      R"({"conditions": {"http://snomed.info/sct|403190006": "Sunburn"}, "within_days": 28})";
  EXPECT_THAT(Descriptions(MatchFacts(Criteria(rule), facts, kAsOf)),
              ElementsAre("resolved condition, abated 2026-11-09 (28 days before 2026-12-07)",
                          "resolved condition, abatement date unknown"));
}

TEST(FactWindowTest, AConditionWithNoClinicalStatusCountsAsActive) {
  PatientFacts facts;
  types::v1::Condition* acne = facts.add_conditions();
  AddCode(acne->mutable_codes(), "http://hl7.org/fhir/sid/icd-10-cm", "L70.0");
  const std::string rule = R"({"conditions": {"http://hl7.org/fhir/sid/icd-10-cm|L70.0": "Acne"}})";
  EXPECT_THAT(Descriptions(MatchFacts(Criteria(rule), facts, kAsOf)),
              ElementsAre("condition with no clinical status, counted as active"));
}

TEST(FactWindowTest, AProcedureCountsWithinItsWindowOrWhenItCannotBeDated) {
  PatientFacts facts;
  auto add = [&](types::v1::ProcedureStatus status, const char* start, const char* end) {
    types::v1::Procedure* filler = facts.add_procedures();
    AddCode(filler->mutable_codes(), kSnomed, "1234");
    filler->set_status(status);
    filler->mutable_performed()->set_start(start);
    filler->mutable_performed()->set_end(end);
  };
  add(types::v1::PROCEDURE_STATUS_COMPLETED, "2026-11-23", "2026-11-23");  // day 14
  add(types::v1::PROCEDURE_STATUS_COMPLETED, "2026-11-22", "2026-11-22");  // day 15
  add(types::v1::PROCEDURE_STATUS_NOT_DONE, "2026-12-01", "2026-12-01");
  add(types::v1::PROCEDURE_STATUS_IN_PROGRESS, "2026-10-01", "");
  add(types::v1::PROCEDURE_STATUS_UNSPECIFIED, "", "");
  const std::string windowed =
      R"({"procedures": {"http://snomed.info/sct|1234": "Filler"}, "within_days": 14})";
  EXPECT_THAT(Descriptions(MatchFacts(Criteria(windowed), facts, kAsOf)),
              ElementsAre("procedure performed 2026-11-23 (14 days before 2026-12-07)",
                          "procedure from 2026-10-01, no end recorded", "procedure, date unknown"));
  const std::string ever = R"({"procedures": {"http://snomed.info/sct|1234": "Filler"}})";
  EXPECT_EQ(MatchFacts(Criteria(ever), facts, kAsOf).size(), 4u);
}

TEST(FactWindowTest, OnlyARecentLatestObservationDecides) {
  PatientFacts facts;
  auto add = [&](const char* effective, double value) {
    types::v1::Observation* hba1c = facts.add_observations();
    AddCode(hba1c->mutable_codes(), "http://loinc.org", "4548-4");
    hba1c->set_value(value);
    hba1c->set_unit("%");
    hba1c->set_effective(effective);
  };
  add("2026-01-01", 6.0);
  add("2026-06-10", 9.5);  // the latest, 180 days before as_of
  const std::string rule = R"({"observations": {"http://loinc.org|4548-4": "HbA1c"},
                               "above": 8, "within_days": 180})";
  EXPECT_THAT(Descriptions(MatchFacts(Criteria(rule), facts, kAsOf)),
              ElementsAre("latest observation, 2026-06-10 (180 days before 2026-12-07), value "
                          "9.5 % (above 8)"));
  EXPECT_THAT(MatchFacts(Criteria(rule), facts, "2026-12-08"), IsEmpty());
}

TEST(FactWindowTest, DevicesCountWhileInPlace) {
  PatientFacts facts;
  for (auto status : {types::v1::DEVICE_STATUS_ACTIVE, types::v1::DEVICE_STATUS_INACTIVE,
                      types::v1::DEVICE_STATUS_UNSPECIFIED}) {
    types::v1::Device* device = facts.add_devices();
    AddCode(device->mutable_codes(), kSnomed, "1111");
    device->set_status(status);
  }
  const std::string rule = R"({"devices": {"http://snomed.info/sct|1111": "Neurostimulator"}})";
  EXPECT_THAT(Descriptions(MatchFacts(Criteria(rule), facts, kAsOf)),
              ElementsAre("active device", "device with no status, counted as in place"));
}

TEST(FactWindowTest, AWindowNeedsDatedFactsAndAWholeNumberOfDays) {
  EXPECT_THAT(Refusal(R"({"allergies": {"http://snomed.info/sct|1": "x"}, "within_days": 3})"),
              ::testing::HasSubstr("rule.within_days: applies to conditions, medications"));
  EXPECT_THAT(Refusal(R"({"conditions": {"http://snomed.info/sct|1": "x"}, "within_days": -1})"),
              ::testing::HasSubstr("rule.within_days: must be from 0 to 36500"));
  EXPECT_THAT(Refusal(R"({"conditions": {"http://snomed.info/sct|1": "x"}, "within_days": 1.5})"),
              ::testing::HasSubstr("rule.within_days: must be a whole number"));
}

}  // namespace
}  // namespace needlework::addon
