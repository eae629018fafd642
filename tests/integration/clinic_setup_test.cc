// `needleworkctl clinic setup`, the real binary, against the real host: a new clinic gets the
// starting point, a second run writes nothing, and a clinic with a setup of its own is
// refused unless --overwrite.
#include <gmock/gmock.h>

#include <nlohmann/json.hpp>
#include <set>

#include "support/host_process.h"

namespace needlework::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ClinicSetupTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { host_ = HostProcess::Start().release(); }
  static void TearDownTestSuite() { delete host_; }
  void SetUp() override { ASSERT_NE(host_, nullptr); }

  // needleworkctl with the admin token; its exit code, with out_ and err_ filled.
  int Ctl(std::vector<std::string> args) {
    std::vector<std::string> argv = {"--address", host_->address(), "--token",
                                     host_->admin_token()};
    argv.insert(argv.end(), args.begin(), args.end());
    out_.clear();
    err_.clear();
    return RunCtlBinary(argv, &out_, &err_);
  }

  // `args` with --json; the answer parsed.
  nlohmann::json CtlJson(std::vector<std::string> args) {
    args.insert(args.begin(), "--json");
    EXPECT_EQ(Ctl(args), 0) << err_;
    return nlohmann::json::parse(out_, nullptr, false);
  }

  // The ids of the clinic's resources.
  std::set<std::string> ResourceIds(const std::string& clinic) {
    std::set<std::string> ids;
    nlohmann::json answer = CtlJson({"resources", clinic});
    for (const auto& resource : answer["resources"]) {
      ids.insert(resource.value("resourceId", ""));
    }
    return ids;
  }

  // The audit records of the clinic's setting writes (what setup's steps call).
  int SettingWrites(const std::string& clinic) {
    static const std::set<std::string> kWrites = {"/needlework.v1.AdminService/SetClinicTimeZone",
                                                  "/needlework.v1.AdminService/EnablePlugin",
                                                  "/needlework.v1.AdminService/UpsertResource",
                                                  "/needlework.v1.AdminService/SetOpeningHours"};
    int writes = 0;
    nlohmann::json answer = CtlJson({"audit", "--clinic", clinic, "--limit", "1000"});
    for (const auto& record : answer["records"]) {
      writes += static_cast<int>(kWrites.count(record.value("rpc", "")));
    }
    return writes;
  }

  static HostProcess* host_;
  std::string out_, err_;
};

HostProcess* ClinicSetupTest::host_ = nullptr;

TEST_F(ClinicSetupTest, GivesANewClinicItsStartingPointAndASecondRunWritesNothing) {
  ASSERT_EQ(Ctl({"clinic", "create", "harbour", "--name", "Harbour"}), 0) << err_;
  ASSERT_EQ(Ctl({"clinic", "setup", "harbour", "--time-zone", "Europe/London"}), 0) << err_;
  EXPECT_THAT(out_, HasSubstr("8 change(s) made."));
  EXPECT_THAT(out_, HasSubstr("Next:"));

  EXPECT_EQ(ResourceIds("harbour"), (std::set<std::string>{"pen-1", "practitioner-1", "room-1"}));
  nlohmann::json hours = CtlJson({"hours", "harbour"});
  EXPECT_EQ(hours["spans"].size(), 5u) << hours;
  std::set<std::string> enabled;
  nlohmann::json plugins = CtlJson({"clinic", "plugins", "harbour"});
  for (const auto& plugin : plugins["plugins"]) {
    if (plugin.value("enabled", false)) enabled.insert(plugin.value("pluginId", ""));
  }
  EXPECT_EQ(enabled, (std::set<std::string>{"org.needlework.aftercare", "org.needlework.scheduling",
                                            "org.needlework.screening"}));
  int writes = SettingWrites("harbour");
  EXPECT_EQ(writes, 8);

  ASSERT_EQ(Ctl({"clinic", "setup", "harbour", "--time-zone", "Europe/London"}), 0) << err_;
  EXPECT_THAT(out_, HasSubstr("Nothing changed: clinic harbour already has this starting point."));
  EXPECT_THAT(out_, Not(HasSubstr(": added")));
  EXPECT_EQ(SettingWrites("harbour"), writes);
}

TEST_F(ClinicSetupTest, RefusesAClinicWithItsOwnSetupAndChangesNothing) {
  // The demo clinic has its own staff, rooms, devices and Saturday hours.
  std::set<std::string> resources = ResourceIds("demo");
  int writes = SettingWrites("demo");
  EXPECT_EQ(Ctl({"clinic", "setup", "demo", "--time-zone", "Europe/Paris"}), 1);
  EXPECT_THAT(err_, HasSubstr("FAILED_PRECONDITION: clinic demo already has resources"));
  EXPECT_THAT(err_, HasSubstr("--overwrite"));
  EXPECT_THAT(out_, HasSubstr("time zone Europe/Paris: would be set (was Europe/London)"));
  EXPECT_EQ(ResourceIds("demo"), resources);
  EXPECT_EQ(SettingWrites("demo"), writes);
}

TEST_F(ClinicSetupTest, OverwriteAppliesTheTemplateAndKeepsTheClinicsOtherResources) {
  ASSERT_EQ(Ctl({"clinic", "create", "lagoon"}), 0) << err_;
  ASSERT_EQ(Ctl({"resource", "add", "lagoon", "dr-own", "--type", "practitioner"}), 0) << err_;
  ASSERT_EQ(Ctl({"hours", "set", "lagoon", "sat", "10:00-14:00"}), 0) << err_;
  std::vector<std::string> setup = {
      "clinic", "setup", "lagoon", "--time-zone", "UTC", "--hours", "mon-sat 08:00-12:00"};
  EXPECT_EQ(Ctl(setup), 1);
  EXPECT_THAT(err_, HasSubstr("resources dr-own and opening hours sat 10:00-14:00"));

  setup.push_back("--overwrite");
  ASSERT_EQ(Ctl(setup), 0) << err_;
  EXPECT_THAT(out_, HasSubstr("opening hours mon-sat 08:00-12:00: set (was sat 10:00-14:00)"));
  EXPECT_EQ(ResourceIds("lagoon"),
            (std::set<std::string>{"dr-own", "pen-1", "practitioner-1", "room-1"}));
  EXPECT_EQ(CtlJson({"hours", "lagoon"})["spans"].size(), 6u);
}

TEST_F(ClinicSetupTest, AnUnknownClinicIsNamedWithTheCommandThatCreatesIt) {
  EXPECT_EQ(Ctl({"clinic", "setup", "nowhere", "--time-zone", "UTC"}), 1);
  EXPECT_THAT(err_, HasSubstr("there is no clinic nowhere; create it first: needleworkctl clinic "
                              "create nowhere"));
}

}  // namespace
}  // namespace needlework::testing
