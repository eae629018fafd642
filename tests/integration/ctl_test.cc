// needleworkctl, the real binary, against the real host: the README walk-through.
#include <absl/time/civil_time.h>
#include <absl/time/time.h>
#include <gmock/gmock.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "integration/api_helpers.h"

namespace needlework::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class CtlTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { host_ = HostProcess::Start().release(); }
  static void TearDownTestSuite() { delete host_; }
  void SetUp() override { ASSERT_NE(host_, nullptr); }

  int Ctl(const std::string& token, const std::vector<std::string>& args) {
    return RunCtlOn(*host_, token, args, &out_, &err_);
  }

  // The example eligible chart with its Patient's id made `id`, written beside the host's
  // data: each test's patient is its own. The path.
  std::string EligibleChart(const std::string& id) {
    std::string chart =
        ReadWholeFile(std::string(NEEDLEWORK_SOURCE_DIR) + "/examples/patients/eligible.json");
    const std::string kId = "5f0d2c1e-8a3b-4c6d-9e7f-0a1b2c3d4e01";
    for (size_t at = chart.find(kId); at != std::string::npos; at = chart.find(kId, at)) {
      chart.replace(at, kId.size(), id);
    }
    std::string path = host_->data_dir() + "/" + id + ".json";
    std::ofstream(path) << chart;
    return path;
  }

  // Screens `chart` (with the concern and any add-ons); the screening id.
  std::string ScreeningOf(const std::string& chart, const std::string& concern,
                          const std::vector<std::string>& add_ons = {}) {
    std::vector<std::string> args = {"--json",    "screen", "--fhir", chart,
                                     "--concern", concern,  "--area", "face"};
    for (const auto& add_on : add_ons) args.insert(args.end(), {"--add-on", add_on});
    EXPECT_EQ(Ctl(host_->emr_token(), args), 0) << err_;
    return nlohmann::json::parse(out_, nullptr, false).value("screeningId", "");
  }

  // Books session 1 of `plan_id` at the first free slot on `day`, with every device the slot
  // holds: book's exit status (its output in out_), or -1 when slots offered none.
  int BookFirstSlot(const std::string& plan_id, const std::string& day) {
    if (Ctl(host_->emr_token(), {"--json", "slots", plan_id, "1", "--from", day, "--to", day}) !=
        0) {
      return -1;
    }
    auto slots = nlohmann::json::parse(out_, nullptr, false);
    if (!slots.contains("slots") || slots["slots"].empty()) return -1;
    const auto slot = slots["slots"][0];
    std::vector<std::string> book = {"book",
                                     plan_id,
                                     "1",
                                     "--start",
                                     slot["start"],
                                     "--practitioner",
                                     slot["practitionerId"],
                                     "--room",
                                     slot["roomId"]};
    for (const auto& device : slot["deviceIds"]) book.insert(book.end(), {"--device", device});
    return Ctl(host_->emr_token(), book);
  }

  // The id of `patient`'s first appointment; empty when it has none.
  std::string FirstAppointmentOf(const std::string& patient) {
    EXPECT_EQ(Ctl(host_->emr_token(), {"--json", "appointments", "--patient", patient}), 0) << err_;
    auto appointments = nlohmann::json::parse(out_, nullptr, false);
    if (!appointments.contains("appointments") || appointments["appointments"].empty()) return "";
    return appointments["appointments"][0].value("appointmentId", "");
  }

  static HostProcess* host_;
  std::string out_, err_;
};

HostProcess* CtlTest::host_ = nullptr;

// A Monday to Friday date about a week ahead, in London, as YYYY-MM-DD.
std::string LondonWeekdayInAWeek() {
  absl::TimeZone london;
  absl::LoadTimeZone("Europe/London", &london);
  absl::CivilDay day = absl::ToCivilDay(absl::Now(), london) + 7;
  while (absl::GetWeekday(day) == absl::Weekday::saturday ||
         absl::GetWeekday(day) == absl::Weekday::sunday) {
    ++day;
  }
  return absl::FormatCivilTime(day);
}

TEST_F(CtlTest, ListsPluginsAndClinics) {
  ASSERT_EQ(Ctl(host_->admin_token(), {"plugins"}), 0) << err_;
  EXPECT_THAT(out_, HasSubstr(kScreeningPlugin));
  ASSERT_EQ(Ctl(host_->admin_token(), {"clinics"}), 0) << err_;
  EXPECT_THAT(out_, HasSubstr("demo"));
}

TEST_F(CtlTest, ScreensTheExamplePatients) {
  std::string examples = std::string(NEEDLEWORK_SOURCE_DIR) + "/examples/patients/";
  ASSERT_EQ(Ctl(host_->emr_token(), {"screen", "--fhir", examples + "warfarin.json"}), 0) << err_;
  EXPECT_THAT(out_, HasSubstr("REVIEW_REQUIRED"));
  ASSERT_EQ(Ctl(host_->emr_token(), {"--json", "screen", "--fhir", examples + "active-acne.json"}),
            0)
      << err_;
  EXPECT_THAT(out_, HasSubstr("\"OUTCOME_DEFER\""));
}

TEST_F(CtlTest, CreatesAClinicAndTogglesItsPlugin) {
  ASSERT_EQ(Ctl(host_->admin_token(), {"clinic", "create", "ctl-clinic", "--name", "Ctl Clinic"}),
            0)
      << err_;
  EXPECT_THAT(out_, HasSubstr("nw_emr_"));
  ASSERT_EQ(Ctl(host_->admin_token(), {"plugin", "enable", "ctl-clinic", kScreeningPlugin}), 0)
      << err_;
  ASSERT_EQ(Ctl(host_->admin_token(), {"--json", "clinic", "plugins", "ctl-clinic"}), 0) << err_;
  EXPECT_THAT(out_, HasSubstr("\"enabled\": true"));
  ASSERT_EQ(Ctl(host_->admin_token(), {"plugin", "disable", "ctl-clinic", kScreeningPlugin}), 0)
      << err_;
}

TEST_F(CtlTest, ServerErrorsAreShownWithTheirStatus) {
  EXPECT_EQ(Ctl(host_->admin_token(), {"plugin", "configure", "demo", kScreeningPlugin, "--config",
                                       R"({"rules":{"active-acne":{"outcome":"later"}}})"}),
            1);
  EXPECT_THAT(err_, HasSubstr("INVALID_ARGUMENT"));
  EXPECT_EQ(Ctl(host_->emr_token(), {"plugins"}), 1);
  EXPECT_THAT(err_, HasSubstr("PERMISSION_DENIED"));
}

TEST_F(CtlTest, PlansAndBooksASeriesForTheDemoPatient) {
  std::string chart = EligibleChart("ctl-1");
  std::string screening_id = ScreeningOf(chart, "fine-lines");
  ASSERT_FALSE(screening_id.empty()) << out_;
  // The plan is for the patient the chart names: another reference is refused.
  EXPECT_EQ(Ctl(host_->emr_token(),
                {"plan", "create", "--patient", "Patient/someone-else", "--screening", screening_id,
                 "--fhir", chart, "--concern", "fine-lines", "--area", "face"}),
            1);
  EXPECT_THAT(err_, HasSubstr("not of 'Patient/someone-else'"));
  ASSERT_EQ(Ctl(host_->emr_token(),
                {"--json", "plan", "create", "--patient", "Patient/ctl-1", "--screening",
                 screening_id, "--fhir", chart, "--concern", "fine-lines", "--area", "face"}),
            0)
      << err_;
  auto plan = nlohmann::json::parse(out_, nullptr, false);
  ASSERT_TRUE(plan.is_object()) << out_;
  std::string plan_id = plan.value("planId", "");
  ASSERT_FALSE(plan_id.empty()) << out_;

  std::string day = LondonWeekdayInAWeek();
  ASSERT_EQ(Ctl(host_->emr_token(), {"--json", "slots", plan_id, "1", "--from", day, "--to", day}),
            0)
      << err_;
  auto slots = nlohmann::json::parse(out_, nullptr, false);
  ASSERT_TRUE(slots.contains("slots") && !slots["slots"].empty()) << out_;
  const auto& slot = slots["slots"][0];
  ASSERT_EQ(
      Ctl(host_->emr_token(),
          {"book", plan_id, "1", "--start", slot["start"].get<std::string>(), "--practitioner",
           slot["practitionerId"].get<std::string>(), "--room", slot["roomId"].get<std::string>(),
           "--device", slot["deviceIds"][0].get<std::string>()}),
      0)
      << err_;
  EXPECT_THAT(out_, HasSubstr("booked"));
  ASSERT_EQ(Ctl(host_->emr_token(), {"calendar", "--patient", "Patient/ctl-1"}), 0) << err_;
  EXPECT_THAT(out_, HasSubstr("BEGIN:VEVENT"));

  // Complete it, then read the aftercare plan and the due messages, as the README shows.
  ASSERT_EQ(Ctl(host_->emr_token(), {"--json", "appointments", "--patient", "Patient/ctl-1"}), 0)
      << err_;
  auto appointments = nlohmann::json::parse(out_, nullptr, false);
  std::string appointment = appointments["appointments"][0].value("appointmentId", "");
  ASSERT_FALSE(appointment.empty()) << out_;
  ASSERT_EQ(Ctl(host_->emr_token(), {"complete", appointment, "--area", "face", "--depth", "0.5",
                                     "--product", "HA serum:LOT-42"}),
            0)
      << err_;
  ASSERT_EQ(Ctl(host_->emr_token(), {"aftercare", appointment}), 0) << err_;
  EXPECT_THAT(out_, HasSubstr("avoid-sun"));
  ASSERT_EQ(Ctl(host_->emr_token(), {"messages", "due", "--up-to", "2099-01-01T00:00:00Z"}), 0)
      << err_;
  EXPECT_THAT(out_, HasSubstr("evening"));
  ASSERT_EQ(Ctl(host_->emr_token(),
                {"symptom", appointment, "--symptom", "redness", "--severity", "mild"}),
            0)
      << err_;
  EXPECT_THAT(out_, HasSubstr("expected"));
}

// Sessions are counted from 1 wherever a person reads or types them, and a serum session's
// lot is refused with the flag to give rather than the API's field syntax.
TEST_F(CtlTest, SessionsCountFromOneAndALotErrorNamesTheFlag) {
  std::string chart = EligibleChart("ctl-serum");
  std::string screening_id = ScreeningOf(chart, "fine-lines", {"ha-serum"});
  ASSERT_FALSE(screening_id.empty()) << out_;
  ASSERT_EQ(Ctl(host_->emr_token(), {"--json", "plan", "create", "--patient", "Patient/ctl-serum",
                                     "--screening", screening_id, "--fhir", chart, "--concern",
                                     "fine-lines", "--area", "face", "--add-on", "ha-serum"}),
            0)
      << err_;
  std::string plan_id = nlohmann::json::parse(out_, nullptr, false).value("planId", "");
  ASSERT_FALSE(plan_id.empty()) << out_;
  std::string day = LondonWeekdayInAWeek();
  EXPECT_EQ(Ctl(host_->emr_token(), {"slots", plan_id, "9", "--from", day, "--to", day}), 1);
  EXPECT_THAT(err_, HasSubstr("session_index 8 (session 9) is out of range"));
  EXPECT_THAT(err_, HasSubstr(", sessions 1 to "));
  EXPECT_EQ(Ctl(host_->emr_token(), {"slots", plan_id, "0", "--from", day, "--to", day}), 2);
  ASSERT_EQ(BookFirstSlot(plan_id, LondonWeekdayInAWeek()), 0) << err_;
  EXPECT_THAT(out_, HasSubstr(plan_id + ", session 1\n"));
  std::string appointment = FirstAppointmentOf("Patient/ctl-serum");
  ASSERT_FALSE(appointment.empty()) << out_;

  EXPECT_EQ(Ctl(host_->emr_token(), {"complete", appointment, "--area", "face", "--depth", "0.5",
                                     "--product", "HA serum:LOT-42"}),
            1);
  EXPECT_THAT(err_, HasSubstr("INVALID_ARGUMENT"));
  EXPECT_THAT(err_, HasSubstr("hint: give the lot as --product CODE:LOT with the add-on's code"));
  ASSERT_EQ(Ctl(host_->emr_token(), {"complete", appointment, "--area", "face", "--depth", "0.5",
                                     "--product", "ha-serum:LOT-42"}),
            0)
      << err_;
  EXPECT_THAT(out_, HasSubstr("ha-serum, lot LOT-42"));
}

// The README's combination-therapy walk-through: therapies, an add-on verdict, a session
// holding every add-on's device, merged aftercare, and RF turned off for the clinic.
TEST_F(CtlTest, CombinesRfAndPrpAsTheReadmeShows) {
  std::string examples = std::string(NEEDLEWORK_SOURCE_DIR) + "/examples/patients/";
  ASSERT_EQ(Ctl(host_->emr_token(), {"therapies"}), 0) << err_;
  EXPECT_THAT(out_, HasSubstr("rf-microneedling"));
  EXPECT_THAT(out_, HasSubstr("prp-serum"));
  ASSERT_EQ(Ctl(host_->emr_token(),
                {"screen", "--fhir", examples + "warfarin.json", "--add-on", "prp-serum"}),
            0)
      << err_;
  EXPECT_THAT(out_, HasSubstr("Outcome: REVIEW_REQUIRED"));
  EXPECT_THAT(out_, HasSubstr("CONTRAINDICATED — PRP contraindicated: warfarin"));

  std::string chart = EligibleChart("ctl-combo");
  std::string screening_id = ScreeningOf(chart, "acne-scars", {"rf-microneedling", "prp-serum"});
  ASSERT_FALSE(screening_id.empty()) << out_;
  ASSERT_EQ(Ctl(host_->emr_token(),
                {"--json", "plan", "create", "--patient", "Patient/ctl-combo", "--screening",
                 screening_id, "--fhir", chart, "--concern", "acne-scars", "--area", "face",
                 "--add-on", "rf-microneedling", "--add-on", "prp-serum"}),
            0)
      << err_;
  std::string plan_id = nlohmann::json::parse(out_, nullptr, false).value("planId", "");
  ASSERT_FALSE(plan_id.empty()) << out_;
  ASSERT_EQ(BookFirstSlot(plan_id, LondonWeekdayInAWeek()), 0) << err_;
  EXPECT_THAT(out_, HasSubstr("rf-1"));
  EXPECT_THAT(out_, HasSubstr("centrifuge-1"));
  std::string appointment = FirstAppointmentOf("Patient/ctl-combo");
  ASSERT_EQ(Ctl(host_->emr_token(), {"complete", appointment, "--area", "face", "--depth", "1.0"}),
            0)
      << err_;
  ASSERT_EQ(Ctl(host_->emr_token(), {"aftercare", appointment}), 0) << err_;
  EXPECT_THAT(out_, HasSubstr("avoid-heat"));
  EXPECT_THAT(out_, HasSubstr("prp-leave-on"));
  ASSERT_EQ(Ctl(host_->emr_token(),
                {"symptom", appointment, "--symptom", "bruising", "--severity", "mild"}),
            0)
      << err_;
  EXPECT_THAT(out_, HasSubstr("Triage: monitor"));

  ASSERT_EQ(
      Ctl(host_->admin_token(), {"plugin", "disable", "demo", "org.needlework.radiofrequency"}), 0)
      << err_;
  ASSERT_EQ(Ctl(host_->emr_token(), {"therapies"}), 0) << err_;
  EXPECT_THAT(out_, Not(HasSubstr("rf-microneedling")));
  ASSERT_EQ(
      Ctl(host_->admin_token(), {"plugin", "enable", "demo", "org.needlework.radiofrequency"}), 0)
      << err_;
}

}  // namespace
}  // namespace needlework::testing
