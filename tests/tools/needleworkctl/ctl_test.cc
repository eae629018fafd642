// RunCtl in-process, on the paths that end before any host answers: help, usage errors,
// local file errors, and a host that is not there. The calls that reach a real
// needlework-host are in the integration tests.
#include "ctl.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "temp_files.h"

namespace needlework::ctl {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

struct Result {
  int exit_code;
  std::string out;
  std::string err;
};

class RunCtlTest : public TempFilesTest {
 protected:
  // Runs with a host address where no host listens: a unix socket path that does not exist.
  Result Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--address", "unix:" + PathOf("no-host.sock")});
    std::ostringstream out;
    std::ostringstream err;
    int exit_code = RunCtl(args, Environment(), out, err);
    return {exit_code, out.str(), err.str()};
  }
};

TEST_F(RunCtlTest, HelpGoesToStdoutAndExitsZero) {
  Result result = Run({"help"});
  EXPECT_EQ(result.exit_code, kExitOk);
  EXPECT_THAT(result.out, HasSubstr("Commands:\n"));
  EXPECT_THAT(result.out,
              HasSubstr("  plugin configure  Change a clinic's config for a plugin\n"));
  EXPECT_EQ(result.err, "");
}

// The version of the build, as the packages carry it (PROJECT_VERSION), and no host call.
TEST_F(RunCtlTest, VersionAnywhereOnTheLinePrintsTheProjectVersion) {
  for (const std::vector<std::string>& line : std::vector<std::vector<std::string>>{
           {"--version"}, {"version"}, {"plugins", "--version"}, {"--bogus", "--version"}}) {
    Result result = Run(line);
    EXPECT_EQ(result.exit_code, kExitOk) << line[0];
    EXPECT_EQ(result.out, std::string("needleworkctl ") + NEEDLEWORK_EXPECTED_VERSION + "\n");
    EXPECT_EQ(result.err, "");
  }
  EXPECT_EQ(Run({"version", "now"}).exit_code, kExitUsage);
  EXPECT_THAT(Run({"help"}).out, HasSubstr("--version"));
}

TEST_F(RunCtlTest, HelpOfOneCommand) {
  Result result = Run({"screen", "--help"});
  EXPECT_EQ(result.exit_code, kExitOk);
  EXPECT_THAT(result.out, StartsWith("usage: needleworkctl [global flags] screen --fhir FILE"));
  EXPECT_THAT(result.out, HasSubstr("Exits 0 whatever the outcome"));
}

TEST_F(RunCtlTest, UsageErrorGoesToStderrAndExitsTwo) {
  Result result = Run({"plugin", "enable", "aurora"});
  EXPECT_EQ(result.exit_code, kExitUsage);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "needleworkctl: plugin enable: missing <plugin-id>\n"
            "usage: needleworkctl [global flags] plugin enable <clinic-id> <plugin-id> "
            "[--config JSON|@FILE]\n"
            "Run 'needleworkctl help plugin enable' for more.\n");
}

TEST_F(RunCtlTest, UnreadableFhirFileExitsTwoBeforeAnyCall) {
  std::string absent = PathOf("absent.json");
  Result result = Run({"screen", "--fhir", absent});
  EXPECT_EQ(result.exit_code, kExitUsage);
  EXPECT_EQ(result.err, "needleworkctl: cannot read '" + absent + "': No such file or directory\n");
}

TEST_F(RunCtlTest, UnreadableConfigFileExitsTwoBeforeAnyCall) {
  std::string absent = PathOf("absent.json");
  Result result = Run({"plugin", "configure", "aurora", "com.acme.rf", "--config", "@" + absent});
  EXPECT_EQ(result.exit_code, kExitUsage);
  EXPECT_EQ(result.err, "needleworkctl: cannot read '" + absent + "': No such file or directory\n");
}

TEST_F(RunCtlTest, MalformedInlineConfigExitsTwo) {
  Result result = Run({"plugin", "enable", "aurora", "com.acme.rf", "--config", "{depth: 1"});
  EXPECT_EQ(result.exit_code, kExitUsage);
  EXPECT_THAT(result.err, StartsWith("needleworkctl: --config is not a JSON object: "));
}

TEST_F(RunCtlTest, HelpListsTheSchedulingCommands) {
  Result result = Run({"help"});
  EXPECT_THAT(result.out,
              HasSubstr("  hours set         Replace a clinic's weekly opening hours\n"));
  EXPECT_THAT(result.out,
              HasSubstr("  slots             Find free times for one session of a plan\n"));
  EXPECT_THAT(result.out, HasSubstr("  calendar          Export a patient's booked sessions as "
                                    "iCalendar\n"));
  Result hours = Run({"help", "hours"});
  EXPECT_EQ(hours.exit_code, kExitOk);
  EXPECT_THAT(hours.out, StartsWith("usage: needleworkctl [global flags] hours <clinic-id>\n"
                                    "       needleworkctl [global flags] hours set <clinic-id> "
                                    "<spec>...\n"));
  EXPECT_THAT(Run({"hours", "set", "--help"}).out, HasSubstr("  sun closed"));
}

TEST_F(RunCtlTest, HelpListsTheAftercareCommands) {
  Result result = Run({"help"});
  EXPECT_THAT(result.out, HasSubstr("  messages sent     Mark patient messages sent\n"));
  EXPECT_THAT(result.out, HasSubstr("  symptom           Report a symptom after a session and get "
                                    "its triage\n"));
  Result messages = Run({"help", "messages"});
  EXPECT_EQ(messages.exit_code, kExitOk);
  EXPECT_THAT(messages.out,
              StartsWith("usage: needleworkctl [global flags] messages due [--up-to TIME] "
                         "[--limit N]\n"
                         "       needleworkctl [global flags] messages sent <message-id>...\n"));
  EXPECT_THAT(Run({"symptom", "--help"}).out, HasSubstr("contact the clinic or URGENT"));
}

TEST_F(RunCtlTest, HelpListsTherapiesAndTheAddOnFlags) {
  Result result = Run({"help"});
  EXPECT_THAT(result.out, HasSubstr("  therapies         List the base treatment and add-ons the "
                                    "clinic offers\n"));
  EXPECT_THAT(result.out, HasSubstr("`emr` token for\n                     therapies, screen"));
  EXPECT_THAT(Run({"help", "therapies"}).out,
              StartsWith("usage: needleworkctl [global flags] therapies\n"));
  EXPECT_THAT(Run({"screen", "--help"}).out, HasSubstr("--add-on prp-serum"));
  EXPECT_THAT(Run({"plan", "propose", "--help"}).out, HasSubstr("[--add-on CODE ...]"));
  EXPECT_THAT(Run({"help", "plan", "create"}).out, HasSubstr("--severity and --add-on as"));
  Result complete = Run({"help", "complete"});
  EXPECT_THAT(complete.out, HasSubstr("[--add-on CODE ...]"));
  EXPECT_THAT(complete.out, HasSubstr("--product <add-on code>:<lot>, e.g. --product "
                                      "ha-serum:LOT-7"));
}

TEST_F(RunCtlTest, UsageErrorOfAnAftercareCommandExitsTwo) {
  Result result = Run({"symptom", "ap-1", "--symptom", "redness", "--severity", "awful"});
  EXPECT_EQ(result.exit_code, kExitUsage);
  EXPECT_EQ(result.out, "");
  EXPECT_THAT(result.err, StartsWith("needleworkctl: symptom: --severity: 'awful' is not a "
                                     "symptom severity: want mild|moderate|severe\n"));
}

TEST_F(RunCtlTest, UsageErrorOfASchedulingCommandExitsTwo) {
  Result result = Run({"slots", "pl-1", "1", "--from", "2026-03-10", "--to", "2026-03-01"});
  EXPECT_EQ(result.exit_code, kExitUsage);
  EXPECT_EQ(result.out, "");
  EXPECT_THAT(result.err,
              StartsWith("needleworkctl: slots: --to 2026-03-01 is before --from 2026-03-10\n"));
}

TEST_F(RunCtlTest, UnreadableProposalOrFhirFileExitsTwoBeforeAnyCall) {
  std::string absent = PathOf("absent.json");
  for (const char* flag : {"--from-proposal", "--fhir"}) {
    Result result = Run({"plan", "create", "--patient", "P/1", "--screening", "scr_1",
                         "--screening-outcome", "eligible", flag, absent});
    EXPECT_EQ(result.exit_code, kExitUsage) << flag;
    EXPECT_EQ(result.err,
              "needleworkctl: cannot read '" + absent + "': No such file or directory\n")
        << flag;
  }
  Result propose = Run({"plan", "propose", "--fhir", absent});
  EXPECT_EQ(propose.exit_code, kExitUsage);
}

TEST_F(RunCtlTest, ProposalWithoutSessionsExitsTwoBeforeAnyCall) {
  std::string empty = Write("empty.json", "{}");
  Result result = Run({"plan", "create", "--patient", "P/1", "--screening", "scr_1",
                       "--screening-outcome", "eligible", "--from-proposal", empty});
  EXPECT_EQ(result.exit_code, kExitUsage);
  EXPECT_EQ(result.err,
            "needleworkctl: proposal file '" + empty + "' holds no plan: its sessionCount is 0\n");
}

TEST_F(RunCtlTest, CalendarWritesNoFileWhenTheCallFails) {
  Result result = Run({"calendar", "--patient", "P/1", "--output", PathOf("p.ics")});
  EXPECT_EQ(result.exit_code, kExitRpcError);
  EXPECT_FALSE(std::filesystem::exists(PathOf("p.ics")));
}

struct RpcCase {
  std::vector<std::string> args;
  std::string rpc;
};

TEST_F(RunCtlTest, NoHostExitsOneNamingTheRpcWithAHint) {
  std::string patient = Write("p.json", R"({"resourceType": "Patient"})");
  std::string proposal = Write("proposal.json", R"({"sessionCount": 3})");
  const RpcCase cases[] = {
      {{"plugins"}, "ListPlugins"},
      {{"clinics"}, "ListClinics"},
      {{"clinic", "create", "aurora"}, "CreateClinic"},
      {{"clinic", "plugins", "aurora"}, "ListClinicPlugins"},
      {{"plugin", "enable", "aurora", "p"}, "EnablePlugin"},
      {{"plugin", "disable", "aurora", "p"}, "DisablePlugin"},
      {{"plugin", "configure", "aurora", "p", "--config", "{}"}, "SetPluginConfig"},
      {{"screen", "--fhir", patient, "--json"}, "Screen"},
      {{"screen", "--fhir", patient, "--add-on", "prp-serum"}, "Screen"},
      {{"therapies"}, "ListTherapies"},
      {{"clinic", "time-zone", "aurora", "Europe/London"}, "SetClinicTimeZone"},
      {{"resources", "aurora"}, "ListResources"},
      {{"resource", "add", "aurora", "room-1", "--type", "room"}, "UpsertResource"},
      {{"hours", "aurora"}, "GetOpeningHours"},
      {{"hours", "set", "aurora", "mon-fri 09:00-17:00"}, "SetOpeningHours"},
      {{"plan", "propose", "--fhir", patient}, "ProposePlan"},
      {{"plan", "create", "--patient", "P/1", "--fhir", patient, "--screening", "scr_1",
        "--screening-outcome", "eligible"},
       "ProposePlan"},
      {{"plan", "create", "--patient", "P/1", "--from-proposal", proposal, "--screening", "scr_1",
        "--screening-outcome", "eligible"},
       "CreatePlan"},
      {{"plans", "--patient", "P/1"}, "ListPlans"},
      {{"plan", "show", "pl-1"}, "GetPlan"},
      {{"plan", "cancel", "pl-1", "--reason", "moved"}, "CancelPlan"},
      {{"slots", "pl-1", "1", "--from", "2026-03-01", "--to", "2026-03-31"}, "FindSlots"},
      {{"book", "pl-1", "1", "--start", "2026-03-02T09:00Z", "--practitioner", "d", "--room", "r"},
       "Book"},
      {{"reschedule", "ap-1", "--start", "2026-03-02T09:00Z"}, "Reschedule"},
      {{"cancel", "ap-1", "--reason", "ill"}, "Cancel"},
      {{"appointments", "--day", "2026-03-02"}, "ListAppointments"},
      {{"complete", "ap-1", "--depth", "1"}, "CompleteSession"},
      {{"calendar", "--patient", "P/1"}, "ExportCalendar"},
      {{"calendar", "--patient", "P/1", "--output", PathOf("p.ics")}, "ExportCalendar"},
      {{"aftercare", "ap-1"}, "GetAftercarePlan"},
      {{"messages", "due", "--limit", "5"}, "ListDueMessages"},
      {{"messages", "sent", "m-1", "m-2"}, "MarkMessagesSent"},
      {{"symptom", "ap-1", "--symptom", "redness", "--severity", "mild"}, "ReportSymptom"},
      {{"symptoms", "--patient", "P/1"}, "ListSymptomReports"},
  };
  for (const RpcCase& rpc_case : cases) {
    Result result = Run(rpc_case.args);
    EXPECT_EQ(result.exit_code, kExitRpcError) << rpc_case.rpc;
    EXPECT_EQ(result.out, "") << rpc_case.rpc;
    EXPECT_THAT(result.err, StartsWith("needleworkctl: " + rpc_case.rpc + ": UNAVAILABLE: "));
    EXPECT_THAT(result.err, HasSubstr("\nneedleworkctl: hint: is needlework-host running at unix:" +
                                      PathOf("no-host.sock") + "?\n"));
  }
}

}  // namespace
}  // namespace needlework::ctl
