// The conformance kit, run as a vendor runs it (needlework_conformance_runner --plugin=...)
// against a plugin with one flaw at a time: each flaw fails exactly the check meant to catch
// it, with a message naming the problem, and the kit itself always survives to say so.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <sys/wait.h>
#include <unistd.h>

#include <ostream>
#include <set>
#include <sstream>
#include <string>

namespace needlework::conformance {
namespace {

using ::testing::HasSubstr;

struct KitRun {
  int exit_status = -1;          // -1 unless the runner exited normally
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

// Runs the kit on the bad citizen with NEEDLEWORK_BAD_CITIZEN_FLAW=`flaw`.
KitRun RunKit(const std::string& flaw) {
  int fds[2];
  EXPECT_EQ(pipe(fds), 0);
  pid_t child = fork();
  if (child == 0) {
    dup2(fds[1], STDOUT_FILENO);
    dup2(fds[1], STDERR_FILENO);
    close(fds[0]);
    setenv("NEEDLEWORK_BAD_CITIZEN_FLAW", flaw.c_str(), 1);
    execl(NEEDLEWORK_CONFORMANCE_RUNNER, NEEDLEWORK_CONFORMANCE_RUNNER,
          "--plugin=" NEEDLEWORK_BAD_CITIZEN, "--deadline-ms=100", "--random-requests=8",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fds[1]);
  KitRun run;
  char buffer[4096];
  for (ssize_t n; (n = read(fds[0], buffer, sizeof(buffer))) > 0;) run.output.append(buffer, n);
  close(fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  if (WIFEXITED(status)) run.exit_status = WEXITSTATUS(status);
  run.failed = FailedChecks(run.output);
  return run;
}

TEST(ConformanceKitTest, AGoodCitizenPassesEveryCheck) {
  KitRun run = RunKit("");
  EXPECT_EQ(run.exit_status, 0) << run.output;
  EXPECT_THAT(run.output, HasSubstr("[  PASSED  ] 8 tests."));
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
