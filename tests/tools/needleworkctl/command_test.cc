#include "command.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "commands/clinics.h"
#include "commands/help.h"
#include "commands/screening.h"
#include "needlework/code_systems.h"
#include "parse_helpers.h"

namespace needlework::ctl {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST(ParseArgsTest, PluginsWithDefaults) {
  auto command = Parse<ClinicArgs>({"plugins"});
  EXPECT_EQ(command.name, "plugins");
  EXPECT_EQ(command.options.address, "127.0.0.1:50051");
  EXPECT_EQ(command.options.token, "");
  EXPECT_FALSE(command.options.json);
  EXPECT_EQ(command.options.timeout, std::chrono::seconds(10));
}

TEST(ParseArgsTest, Clinics) { EXPECT_EQ(Parse<ClinicArgs>({"clinics"}).name, "clinics"); }

TEST(ParseArgsTest, ClinicCreateWithName) {
  auto command = Parse<ClinicArgs>({"clinic", "create", "aurora", "--name", "Aurora Skin"});
  EXPECT_EQ(command.name, "clinic create");
  EXPECT_EQ(command.clinic_id, "aurora");
  EXPECT_EQ(command.display_name, "Aurora Skin");
}

TEST(ParseArgsTest, ClinicCreateWithoutName) {
  auto command = Parse<ClinicArgs>({"clinic", "create", "aurora"});
  EXPECT_EQ(command.clinic_id, "aurora");
  EXPECT_EQ(command.display_name, "");
}

TEST(ParseArgsTest, ClinicPlugins) {
  auto command = Parse<ClinicArgs>({"clinic", "plugins", "aurora"});
  EXPECT_EQ(command.name, "clinic plugins");
  EXPECT_EQ(command.clinic_id, "aurora");
}

TEST(ParseArgsTest, PluginEnableWithoutConfig) {
  auto command = Parse<ClinicArgs>({"plugin", "enable", "aurora", "com.acme.rf"});
  EXPECT_EQ(command.name, "plugin enable");
  EXPECT_EQ(command.clinic_id, "aurora");
  EXPECT_EQ(command.plugin_id, "com.acme.rf");
  EXPECT_FALSE(command.config.has_value());
}

TEST(ParseArgsTest, PluginEnableWithConfig) {
  auto command = Parse<ClinicArgs>({"plugin", "enable", "aurora", "com.acme.rf", "--config", "{}"});
  EXPECT_EQ(command.config, "{}");
}

TEST(ParseArgsTest, PluginDisable) {
  auto command = Parse<ClinicArgs>({"plugin", "disable", "aurora", "com.acme.rf"});
  EXPECT_EQ(command.name, "plugin disable");
  EXPECT_EQ(command.plugin_id, "com.acme.rf");
}

TEST(ParseArgsTest, PluginConfigureKeepsFileArgument) {
  auto command =
      Parse<ClinicArgs>({"plugin", "configure", "aurora", "com.acme.rf", "--config", "@c.json"});
  EXPECT_EQ(command.name, "plugin configure");
  EXPECT_EQ(command.config, "@c.json");  // read when the request is built
}

TEST(ParseArgsTest, ScreenCollectsFilesAndCodesInOrder) {
  auto command = Parse<PatientArgs>({"screen", "--fhir", "a.json", "--concern", "acne-scars",
                                     "--fhir", "b.json", "--area", "face", "--area", "neck",
                                     "--concern", "http://snomed.info/sct|12345"});
  EXPECT_EQ(command.name, "screen");
  EXPECT_THAT(command.fhir_files, ElementsAre("a.json", "b.json"));
  ASSERT_EQ(command.concerns.size(), 2u);
  EXPECT_EQ(command.concerns[0].system(), code_systems::kConcern);
  EXPECT_EQ(command.concerns[0].code(), "acne-scars");
  EXPECT_EQ(command.concerns[1].system(), code_systems::kSnomed);
  EXPECT_EQ(command.concerns[1].code(), "12345");
  ASSERT_EQ(command.areas.size(), 2u);
  EXPECT_EQ(command.areas[0].system(), code_systems::kTreatmentArea);
  EXPECT_EQ(command.areas[1].code(), "neck");
}

TEST(ParseArgsTest, HelpTopics) {
  EXPECT_EQ(Parse<HelpArgs>({"help"}).name, "help");
  EXPECT_EQ(Parse<HelpArgs>({"help"}).help_topic, "");
  EXPECT_EQ(Parse<HelpArgs>({"help", "clinic", "create"}).help_topic, "clinic create");
  EXPECT_EQ(Parse<HelpArgs>({"help", "plugin"}).help_topic, "plugin");
  EXPECT_EQ(Parse<HelpArgs>({"help", "screen"}).help_topic, "screen");
}

TEST(ParseArgsTest, HelpFlagGivesHelpOfTheCommand) {
  EXPECT_EQ(Parse({"--help"}).name, "help");
  EXPECT_EQ(Parse<HelpArgs>({"-h"}).help_topic, "");
  EXPECT_EQ(Parse<HelpArgs>({"clinic", "create", "--help"}).help_topic, "clinic create");
  // Help wins over what else is wrong on the line.
  EXPECT_EQ(Parse<HelpArgs>({"plugin", "enable", "-h", "--bogus"}).help_topic, "plugin enable");
}

TEST(ParseArgsTest, GlobalFlagsAnywhere) {
  auto before = Parse<ClinicArgs>({"--json", "--timeout", "2", "plugins"});
  auto after = Parse<ClinicArgs>({"plugins", "--json", "--timeout", "2"});
  for (const auto& command : {before, after}) {
    EXPECT_EQ(command.name, "plugins");
    EXPECT_TRUE(command.options.json);
    EXPECT_EQ(command.options.timeout, std::chrono::seconds(2));
  }
}

TEST(ParseArgsTest, FlagEqualsValue) {
  auto command =
      Parse<ClinicArgs>({"--address=unix:/run/nw.sock", "clinic", "create", "a", "--name=A"});
  EXPECT_EQ(command.options.address, "unix:/run/nw.sock");
  EXPECT_EQ(command.display_name, "A");
}

TEST(ParseArgsTest, DoubleDashEndsFlags) {
  auto command = Parse<ClinicArgs>({"clinic", "create", "--", "-odd"});
  EXPECT_EQ(command.clinic_id, "-odd");
}

TEST(ParseArgsTest, FractionalTimeoutRoundsUpToMilliseconds) {
  EXPECT_EQ(Parse<ClinicArgs>({"plugins", "--timeout", "0.5"}).options.timeout,
            std::chrono::milliseconds(500));
  EXPECT_EQ(Parse<ClinicArgs>({"plugins", "--timeout", "0.0001"}).options.timeout,
            std::chrono::milliseconds(1));
}

TEST(ParseArgsTest, EnvironmentGivesAddressAndToken) {
  Environment env{.address = "unix:/run/nw.sock", .token = "env-token"};
  auto command = Parse<ClinicArgs>({"plugins"}, env);
  EXPECT_EQ(command.options.address, "unix:/run/nw.sock");
  EXPECT_EQ(command.options.token, "env-token");
}

TEST(ParseArgsTest, FlagsWinOverEnvironment) {
  Environment env{.address = "unix:/run/nw.sock", .token = "env-token"};
  auto command =
      Parse<ClinicArgs>({"plugins", "--address", "127.0.0.1:6000", "--token", "flag-token"}, env);
  EXPECT_EQ(command.options.address, "127.0.0.1:6000");
  EXPECT_EQ(command.options.token, "flag-token");
}

TEST(ParseArgsUsageTest, CommandErrors) {
  EXPECT_EQ(Problem({}), "no command given");
  EXPECT_EQ(Problem({"frobnicate"}), "unknown command 'frobnicate'");
  EXPECT_EQ(Problem({"frobnicate", "--help"}), "unknown command 'frobnicate'");
  EXPECT_EQ(Problem({"clinic"}), "clinic: missing subcommand");
  EXPECT_EQ(Problem({"clinic", "delete", "a"}), "clinic: unknown subcommand 'delete'");
  EXPECT_EQ(Problem({"plugin"}), "plugin: missing subcommand");
  EXPECT_EQ(Problem({"help", "frobnicate"}), "help: no command 'frobnicate'");
}

TEST(ParseArgsUsageTest, ArgumentErrors) {
  EXPECT_EQ(Problem({"clinic", "create"}), "clinic create: missing <clinic-id>");
  EXPECT_EQ(Problem({"clinic", "create", "a", "b"}), "clinic create: unexpected argument 'b'");
  EXPECT_EQ(Problem({"clinic", "plugins"}), "clinic plugins: missing <clinic-id>");
  EXPECT_EQ(Problem({"plugin", "enable", "a"}), "plugin enable: missing <plugin-id>");
  EXPECT_EQ(Problem({"plugin", "disable"}), "plugin disable: missing <clinic-id>");
  EXPECT_EQ(Problem({"plugin", "configure", "a", "p"}), "plugin configure: missing --config");
  EXPECT_EQ(Problem({"plugins", "extra"}), "plugins: unexpected argument 'extra'");
  EXPECT_EQ(Problem({"screen"}), "screen: missing --fhir");
  EXPECT_EQ(Problem({"screen", "--concern", "face"}), "screen: missing --fhir");
}

TEST(ParseArgsUsageTest, FlagErrors) {
  EXPECT_EQ(Problem({"plugins", "--bogus"}), "plugins: unknown flag '--bogus'");
  EXPECT_EQ(Problem({"plugins", "-x"}), "plugins: unknown flag '-x'");
  EXPECT_EQ(Problem({"clinic", "create", "a", "--name"}), "clinic create: --name needs a value");
  EXPECT_EQ(Problem({"clinic", "create", "a", "--name", "--json"}),
            "clinic create: --name needs a value");
  EXPECT_EQ(Problem({"plugins", "--json=yes"}), "plugins: --json takes no value");
  EXPECT_EQ(Problem({"plugins", "--fhir", "a.json"}), "plugins: does not take --fhir");
  EXPECT_EQ(Problem({"clinic", "create", "a", "--config", "{}"}),
            "clinic create: does not take --config");
  EXPECT_EQ(Problem({"clinic", "create", "a", "--name", "x", "--name", "y"}),
            "clinic create: --name given more than once");
  EXPECT_EQ(Problem({"plugins", "--json", "--json"}), "plugins: --json given more than once");
}

TEST(ParseArgsUsageTest, ValueErrors) {
  for (const char* timeout : {"0", "-1", "abc", "10s", "1e9", "nan", ""}) {
    EXPECT_THAT(Problem({"plugins", std::string("--timeout=") + timeout}),
                StartsWith("plugins: --timeout wants a number of seconds"))
        << timeout;
  }
  EXPECT_EQ(Problem({"plugins", "--address="}), "plugins: --address is empty");
  EXPECT_EQ(Problem({"plugins", "--token", "a b"}),
            "plugins: the token holds spaces or control characters");
  EXPECT_EQ(Problem({"screen", "--fhir="}), "screen: --fhir is empty");
  EXPECT_EQ(Problem({"screen", "--fhir", "a", "--concern="}), "screen: --concern is empty");
  EXPECT_EQ(Problem({"screen", "--fhir", "a", "--area", "sys|"}),
            "screen: --area: 'sys|' is not a code: want CODE or SYSTEM|CODE, without spaces");
  EXPECT_EQ(Problem({"plugin", "enable", "a", "p", "--config", "@"}),
            "plugin enable: --config @FILE needs a file name");
}

TEST(ParseArgsUsageTest, EnvironmentTokenIsCheckedToo) {
  Environment env;
  env.token = "line\nbreak";
  StatusOr<ParsedCommand> command = ParseArgs({"plugins"}, env);
  ASSERT_FALSE(command.ok());
  EXPECT_THAT(command.status().message(), HasSubstr("the token holds spaces"));
}

TEST(ParseArgsUsageTest, ErrorShowsUsageOfThatCommand) {
  EXPECT_EQ(Error({"clinic", "create"}),
            "clinic create: missing <clinic-id>\n"
            "usage: needleworkctl [global flags] clinic create <clinic-id> [--name NAME] "
            "[--time-zone IANA]\n"
            "Run 'needleworkctl help clinic create' for more.");
}

TEST(ParseArgsUsageTest, GroupErrorShowsEveryCommandOfTheGroup) {
  std::string message = Error({"plugin", "frob"});
  EXPECT_THAT(message, HasSubstr("usage: needleworkctl [global flags] plugin enable"));
  EXPECT_THAT(message, HasSubstr("\n       needleworkctl [global flags] plugin disable"));
  EXPECT_THAT(message, HasSubstr("\n       needleworkctl [global flags] plugin configure"));
  EXPECT_THAT(message, HasSubstr("Run 'needleworkctl help plugin' for more."));
}

TEST(ParseArgsUsageTest, UnknownCommandPointsToTheList) {
  EXPECT_EQ(Error({"frobnicate"}),
            "unknown command 'frobnicate'\n"
            "usage: needleworkctl [global flags] <command> ...\n"
            "Run 'needleworkctl help' for more.");
}

}  // namespace
}  // namespace needlework::ctl
