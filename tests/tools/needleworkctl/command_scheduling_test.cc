// ParseArgs for the clinic-setup, planning and scheduling commands: every command and flag,
// and every usage error they add.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "command.h"
#include "commands/clinic_setup.h"
#include "commands/clinics.h"
#include "commands/help.h"
#include "commands/planning.h"
#include "commands/scheduling.h"
#include "needlework/code_systems.h"
#include "parse_helpers.h"

namespace needlework::ctl {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// The (weekday, open, close) of each span, for ElementsAre.
std::vector<std::string> Spans(const ClinicSetupArgs& command) {
  std::vector<std::string> spans;
  for (const v1::OpeningSpan& span : command.opening_spans) {
    spans.push_back(std::to_string(span.weekday()) + " " + span.open() + "-" + span.close());
  }
  return spans;
}

TEST(ParseClinicSetupTest, ClinicCreateWithTimeZone) {
  auto command = Parse<ClinicArgs>({"clinic", "create", "aurora", "--time-zone", "Europe/London"});
  EXPECT_EQ(command.name, "clinic create");
  EXPECT_EQ(command.time_zone, "Europe/London");
  EXPECT_EQ(Parse<ClinicArgs>({"clinic", "create", "aurora"}).time_zone, "");
}

TEST(ParseClinicSetupTest, ClinicTimeZone) {
  auto command =
      Parse<ClinicSetupArgs>({"clinic", "time-zone", "aurora", "America/Argentina/Buenos_Aires"});
  EXPECT_EQ(command.name, "clinic time-zone");
  EXPECT_EQ(command.clinic_id, "aurora");
  EXPECT_EQ(command.time_zone, "America/Argentina/Buenos_Aires");
  EXPECT_EQ(Parse<ClinicSetupArgs>({"clinic", "time-zone", "a", "Etc/GMT+5"}).time_zone,
            "Etc/GMT+5");
}

TEST(ParseClinicSetupTest, Resources) {
  auto command = Parse<ClinicSetupArgs>({"resources", "aurora"});
  EXPECT_EQ(command.name, "resources");
  EXPECT_EQ(command.clinic_id, "aurora");
}

TEST(ParseClinicSetupTest, ResourceAddPractitioner) {
  auto command = Parse<ClinicSetupArgs>(
      {"resource", "add", "aurora", "dr-lee", "--type", "practitioner", "--name", "Dr Lee"});
  EXPECT_EQ(command.name, "resource add");
  EXPECT_EQ(command.clinic_id, "aurora");
  EXPECT_EQ(command.resource_id, "dr-lee");
  EXPECT_EQ(command.resource_type, types::v1::RESOURCE_TYPE_PRACTITIONER);
  EXPECT_EQ(command.display_name, "Dr Lee");
  EXPECT_FALSE(command.inactive);
}

TEST(ParseClinicSetupTest, ResourceAddDeviceAndRoom) {
  auto device = Parse<ClinicSetupArgs>({"resource", "add", "a", "pen-1", "--type=DEVICE", "--kind",
                                        "microneedling-pen", "--inactive"});
  EXPECT_EQ(device.resource_type, types::v1::RESOURCE_TYPE_DEVICE);
  EXPECT_EQ(device.device_kind, "microneedling-pen");
  EXPECT_TRUE(device.inactive);
  auto room = Parse<ClinicSetupArgs>({"resource", "add", "a", "room-1", "--type", "room"});
  EXPECT_EQ(room.resource_type, types::v1::RESOURCE_TYPE_ROOM);
  EXPECT_EQ(room.device_kind, "");
}

TEST(ParseClinicSetupTest, Hours) {
  auto command = Parse<ClinicSetupArgs>({"hours", "aurora"});
  EXPECT_EQ(command.name, "hours");
  EXPECT_EQ(command.clinic_id, "aurora");
}

TEST(ParseClinicSetupTest, HoursSetQuotedOrNot) {
  auto quoted =
      Parse<ClinicSetupArgs>({"hours", "set", "aurora", "mon-tue 09:00-17:00", "sat 10:00-14:00"});
  auto bare = Parse<ClinicSetupArgs>(
      {"hours", "set", "aurora", "mon-tue", "09:00-17:00", "sat", "10:00-14:00"});
  for (const auto& command : {quoted, bare}) {
    EXPECT_EQ(command.name, "hours set");
    EXPECT_EQ(command.clinic_id, "aurora");
    EXPECT_THAT(Spans(command), ElementsAre("1 09:00-17:00", "2 09:00-17:00", "6 10:00-14:00"));
  }
  EXPECT_THAT(quoted.hours_specs, ElementsAre("mon-tue 09:00-17:00", "sat 10:00-14:00"));
}

TEST(ParseClinicSetupTest, HoursSetAllClosed) {
  auto command = Parse<ClinicSetupArgs>({"hours", "set", "aurora", "mon-sun closed"});
  EXPECT_TRUE(command.opening_spans.empty());
}

TEST(ParsePlanningTest, PlanPropose) {
  auto command =
      Parse<PlanArgs>({"plan", "propose", "--fhir", "p.json", "--fhir", "c.json", "--concern",
                       "acne-scars", "--area", "face", "--severity", "moderate"});
  EXPECT_EQ(command.name, "plan propose");
  EXPECT_THAT(command.fhir_files, ElementsAre("p.json", "c.json"));
  ASSERT_EQ(command.concerns.size(), 1u);
  EXPECT_EQ(command.concerns[0].system(), code_systems::kConcern);
  ASSERT_EQ(command.areas.size(), 1u);
  EXPECT_EQ(command.areas[0].code(), "face");
  EXPECT_EQ(command.severity, types::v1::SEVERITY_MODERATE);
  EXPECT_EQ(Parse<PlanArgs>({"plan", "propose", "--fhir", "p.json"}).severity,
            types::v1::SEVERITY_UNSPECIFIED);
}

TEST(ParsePlanningTest, PlanCreateFromProposal) {
  auto command = Parse<PlanArgs>({"plan", "create", "--patient", "Patient/123", "--from-proposal",
                                  "proposal.json", "--screening", "scr_1", "--screening-outcome",
                                  "eligible-with-caution"});
  EXPECT_EQ(command.name, "plan create");
  EXPECT_EQ(command.patient_ref, "Patient/123");
  EXPECT_EQ(command.proposal_file, "proposal.json");
  EXPECT_EQ(command.screening_outcome, types::v1::OUTCOME_ELIGIBLE_WITH_CAUTION);
  EXPECT_EQ(command.screening_id, "scr_1");
  EXPECT_TRUE(command.fhir_files.empty());
}

TEST(ParsePlanningTest, PlanCreateByProposing) {
  auto command =
      Parse<PlanArgs>({"plan", "create", "--patient", "Patient/123", "--fhir", "p.json",
                       "--concern", "acne-scars", "--area", "face", "--severity", "severe",
                       "--screening", "scr_1", "--screening-outcome", "REVIEW_REQUIRED"});
  EXPECT_EQ(command.proposal_file, "");
  EXPECT_THAT(command.fhir_files, ElementsAre("p.json"));
  EXPECT_EQ(command.concerns.size(), 1u);
  EXPECT_EQ(command.areas.size(), 1u);
  EXPECT_EQ(command.severity, types::v1::SEVERITY_SEVERE);
  EXPECT_EQ(command.screening_outcome, types::v1::OUTCOME_REVIEW_REQUIRED);
}

TEST(ParsePlanningTest, PlansShowCancel) {
  auto plans = Parse<PlanArgs>({"plans", "--patient", "Patient/123"});
  EXPECT_EQ(plans.name, "plans");
  EXPECT_EQ(plans.patient_ref, "Patient/123");
  auto show = Parse<PlanArgs>({"plan", "show", "pl-1"});
  EXPECT_EQ(show.name, "plan show");
  EXPECT_EQ(show.plan_id, "pl-1");
  auto cancel = Parse<PlanArgs>({"plan", "cancel", "pl-1", "--reason", "moved away"});
  EXPECT_EQ(cancel.name, "plan cancel");
  EXPECT_EQ(cancel.plan_id, "pl-1");
  EXPECT_EQ(cancel.reason, "moved away");
}

TEST(ParseSchedulingTest, SlotsWithEveryFlag) {
  auto command = Parse<SchedulingArgs>({"slots", "pl-1", "3", "--from", "2026-03-01", "--to",
                                        "2026-03-31", "--practitioner", "dr-lee", "--max", "500"});
  EXPECT_EQ(command.name, "slots");
  EXPECT_EQ(command.plan_id, "pl-1");
  EXPECT_EQ(command.session_index, 2);
  EXPECT_EQ(command.from_date, "2026-03-01");
  EXPECT_EQ(command.to_date, "2026-03-31");
  EXPECT_EQ(command.practitioner_id, "dr-lee");
  EXPECT_EQ(command.max_results, 500);
}

TEST(ParseSchedulingTest, SlotsDefaultsAndWindowEdges) {
  auto one_day =
      Parse<SchedulingArgs>({"slots", "pl-1", "1", "--from", "2026-03-01", "--to", "2026-03-01"});
  EXPECT_EQ(one_day.session_index, 0);
  EXPECT_EQ(one_day.max_results, 0);
  EXPECT_EQ(one_day.practitioner_id, "");
  // 92 days is the most: 2026-01-01 + 92 days = 2026-04-03.
  EXPECT_EQ(Parse<SchedulingArgs>({"slots", "p", "1", "--from", "2026-01-01", "--to", "2026-04-03"})
                .to_date,
            "2026-04-03");
  EXPECT_EQ(Parse<SchedulingArgs>({"slots", "p", "1", "--from", "2024-02-29", "--to", "2024-03-01"})
                .from_date,
            "2024-02-29");
}

TEST(ParseSchedulingTest, BookWithDevicesInOrder) {
  auto command = Parse<SchedulingArgs>({"book", "pl-1", "2", "--start", "2026-03-02T09:00:00+01:00",
                                        "--practitioner", "dr-lee", "--room", "room-1", "--device",
                                        "pen-1", "--device", "rf-2"});
  EXPECT_EQ(command.name, "book");
  EXPECT_EQ(command.plan_id, "pl-1");
  EXPECT_EQ(command.session_index, 1);
  EXPECT_EQ(command.start, "2026-03-02T09:00:00+01:00");
  EXPECT_EQ(command.practitioner_id, "dr-lee");
  EXPECT_EQ(command.room_id, "room-1");
  EXPECT_THAT(command.device_ids, ElementsAre("pen-1", "rf-2"));
}

TEST(ParseSchedulingTest, StartGainsSecondsWhenLeftOut) {
  EXPECT_EQ(Parse<SchedulingArgs>({"book", "p", "1", "--start", "2026-03-02T09:00Z",
                                   "--practitioner", "d", "--room", "r"})
                .start,
            "2026-03-02T09:00:00Z");
  EXPECT_EQ(
      Parse<SchedulingArgs>({"reschedule", "ap-1", "--start", "2026-03-02t09:30:15.5-05:00"}).start,
      "2026-03-02T09:30:15.5-05:00");
}

TEST(ParseSchedulingTest, Reschedule) {
  auto bare = Parse<SchedulingArgs>({"reschedule", "ap-1", "--start", "2026-03-02T09:00:00Z"});
  EXPECT_EQ(bare.name, "reschedule");
  EXPECT_EQ(bare.appointment_id, "ap-1");
  EXPECT_EQ(bare.practitioner_id, "");
  EXPECT_EQ(bare.room_id, "");
  EXPECT_TRUE(bare.device_ids.empty());
  auto full =
      Parse<SchedulingArgs>({"reschedule", "ap-1", "--start", "2026-03-02T09:00:00Z",
                             "--practitioner", "dr-kim", "--room", "room-2", "--device", "pen-2"});
  EXPECT_EQ(full.practitioner_id, "dr-kim");
  EXPECT_EQ(full.room_id, "room-2");
  EXPECT_THAT(full.device_ids, ElementsAre("pen-2"));
}

TEST(ParseSchedulingTest, Cancel) {
  auto command = Parse<SchedulingArgs>({"cancel", "ap-1", "--reason", "patient ill"});
  EXPECT_EQ(command.name, "cancel");
  EXPECT_EQ(command.appointment_id, "ap-1");
  EXPECT_EQ(command.reason, "patient ill");
}

TEST(ParseSchedulingTest, AppointmentsByEachFilter) {
  auto patient =
      Parse<SchedulingArgs>({"appointments", "--patient", "Patient/1", "--include-cancelled"});
  EXPECT_EQ(patient.name, "appointments");
  EXPECT_EQ(patient.patient_ref, "Patient/1");
  EXPECT_TRUE(patient.include_cancelled);
  auto day = Parse<SchedulingArgs>({"appointments", "--day", "2026-03-02"});
  EXPECT_EQ(day.day, "2026-03-02");
  EXPECT_FALSE(day.include_cancelled);
  EXPECT_EQ(Parse<SchedulingArgs>({"appointments", "--resource", "room-1"}).resource_id, "room-1");
}

TEST(ParseSchedulingTest, CompleteWithEveryFlag) {
  auto command = Parse<SchedulingArgs>({"complete", "ap-1", "--area", "face", "--area", "neck",
                                        "--depth", "1.25", "--product", "HA serum:L2024-117",
                                        "--product", "Numbing: lidocaine 5% : N-9",
                                        "--practitioner", "dr-lee", "--notes", "mild erythema"});
  EXPECT_EQ(command.name, "complete");
  EXPECT_EQ(command.appointment_id, "ap-1");
  ASSERT_EQ(command.areas.size(), 2u);
  EXPECT_EQ(command.areas[1].code(), "neck");
  EXPECT_EQ(command.depth_mm, 1.25);
  ASSERT_EQ(command.products.size(), 2u);
  EXPECT_EQ(command.products[0].product(), "HA serum");
  EXPECT_EQ(command.products[0].lot_number(), "L2024-117");
  EXPECT_EQ(command.products[1].product(), "Numbing: lidocaine 5%");
  EXPECT_EQ(command.products[1].lot_number(), "N-9");
  EXPECT_EQ(command.practitioner_id, "dr-lee");
  EXPECT_EQ(command.notes, "mild erythema");
}

TEST(ParseSchedulingTest, CompleteBare) {
  auto command = Parse<SchedulingArgs>({"complete", "ap-1"});
  EXPECT_FALSE(command.depth_mm.has_value());
  EXPECT_TRUE(command.products.empty());
}

TEST(ParseSchedulingTest, Calendar) {
  auto command = Parse<SchedulingArgs>({"calendar", "--patient", "Patient/1", "--output", "p.ics"});
  EXPECT_EQ(command.name, "calendar");
  EXPECT_EQ(command.patient_ref, "Patient/1");
  EXPECT_EQ(command.output_file, "p.ics");
  EXPECT_TRUE(Parse<SchedulingArgs>({"calendar", "--patient", "P", "--json"}).options.json);
}

TEST(ParseSchedulingTest, HelpOfTheNewGroupsAndCommands) {
  EXPECT_EQ(Parse<HelpArgs>({"help", "hours"}).help_topic, "hours");
  EXPECT_EQ(Parse<HelpArgs>({"help", "hours", "set"}).help_topic, "hours set");
  EXPECT_EQ(Parse<HelpArgs>({"help", "plan"}).help_topic, "plan");
  EXPECT_EQ(Parse<HelpArgs>({"help", "resource"}).help_topic, "resource");
  EXPECT_EQ(Parse<HelpArgs>({"hours", "--help"}).help_topic, "hours");
  EXPECT_EQ(Parse<HelpArgs>({"hours", "set", "-h"}).help_topic, "hours set");
  EXPECT_EQ(Parse<HelpArgs>({"book", "--help", "--start", "nonsense"}).help_topic, "book");
}

TEST(ParseClinicSetupUsageTest, Errors) {
  EXPECT_EQ(Problem({"clinic", "time-zone", "a"}), "clinic time-zone: missing <time-zone>");
  EXPECT_EQ(Problem({"clinic", "time-zone", "a", "Europe London"}),
            "clinic time-zone: <time-zone>: 'Europe London' is not an IANA time zone name: want "
            "e.g. Europe/London or UTC");
  EXPECT_EQ(Problem({"clinic", "create", "a", "--time-zone", "/London"}),
            "clinic create: --time-zone: '/London' is not an IANA time zone name: want e.g. "
            "Europe/London or UTC");
  EXPECT_EQ(Problem({"clinic", "create", "a", "--time-zone="}),
            "clinic create: --time-zone is empty");
  EXPECT_EQ(Problem({"resources"}), "resources: missing <clinic-id>");
  EXPECT_EQ(Problem({"resource"}), "resource: missing subcommand");
  EXPECT_EQ(Problem({"resource", "delete", "a", "b"}), "resource: unknown subcommand 'delete'");
  EXPECT_EQ(Problem({"resource", "add", "a", "--type", "room"}),
            "resource add: missing <resource-id>");
  EXPECT_EQ(Problem({"resource", "add", "a", "r"}), "resource add: missing --type");
  EXPECT_EQ(Problem({"resource", "add", "a", "r", "--type", "nurse"}),
            "resource add: --type: 'nurse' is not a resource type: want "
            "practitioner|room|device");
  EXPECT_EQ(Problem({"resource", "add", "a", "r", "--type", "unspecified"}),
            "resource add: --type: 'unspecified' is not a resource type: want "
            "practitioner|room|device");
  EXPECT_EQ(Problem({"resource", "add", "a", "r", "--type", "device"}),
            "resource add: --type device needs --kind, the kind a plan asks for (e.g. "
            "microneedling-pen)");
  EXPECT_EQ(Problem({"resource", "add", "a", "r", "--type", "room", "--kind", "pen"}),
            "resource add: --kind goes with --type device only");
  EXPECT_EQ(Problem({"resource", "add", "a", "r", "--type", "room", "--inactive=no"}),
            "resource add: --inactive takes no value");
}

TEST(ParseClinicSetupUsageTest, HoursErrors) {
  EXPECT_EQ(Problem({"hours"}), "hours: missing <clinic-id>");
  EXPECT_EQ(Problem({"hours", "a", "b"}), "hours: unexpected argument 'b'");
  EXPECT_EQ(Problem({"hours", "set", "a"}), "hours set: missing <spec>");
  EXPECT_EQ(Problem({"hours", "set", "a", "mon-fri 9-5"}),
            "hours set: '9-5' is not opening hours: want HH:MM-HH:MM (00:00 to 24:00), e.g. "
            "09:00-17:00, or closed");
  EXPECT_EQ(Problem({"hours", "set", "a", "funday 09:00-17:00"}),
            "hours set: 'funday' is not a day: want mon, tue, wed, thu, fri, sat or sun, or a "
            "range like mon-fri");
}

TEST(ParsePlanningUsageTest, Errors) {
  EXPECT_EQ(Problem({"plan"}), "plan: missing subcommand");
  EXPECT_EQ(Problem({"plan", "delete"}), "plan: unknown subcommand 'delete'");
  EXPECT_EQ(Problem({"plan", "propose"}), "plan propose: missing --fhir");
  EXPECT_EQ(Problem({"plan", "propose", "--fhir", "p", "--severity", "extreme"}),
            "plan propose: --severity: 'extreme' is not a severity: want mild|moderate|severe");
  EXPECT_EQ(Problem({"plans"}), "plans: missing --patient");
  EXPECT_EQ(Problem({"plans", "--patient="}), "plans: --patient is empty");
  EXPECT_EQ(Problem({"plan", "show"}), "plan show: missing <plan-id>");
  EXPECT_EQ(Problem({"plan", "show", "a", "b"}), "plan show: unexpected argument 'b'");
  EXPECT_EQ(Problem({"plan", "cancel", "a"}), "plan cancel: missing --reason");
  EXPECT_EQ(Problem({"plan", "cancel", "a", "--reason", "  "}), "plan cancel: --reason is empty");
}

TEST(ParsePlanningUsageTest, PlanCreateErrors) {
  const std::vector<std::string> base = {
      "plan",        "create", "--patient",           "P",
      "--screening", "scr_1",  "--screening-outcome", "eligible"};
  auto with = [&](std::vector<std::string> more) {
    more.insert(more.begin(), base.begin(), base.end());
    return Problem(more);
  };
  EXPECT_EQ(with({}),
            "plan create: missing --from-proposal FILE, or --fhir FILE to propose a "
            "plan first");
  EXPECT_EQ(with({"--from-proposal", "f.json", "--fhir", "p.json"}),
            "plan create: --from-proposal and --fhir do not go together: the plan comes from the "
            "file or from a new proposal");
  EXPECT_EQ(with({"--from-proposal", "f.json", "--concern", "acne-scars"}),
            "plan create: --concern, --area and --severity go with --fhir (a new proposal), not "
            "with --from-proposal");
  EXPECT_EQ(with({"--from-proposal", "f.json", "--severity", "mild"}),
            "plan create: --concern, --area and --severity go with --fhir (a new proposal), not "
            "with --from-proposal");
  EXPECT_EQ(Problem({"plan", "create", "--screening", "scr_1", "--screening-outcome", "eligible",
                     "--fhir", "p"}),
            "plan create: missing --patient");
  EXPECT_EQ(Problem({"plan", "create", "--patient", "P", "--fhir", "p"}),
            "plan create: missing --screening");
  EXPECT_EQ(Problem({"plan", "create", "--patient", "P", "--fhir", "p", "--screening", "scr_1",
                     "--screening-outcome", "fine"}),
            "plan create: --screening-outcome: 'fine' is not a screening outcome: want "
            "eligible|eligible-with-caution|review-required|consult-required|defer|refer|"
            "contraindicated");
}

TEST(ParseSchedulingUsageTest, SlotsErrors) {
  EXPECT_EQ(Problem({"slots", "p", "--from", "2026-03-01", "--to", "2026-03-01"}),
            "slots: missing <session>");
  EXPECT_EQ(Problem({"slots", "p", "1", "--to", "2026-03-01"}), "slots: missing --from");
  EXPECT_EQ(Problem({"slots", "p", "1", "--from", "2026-03-01"}), "slots: missing --to");
  // Sessions are counted as people count them: 1 is the first, so 0 is refused.
  for (const char* number : {"0", "-1", "x", "1.5", "1001", " 1"}) {
    EXPECT_EQ(
        Problem({"slots", "--from", "2026-03-01", "--to", "2026-03-01", "--", "p", number}),
        "slots: <session>: '" + std::string(number) + "' is not a whole number from 1 to 1000")
        << number;
  }
  for (const char* date : {"2026-3-1", "2026-02-30", "2026-13-01", "01/03/2026", "2026-03-01x"}) {
    EXPECT_EQ(Problem({"slots", "p", "1", "--from", date, "--to", "2026-03-01"}),
              "slots: --from: '" + std::string(date) + "' is not a date: want YYYY-MM-DD")
        << date;
  }
  EXPECT_EQ(Problem({"slots", "p", "1", "--from", "2026-03-10", "--to", "2026-03-01"}),
            "slots: --to 2026-03-01 is before --from 2026-03-10");
  EXPECT_EQ(Problem({"slots", "p", "1", "--from", "2026-01-01", "--to", "2026-04-04"}),
            "slots: --to is 93 days after --from: at most 92");
  for (const char* max : {"0", "501", "ten", "-5"}) {
    EXPECT_EQ(
        Problem({"slots", "p", "1", "--from", "2026-03-01", "--to", "2026-03-02", "--max", max}),
        "slots: --max: '" + std::string(max) + "' is not a whole number from 1 to 500")
        << max;
  }
  EXPECT_EQ(
      Problem({"slots", "p", "1", "--from", "2026-03-01", "--to", "2026-03-02", "--room", "r"}),
      "slots: does not take --room");
}

TEST(ParseSchedulingUsageTest, BookingErrors) {
  EXPECT_EQ(Problem({"book", "p", "1", "--practitioner", "d", "--room", "r"}),
            "book: missing --start");
  EXPECT_EQ(Problem({"book", "p", "1", "--start", "2026-03-02T09:00Z", "--room", "r"}),
            "book: missing --practitioner");
  EXPECT_EQ(Problem({"book", "p", "1", "--start", "2026-03-02T09:00Z", "--practitioner", "d"}),
            "book: missing --room");
  EXPECT_EQ(Problem({"book", "p", "1", "--start", "2026-03-02T09:00Z", "--practitioner", "d",
                     "--room", "r", "--device", "pen", "--device", "pen"}),
            "book: --device pen given twice");
  EXPECT_EQ(Problem({"reschedule", "a"}), "reschedule: missing --start");
  EXPECT_EQ(Problem({"reschedule", "--start", "2026-03-02T09:00Z"}),
            "reschedule: missing <appointment-id>");
  EXPECT_EQ(
      Problem({"reschedule", "a", "--start", "2026-03-02T09:00Z", "--start", "2026-03-02T10:00Z"}),
      "reschedule: --start given more than once");
  EXPECT_EQ(Problem({"cancel", "a"}), "cancel: missing --reason");
  EXPECT_EQ(Problem({"cancel", "--reason", "x"}), "cancel: missing <appointment-id>");
}

TEST(ParseSchedulingUsageTest, StartErrors) {
  auto problem = [](const std::string& start) {
    return Problem({"reschedule", "a", "--start", start});
  };
  EXPECT_EQ(problem("2026-03-02T09:00:00"),
            "reschedule: --start: '2026-03-02T09:00:00' has no offset: add Z or one like +01:00");
  EXPECT_EQ(problem("2026-03-02T09:00"),
            "reschedule: --start: '2026-03-02T09:00' has no offset: add Z or one like +01:00");
  for (const char* start : {"2026-03-02", "2026-03-02 09:00Z", "2026-02-30T09:00Z",
                            "2026-03-02T24:00Z", "2026-03-02T9:00Z", "tomorrow"}) {
    EXPECT_EQ(problem(start), "reschedule: --start: '" + std::string(start) +
                                  "' is not an RFC 3339 time: want e.g. "
                                  "2026-03-02T09:00:00+01:00")
        << start;
  }
  EXPECT_EQ(problem("2026-03-02T09:00:61Z"),
            "reschedule: --start: '2026-03-02T09:00:61Z' has malformed seconds: want HH:MM or "
            "HH:MM:SS");
  EXPECT_EQ(problem("2026-03-02T09:00+1:00"),
            "reschedule: --start: '2026-03-02T09:00+1:00' has no offset: add Z or one like "
            "+01:00");
}

TEST(ParseSchedulingUsageTest, AppointmentsErrors) {
  EXPECT_EQ(Problem({"appointments"}), "appointments: missing --patient, --day or --resource");
  EXPECT_EQ(Problem({"appointments", "--include-cancelled"}),
            "appointments: missing --patient, --day or --resource");
  EXPECT_EQ(Problem({"appointments", "--patient", "P", "--day", "2026-03-02"}),
            "appointments: --patient, --day and --resource do not go together: give one");
  EXPECT_EQ(Problem({"appointments", "--day", "today"}),
            "appointments: --day: 'today' is not a date: want YYYY-MM-DD");
}

TEST(ParseSchedulingUsageTest, CompleteErrors) {
  for (const char* depth : {"0", "-1", "10.5", "abc", "1.5mm", "nan", "inf"}) {
    EXPECT_EQ(Problem({"complete", "a", "--depth", depth}),
              "complete: --depth: '" + std::string(depth) +
                  "' is not a needle depth: want millimetres above 0 and at most 10, e.g. 1.5")
        << depth;
  }
  for (const char* product : {"serum", "serum:", ":L1", " : ", "serum: "}) {
    EXPECT_EQ(Problem({"complete", "a", "--product", product}),
              "complete: --product: '" + std::string(product) +
                  "' is not NAME:LOT: want the product and its lot number, e.g. "
                  "'HA serum:L2024-117'")
        << product;
  }
  EXPECT_EQ(Problem({"complete", "a", "--area", "http://snomed.info/sct|1234"}),
            "complete: --area: 'http://snomed.info/sct|1234': complete records Needlework's "
            "treatment-area codes (e.g. face), not SYSTEM|CODE");
  EXPECT_EQ(Problem({"complete", "a", "--depth", "1", "--depth", "2"}),
            "complete: --depth given more than once");
  EXPECT_EQ(Problem({"complete", "a", "--reason", "x"}), "complete: does not take --reason");
}

TEST(ParseSchedulingUsageTest, CalendarErrors) {
  EXPECT_EQ(Problem({"calendar"}), "calendar: missing --patient");
  EXPECT_EQ(Problem({"calendar", "--patient", "P", "--output", "p.ics", "--json"}),
            "calendar: --output and --json do not go together: --output writes the iCalendar "
            "text itself");
  EXPECT_EQ(Problem({"calendar", "--patient", "P", "--output"}),
            "calendar: --output needs a value");
}

TEST(ParseSchedulingUsageTest, ErrorShowsUsageOfThatCommand) {
  EXPECT_EQ(Error({"cancel", "a"}),
            "cancel: missing --reason\n"
            "usage: needleworkctl [global flags] cancel <appointment-id> --reason TEXT\n"
            "Run 'needleworkctl help cancel' for more.");
  std::string hours = Error({"hours"});
  EXPECT_THAT(hours, HasSubstr("usage: needleworkctl [global flags] hours <clinic-id>\n"));
  EXPECT_THAT(hours, HasSubstr("\n       needleworkctl [global flags] hours set <clinic-id> "
                               "<spec>...\n"));
  EXPECT_THAT(Error({"plan", "show"}),
              StartsWith("plan show: missing <plan-id>\nusage: needleworkctl [global flags] "
                         "plan show <plan-id>\n"));
}

}  // namespace
}  // namespace needlework::ctl
