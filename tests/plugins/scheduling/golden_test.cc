// Today's default config and clinics' patches answer as they always have: the catalog, a
// plan for every concern on every area group at every severity, and the booking checks of a
// six-session series, under each config, compared with
// tests/fixtures/plugins/golden/scheduling.txt.
#include <gtest/gtest.h>

#include <string>

#include "plugins/golden_support.h"
#include "plugins/scheduling/catalog.h"
#include "plugins/scheduling/test_support.h"

namespace needlework::scheduling {
namespace {

using namespace needlework::scheduling::testing;  // NOLINT(build/namespaces)
using needlework::testing::GoldenText;

// The patches the README and the tests use, and the first is no patch at all.
constexpr const char* kPatches[] = {
    R"({})",
    R"({"concerns": {"stretch-marks": {"sessions": {"severe": 10}}}})",
    R"({"area_groups": {"face": {"areas": {"scalp": "scalp"}}}})",
    R"({"requirements": {"devices": {"microneedling-pen": null, "rf-unit": "RF unit"}}})",
    R"({"adjustments": {"darker-skin-type": {"enabled": true}}})",
    R"({"booking": {"forbidding_outcomes": {"consult_required": true}}})",
    R"({"days_between": {"min": 21, "max": 35}, "numbing_minutes": 20})",
};

constexpr types::v1::Severity kSeverities[] = {
    types::v1::SEVERITY_UNSPECIFIED, types::v1::SEVERITY_MILD, types::v1::SEVERITY_MODERATE,
    types::v1::SEVERITY_SEVERE};

std::string PlansUnder(const SchedulingRules& rules, const Json& config) {
  std::string answers;
  for (const auto& [concern, rule] : config["concerns"].items()) {
    for (const auto& [group, spec] : config["area_groups"].items()) {
      const std::string area = spec["areas"].begin().key();
      for (types::v1::Severity severity : kSeverities) {
        answers += "# plan " + concern + " on " + area + "\n";
        answers += GoldenText(
            PlanOrDie(rules, MakePlanRequest({concern}, {area}, severity), ParseDay("2026-03-02")));
      }
    }
  }
  return answers;
}

std::string BookingsUnder(const SchedulingRules& rules) {
  std::string answers;
  for (int index = 0; index < 6; ++index) {
    CheckBookingRequest request = MakeBooking(index, At("2026-03-02") + index * 30 * 86400);
    if (index > 0) AddSession(request, "a0", 0, At("2026-03-02"));
    answers += GoldenText(CheckOrDie(rules.booking, request));
  }
  CheckBookingRequest consult = MakeBooking(0, At("2026-03-02"));
  consult.set_screening_outcome(types::v1::OUTCOME_CONSULT_REQUIRED);
  return answers + GoldenText(CheckOrDie(rules.booking, consult));
}

TEST(GoldenTest, DefaultAndPatchedConfigsScheduleAsBefore) {
  std::string answers;
  for (const char* patch : kPatches) {
    const Json config = Json::parse(PatchedConfig(Json::parse(patch)));
    const SchedulingRules rules = CompileOrDie(Json::parse(patch));
    plugin::v1::CatalogResponse catalog;
    DescribeCatalog(rules, &catalog);
    answers += "# patch " + Json::parse(patch).dump() + "\n" + GoldenText(catalog);
    answers += PlansUnder(rules, config) + BookingsUnder(rules);
  }
  needlework::testing::ExpectGolden("scheduling.txt", answers);
}

}  // namespace
}  // namespace needlework::scheduling
