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
              HasSubstr("  plugin configure  Replace a clinic's config for a plugin\n"));
  EXPECT_EQ(result.err, "");
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

struct RpcCase {
  std::vector<std::string> args;
  std::string rpc;
};

TEST_F(RunCtlTest, NoHostExitsOneNamingTheRpcWithAHint) {
  std::string patient = Write("p.json", R"({"resourceType": "Patient"})");
  const RpcCase cases[] = {
      {{"plugins"}, "ListPlugins"},
      {{"clinics"}, "ListClinics"},
      {{"clinic", "create", "aurora"}, "CreateClinic"},
      {{"clinic", "plugins", "aurora"}, "ListClinicPlugins"},
      {{"plugin", "enable", "aurora", "p"}, "EnablePlugin"},
      {{"plugin", "disable", "aurora", "p"}, "DisablePlugin"},
      {{"plugin", "configure", "aurora", "p", "--config", "{}"}, "SetPluginConfig"},
      {{"screen", "--fhir", patient, "--json"}, "Screen"},
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
