// needlework-plugin-harness answers for each hook in both isolation modes: the real binary,
// the built-in plugins' real .so files, and in process mode a real needlework-plugin-runner.
// Each case checks a field only that hook's rules put in the answer, and the plugin's log
// line on stderr.
#include <gmock/gmock.h>

#include <chrono>
#include <ostream>
#include <string>
#include <vector>

#include "support/child_process.h"

namespace needlework::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct HarnessRun {
  int exit_status = -1;
  std::string out, err;
};

HarnessRun RunHarness(std::vector<std::string> flags) {
  std::vector<std::string> argv = {NEEDLEWORK_HARNESS, "--runner=" NEEDLEWORK_RUNNER};
  argv.insert(argv.end(), flags.begin(), flags.end());
  HarnessRun run;
  run.exit_status = RunProcess(argv, std::chrono::seconds(60), &run.out, &run.err);
  return run;
}

std::string Plugin(const std::string& name) {
  return std::string("--plugin=") + NEEDLEWORK_PLUGIN_DIR + "/needlework_" + name + ".so";
}

std::string Request(const std::string& hook) {
  return std::string("--request=") + NEEDLEWORK_HARNESS_REQUESTS + "/" + hook + ".json";
}

struct HookCase {
  const char* hook;
  const char* plugin;  // built-in plugin (plugins/<name>) that serves the hook
  const char* answer;  // in the answer's JSON
  const char* log;     // in the plugin's log line, or "" when it logs nothing
  const char* mode;
};

void PrintTo(const HookCase& c, std::ostream* out) { *out << c.hook << " " << c.mode; }

class HarnessHookTest : public ::testing::TestWithParam<HookCase> {};

TEST_P(HarnessHookTest, AnswersAndShowsThePluginsLog) {
  const HookCase& c = GetParam();
  HarnessRun run = RunHarness({Plugin(c.plugin), std::string("--hook=") + c.hook, Request(c.hook),
                               std::string("--mode=") + c.mode});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr(c.answer)) << run.out;
  // Process mode's runner announces the limits it runs under; in process there is none.
  if (std::string(c.mode) == "process") {
    EXPECT_THAT(run.err, HasSubstr(R"("event":"runner_limits")")) << run.err;
  } else {
    EXPECT_THAT(run.err, Not(HasSubstr("runner_limits"))) << run.err;
  }
  if (*c.log != '\0') {
    EXPECT_THAT(run.err, HasSubstr(R"("event":"plugin_log")")) << run.err;
    EXPECT_THAT(run.err, HasSubstr(c.log)) << run.err;
  }
}

std::vector<HookCase> Cases() {
  const std::vector<HookCase> hooks = {
      {"screen", "screening", R"("ruleId": "blood-thinners")", "screening config compiled", ""},
      {"plan", "scheduling", R"("sessionCount": 3)", "scheduling config compiled", ""},
      {"check_booking", "scheduling", R"("code": "too-soon")", "scheduling config compiled", ""},
      {"aftercare", "aftercare", R"("id": "avoid-sun")", "aftercare config compiled", ""},
      {"triage", "aftercare", R"("level": "TRIAGE_LEVEL_URGENT")", "aftercare config compiled", ""},
      {"catalog", "prp", R"("code": "prp-serum")", "", ""},
  };
  std::vector<HookCase> cases;
  for (const char* mode : {"in_process", "process"}) {
    for (HookCase c : hooks) {
      c.mode = mode;
      cases.push_back(c);
    }
  }
  return cases;
}

INSTANTIATE_TEST_SUITE_P(EachHookInBothModes, HarnessHookTest, ::testing::ValuesIn(Cases()),
                         [](const auto& test) {
                           return std::string(test.param.hook) + "_" + test.param.mode;
                         });

TEST(HarnessTest, ReadsTheScreenPatientFromAFhirBundle) {
  // A Bundle with a warfarin MedicationRequest, read as the host reads an EMR's: the RxNorm
  // ingredient (11289, warfarin) is filled in, and the blood-thinners rule cites the request.
  for (const char* mode : {"--mode=in_process", "--mode=process"}) {
    HarnessRun run =
        RunHarness({Plugin("screening"), "--hook=screen", Request("screen-concerns"),
                    "--fhir=" NEEDLEWORK_HARNESS_REQUESTS "/screen-fhir-warfarin.json", mode});
    ASSERT_EQ(run.exit_status, 0) << run.err;
    EXPECT_THAT(run.out, HasSubstr(R"("ruleId": "blood-thinners")")) << run.out;
    EXPECT_THAT(run.out, HasSubstr(R"("sourceRef": "MedicationRequest/harness-warfarin")"));
  }
}

TEST(HarnessTest, AppliesAConfigPatchAndShowsARefusal) {
  HarnessRun run = RunHarness(
      {Plugin("screening"), "--hook=screen", Request("screen"), R"(--config={"colour": "red"})"});
  EXPECT_EQ(run.exit_status, 1);
  EXPECT_THAT(run.err, HasSubstr("INVALID_ARGUMENT: org.needlework.screening refused the config"));
  EXPECT_THAT(run.err, HasSubstr(R"(config: unknown key "colour")"));
}

TEST(HarnessTest, NamesAHookThePluginDoesNotServeAndAnUnknownOne) {
  HarnessRun run = RunHarness({Plugin("prp"), "--hook=plan"});
  EXPECT_EQ(run.exit_status, 1);
  EXPECT_THAT(run.err, HasSubstr("org.needlework.prp does not list the hook plan"));
  run = RunHarness({Plugin("prp"), "--hook=scren"});
  EXPECT_EQ(run.exit_status, 1);
  EXPECT_THAT(run.err, HasSubstr("unknown hook \"scren\"; the hooks are screen, plan,"));
}

TEST(HarnessTest, HelpAndUsage) {
  HarnessRun run = RunHarness({"--help"});
  EXPECT_EQ(run.exit_status, 0);
  EXPECT_THAT(run.out, HasSubstr("--mode=<mode>"));
  run = RunHarness({"--hook=screen"});
  EXPECT_EQ(run.exit_status, 2);
  EXPECT_THAT(run.err, HasSubstr("--plugin and --hook are required"));
}

}  // namespace
}  // namespace needlework::testing
