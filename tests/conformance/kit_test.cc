// The conformance kit, run as a vendor runs it (needlework_conformance_runner --plugin=...)
// against a plugin with one flaw at a time: each flaw fails exactly the check meant to catch
// it, with a message naming the problem, and the kit itself always survives to say so.
#include <gmock/gmock.h>

#include <chrono>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/child_process.h"

namespace needlework::conformance {
namespace {

using ::needlework::testing::RunProcess;
using ::testing::HasSubstr;

struct KitRun {
  int exit_status = -1;          // the exit code; 128 + signal when one ended the runner
  std::string output;            // stdout and stderr
  std::set<std::string> failed;  // the checks gtest listed as failed
};

// The failed test names from gtest's "[  FAILED  ] Conformance.X" lines.
std::set<std::string> FailedChecks(const std::string& output) {
  std::set<std::string> failed;
  std::istringstream lines(output);
  const std::string marker = "[  FAILED  ] Conformance.";
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(marker, 0) != 0) continue;
    failed.insert(
        line.substr(marker.size(), line.find_first_of(" ,", marker.size()) - marker.size()));
  }
  return failed;
}

// Runs the kit on the bad citizen with NEEDLEWORK_BAD_CITIZEN_FLAW=`flaw` and `extra` flags.
KitRun RunKit(const std::string& flaw, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {NEEDLEWORK_CONFORMANCE_RUNNER,
                                   "--plugin=" NEEDLEWORK_BAD_CITIZEN, "--deadline-ms=100",
                                   "--random-requests=8"};
  args.insert(args.end(), extra.begin(), extra.end());
  KitRun run;
  std::string err;
  run.exit_status = RunProcess(args, std::chrono::seconds(100), &run.output, &err,
                               {{"NEEDLEWORK_BAD_CITIZEN_FLAW", flaw}});
  run.output += err;
  run.failed = FailedChecks(run.output);
  return run;
}

TEST(ConformanceKitTest, AGoodCitizenPassesEveryCheck) {
  KitRun run = RunKit("");
  EXPECT_EQ(run.exit_status, 0) << run.output;
  EXPECT_THAT(run.output, HasSubstr("[  PASSED  ] 9 tests."));
}

TEST(ConformanceKitTest, TheVendorsSamplesAreSentToo) {
  KitRun run = RunKit("", {"--samples=" NEEDLEWORK_SAMPLES_DIR "/screening"});
  EXPECT_EQ(run.exit_status, 0) << run.output;
  // A sample file that names no hook, and one that is not a request, fail the samples check.
  run = RunKit("", {"--samples=" NEEDLEWORK_SAMPLES_DIR "/broken"});
  EXPECT_EQ(run.failed, std::set<std::string>{"EveryHookAnswersItsSamples"}) << run.output;
  EXPECT_THAT(run.output, HasSubstr("screne.json: not a sample"));
  EXPECT_THAT(run.output, HasSubstr("not a needlework.plugin.v1.ScreenRequest in proto3 JSON"));
}

TEST(ConformanceKitTest, TheVendorsExpectedAnswersAreChecked) {
  KitRun run = RunKit("", {"--samples=" NEEDLEWORK_SAMPLES_DIR "/expected"});
  EXPECT_EQ(run.exit_status, 0) << run.output;
  // The citizen answers ELIGIBLE without findings; the sample expects a finding, and an
  // expected answer without its request is a typo the samples check names.
  run = RunKit("", {"--samples=" NEEDLEWORK_SAMPLES_DIR "/wrong-answer"});
  EXPECT_EQ(run.failed, (std::set<std::string>{"EveryHookAnswersItsSamples",
                                               "SamplesGiveTheirExpectedAnswers"}))
      << run.output;
  EXPECT_THAT(run.output, HasSubstr("screen, sample screen-warfarin.json: outcome: expected "
                                    "\"OUTCOME_REVIEW_REQUIRED\", got \"OUTCOME_ELIGIBLE\""));
  EXPECT_THAT(run.output, HasSubstr(R"(findings: expected [{"ruleId":"anticoagulant"}], )"
                                    "the answer has none"));
  EXPECT_THAT(run.output, HasSubstr("screen-orphan.expected.json: an expected answer without"));
}

TEST(ConformanceKitTest, TheRunnerAnswersHelp) {
  std::string out, err;
  EXPECT_EQ(
      RunProcess({NEEDLEWORK_CONFORMANCE_RUNNER, "--help"}, std::chrono::seconds(30), &out, &err),
      0)
      << err;
  EXPECT_THAT(out, HasSubstr("--plugin=<file.so>"));
  EXPECT_THAT(out, HasSubstr(".expected.json"));
  // A flag it does not know is still refused, with the usage.
  EXPECT_EQ(RunProcess({NEEDLEWORK_CONFORMANCE_RUNNER, "--colour=red"}, std::chrono::seconds(30),
                       &out, &err),
            2);
  EXPECT_THAT(err, HasSubstr("unknown or malformed flag --colour=red"));
}

TEST(ConformanceKitTest, AVendorsBadConfigMustBeRefused) {
  // The clean citizen accepts any string outcome, so this "bad" config is accepted.
  KitRun run = RunKit("", {R"(--bad-config={"outcome": "defer"})"});
  EXPECT_EQ(run.failed, std::set<std::string>{"BadConfigsAreRefused"}) << run.output;
  EXPECT_THAT(run.output, HasSubstr(R"(BAD_CONFIG {"outcome": "defer"} must be refused)"));
}

struct Flaw {
  const char* flaw;
  std::set<std::string> checks;  // the checks that must fail, and no other
  const char* reason;            // in a failure message
};

void PrintTo(const Flaw& flaw, std::ostream* out) { *out << flaw.flaw; }

class FlawTest : public ::testing::TestWithParam<Flaw> {};

TEST_P(FlawTest, FailsExactlyTheChecksThatCoverIt) {
  const Flaw& flaw = GetParam();
  KitRun run = RunKit(flaw.flaw);
  EXPECT_EQ(run.exit_status, 1) << "the kit must report failure, not crash:\n" << run.output;
  EXPECT_EQ(run.failed, flaw.checks) << run.output;
  EXPECT_THAT(run.output, HasSubstr(flaw.reason));
}

INSTANTIATE_TEST_SUITE_P(
    BadCitizen, FlawTest,
    ::testing::Values(
        Flaw{"wrong_key",
             {"VersionBlockIsAcceptedByThisHost"},
             "build_key 'itanium/libc++/protobuf-9999999' differs"},
        Flaw{"older_layout",
             {"VersionBlockIsAcceptedByThisHost"},
             "differs from the host's, so the plugin was built against another SDK: "
             "needlework.plugin.v1.ScreenRequest; rebuild it against Needlework SDK"},
        Flaw{"bad_manifest", {"ManifestIsWellFormedAndStable"}, "is not reverse-DNS"},
        Flaw{"unstable_manifest",
             {"ManifestIsWellFormedAndStable"},
             "describe() twice gave version"},
        Flaw{"accept_any_config",
             {"BadConfigsAreRefused"},
             "a JSON array as config must be refused"},
        // Its wrongly typed configs are refused without a message too.
        Flaw{"no_message",
             {"BadConfigsAreRefused", "NoExceptionEscapes"},
             "returned INVALID_ARGUMENT without a message"},
        Flaw{"throw_on_odd_config",
             {"NoExceptionEscapes"},
             "an exception escaped through the C ABI"},
        Flaw{"crash_on_malformed", {"MalformedRequestsGetAnAnswer"}, "killed by signal 6"},
        Flaw{"throw_on_malformed",
             {"MalformedRequestsGetAnAnswer"},
             "an exception escaped through the C ABI: the request did not parse"},
        Flaw{"hang_on_malformed", {"MalformedRequestsGetAnAnswer"}, "hung: no answer within"},
        Flaw{"slow", {"EveryHookAnswersWithinTheDeadline"}, "the host's deadline is 100 ms"},
        // It answers the empty request with garbage too.
        Flaw{"garbage_answer",
             {"EveryHookAnswersItsSamples", "MalformedRequestsGetAnAnswer"},
             "not a well-formed needlework.plugin.v1.ScreenResponse"},
        Flaw{"ok_for_unknown_hooks", {"NoExceptionEscapes"}, "unknown hook 1000 was answered OK"}),
    [](const auto& test) { return std::string(test.param.flaw); });

}  // namespace
}  // namespace needlework::conformance
