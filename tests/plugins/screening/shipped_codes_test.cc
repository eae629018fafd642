// The shipped default rules as data: the code table plugins/screening/codes/codes.tsv and
// default_config.json list the same codes, every condition rule ships SNOMED CT and
// ICD-10-CM, and every shipped code fires its rule.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "plugins/screening/embedded_config.h"
#include "plugins/screening/test_support.h"

namespace needlework::screening {
namespace {

using namespace needlework::screening::testing;  // NOLINT(build/namespaces)

constexpr std::string_view kIcd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
// The code sets of a rule that hold codes.
const std::vector<std::string> kKinds = {"conditions", "medications", "allergies", "observations",
                                         "procedures"};

// "rule kind" -> the "system|code" keys of that set.
using CodeTable = std::map<std::string, std::set<std::string>>;

CodeTable FromTsv() {
  std::ifstream in(NEEDLEWORK_SOURCE_DIR "/plugins/screening/codes/codes.tsv");
  EXPECT_TRUE(in.good());
  CodeTable table;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> column;
    std::stringstream fields(line);
    for (std::string field; std::getline(fields, field, '\t');) column.push_back(field);
    EXPECT_EQ(column.size(), 7u) << line;
    if (column.size() == 7) table[column[0] + " " + column[1]].insert(column[2] + "|" + column[3]);
  }
  return table;
}

Json DefaultRules() { return Json::parse(kDefaultConfigJson)["rules"]; }

CodeTable FromConfig() {
  CodeTable table;
  const Json rules = DefaultRules();
  for (const auto& [id, rule] : rules.items()) {
    for (const std::string& kind : kKinds) {
      if (!rule.contains(kind)) continue;
      for (const auto& [key, display] : rule[kind].items()) table[id + " " + kind].insert(key);
    }
  }
  return table;
}

TEST(ShippedCodesTest, TheCodeTableAndTheDefaultConfigListTheSameCodes) {
  EXPECT_EQ(FromTsv(), FromConfig());
}

TEST(ShippedCodesTest, EveryConditionRuleShipsSnomedAndIcd10Cm) {
  const Json rules = DefaultRules();
  for (const auto& [id, rule] : rules.items()) {
    if (!rule.contains("conditions") || rule["conditions"].empty()) continue;
    std::set<std::string> systems;
    for (const auto& [key, display] : rule["conditions"].items()) {
      systems.insert(key.substr(0, key.find('|')));
    }
    EXPECT_EQ(systems.count(std::string(kIcd10Cm)), 1u) << id;
    EXPECT_EQ(systems.count(std::string(kSnomed)), 1u) << id;
  }
}

// A patient with one active fact of `kind` coded `coding`: a condition, a medication whose
// ingredient it is (as the host fills them), an allergy, or an observation of value 100.
ScreenRequest PatientWith(const std::string& kind, const Coding& coding) {
  ScreenRequest request;
  if (kind == "conditions") {
    AddCondition(request, coding, types::v1::CONDITION_STATUS_ACTIVE, "Fact/1");
  } else if (kind == "medications") {
    *AddMedication(request, RxNorm("99999", "Some product"), types::v1::MEDICATION_STATUS_ACTIVE,
                   "Fact/1")
         ->add_ingredients() = coding;
  } else if (kind == "allergies") {
    AddAllergy(request, coding, types::v1::ALLERGY_STATUS_ACTIVE, "Fact/1");
  } else if (kind == "observations") {
    AddObservation(request, coding, 100, "", "Fact/1");
  }
  return request;
}

// Each code of each rule's conditions, medications, allergies and observations, in a
// patient of its own with no treatment areas named, fires that rule with that code as the
// evidence. (Procedures, which are dated, are tested with their windows.)
TEST(ShippedCodesTest, EveryShippedCodeFiresItsRule) {
  const RuleSet rules = CompileOrDie();
  const Json config = DefaultRules();
  int checked = 0;
  for (const auto& [id, rule] : config.items()) {
    for (const char* kind : {"conditions", "medications", "allergies", "observations"}) {
      if (!rule.contains(kind)) continue;
      for (const auto& [key, display] : rule[kind].items()) {
        const size_t bar = key.find('|');
        const Coding coding = MakeCoding(key.substr(0, bar), key.substr(bar + 1));
        const std::optional<Finding> finding =
            FindingFor(ScreenOrDie(rules, PatientWith(kind, coding)), id);
        ++checked;
        ASSERT_TRUE(finding.has_value()) << id << " " << key;
        ASSERT_EQ(finding->evidence_size(), 1) << id << " " << key;
        EXPECT_EQ(addon::CodeKey(finding->evidence(0).code()), key);
        EXPECT_EQ(finding->evidence(0).code().display(), display.get<std::string>());
      }
    }
  }
  EXPECT_GT(checked, 80);
}

}  // namespace
}  // namespace needlework::screening
