// The look-back windows of the default rules, both sides of each: a fact dated N days
// before the request's as_of_date is inside, N + 1 days before is outside.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ctime>
#include <ostream>
#include <string>

#include "needlework/code_systems.h"
#include "plugins/screening/test_support.h"

namespace needlework::screening {
namespace {

using namespace needlework::screening::testing;  // NOLINT(build/namespaces)

constexpr char kAsOf[] = "2026-12-07";

// The date `days` before kAsOf, "YYYY-MM-DD".
std::string DaysBeforeAsOf(int days) {
  std::tm day{};
  strptime(kAsOf, "%Y-%m-%d", &day);
  const time_t noon = timegm(&day) + 12 * 3600 - static_cast<time_t>(days) * 86400;
  char text[11];
  std::strftime(text, sizeof(text), "%Y-%m-%d", gmtime_r(&noon, &day));
  return text;
}

enum class Kind { kStoppedMedication, kResolvedCondition, kProcedure, kObservation };

struct WindowRow {
  std::string name;
  std::string rule_id;
  Kind kind;
  Coding code;
  int window;  // the rule's within_days
};

void PrintTo(const WindowRow& row, std::ostream* os) { *os << row.name; }

// A patient whose one fact of `row` is dated `days` before kAsOf.
ScreenRequest PatientDated(const WindowRow& row, int days) {
  ScreenRequest request;
  request.set_as_of_date(kAsOf);
  const std::string date = DaysBeforeAsOf(days);
  switch (row.kind) {
    case Kind::kStoppedMedication: {
      types::v1::Medication* medication =
          AddMedication(request, RxNorm("99999", "Some product"),
                        types::v1::MEDICATION_STATUS_STOPPED, "MedicationRequest/1");
      *medication->add_ingredients() = row.code;
      medication->mutable_effective()->set_start("2025-01-01");
      medication->mutable_effective()->set_end(date);
      break;
    }
    case Kind::kResolvedCondition:
      AddCondition(request, row.code, types::v1::CONDITION_STATUS_RESOLVED, "Condition/1")
          ->set_abatement(date);
      break;
    case Kind::kProcedure: {
      types::v1::Procedure* procedure = request.mutable_patient()->add_procedures();
      *procedure->add_codes() = row.code;
      procedure->set_status(types::v1::PROCEDURE_STATUS_COMPLETED);
      procedure->mutable_performed()->set_start(date);  // performedDateTime: start = end
      procedure->mutable_performed()->set_end(date);
      procedure->set_source_ref("Procedure/1");
      break;
    }
    case Kind::kObservation:
      AddObservation(request, row.code, 9.1, date, "Observation/1")->set_unit("%");
      break;
  }
  return request;
}

class RuleWindowTest : public ::testing::TestWithParam<WindowRow> {};

TEST_P(RuleWindowTest, DayNIsInsideAndDayNPlusOneIsOutside) {
  const WindowRow& row = GetParam();
  const RuleSet rules = CompileOrDie();
  const std::optional<Finding> inside =
      FindingFor(ScreenOrDie(rules, PatientDated(row, row.window)), row.rule_id);
  ASSERT_TRUE(inside.has_value()) << DaysBeforeAsOf(row.window);
  EXPECT_THAT(inside->evidence(0).description(),
              ::testing::HasSubstr(std::to_string(row.window) + " days before " + kAsOf));
  EXPECT_FALSE(FindingFor(ScreenOrDie(rules, PatientDated(row, row.window + 1)), row.rule_id))
      << DaysBeforeAsOf(row.window + 1);
}

Coding Local(std::string_view code) { return MakeCoding(code_systems::kProcedure, code); }

INSTANTIATE_TEST_SUITE_P(
    Issue16, RuleWindowTest,
    ::testing::Values(WindowRow{"isotretinoin_182_days", "isotretinoin", Kind::kStoppedMedication,
                                RxNorm("6064", "isotretinoin"), 182},
                      WindowRow{"sunburn_28_days", "recent-sunburn", Kind::kResolvedCondition,
                                MakeCoding("http://hl7.org/fhir/sid/icd-10-cm", "L55.1"), 28},
                      WindowRow{"sunburn_snomed_28_days", "recent-sunburn",
                                Kind::kResolvedCondition, Snomed("403194002"), 28},
                      WindowRow{"toxin_14_days", "recent-filler-or-toxin", Kind::kProcedure,
                                Snomed("442695005"), 14},
                      WindowRow{"filler_14_days", "recent-filler-or-toxin", Kind::kProcedure,
                                Local("dermal-filler"), 14},
                      WindowRow{"chemical_peel_28_days", "recent-resurfacing", Kind::kProcedure,
                                Local("chemical-peel"), 28},
                      WindowRow{"laser_28_days", "recent-resurfacing", Kind::kProcedure,
                                Local("ablative-laser-resurfacing"), 28},
                      WindowRow{"hba1c_180_days", "uncontrolled-diabetes", Kind::kObservation,
                                MakeCoding("http://loinc.org", "4548-4"), 180}),
    [](const ::testing::TestParamInfo<WindowRow>& param_info) { return param_info.param.name; });

TEST(RuleWindowTest, DaysBeforeAsOfCountsCalendarDays) {
  EXPECT_EQ(DaysBeforeAsOf(0), "2026-12-07");
  EXPECT_EQ(DaysBeforeAsOf(14), "2026-11-23");
  EXPECT_EQ(DaysBeforeAsOf(182), "2026-06-08");
  EXPECT_EQ(DaysBeforeAsOf(365), "2025-12-07");
}

// An active prescription always counts; a stopped one without any date fails toward
// deferral (the clinician confirms when it ended).
TEST(IsotretinoinTest, ActiveOrUndatedStoppedIsotretinoinDefers) {
  for (auto status : {types::v1::MEDICATION_STATUS_ACTIVE, types::v1::MEDICATION_STATUS_STOPPED}) {
    ScreenRequest request;
    request.set_as_of_date(kAsOf);
    *AddMedication(request, RxNorm("99999"), status, "MedicationRequest/1")->add_ingredients() =
        RxNorm("6064");
    const std::optional<Finding> finding =
        FindingFor(ScreenOrDie(CompileOrDie(), request), "isotretinoin");
    ASSERT_TRUE(finding.has_value()) << status;
    EXPECT_EQ(finding->outcome(), types::v1::OUTCOME_DEFER);
  }
}

// A procedure not done (or only planned) does not count, however recent.
TEST(RecentProcedureTest, APlannedOrCancelledToxinDoesNotCount) {
  for (auto status :
       {types::v1::PROCEDURE_STATUS_NOT_DONE, types::v1::PROCEDURE_STATUS_PREPARATION}) {
    ScreenRequest request;
    request.set_as_of_date(kAsOf);
    types::v1::Procedure* procedure = request.mutable_patient()->add_procedures();
    *procedure->add_codes() = Snomed("442695005");
    procedure->set_status(status);
    procedure->mutable_performed()->set_start(kAsOf);
    EXPECT_FALSE(FindingFor(ScreenOrDie(CompileOrDie(), request), "recent-filler-or-toxin"))
        << status;
  }
}

}  // namespace
}  // namespace needlework::screening
