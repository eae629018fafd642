// needleworkctl, the real binary, against the real host: plugin configure as a merge patch
// (or --replace) that prints what changed, the reason beside each untrusted plugin, and the
// slot table's offsets and cut lists with the opening hours named in a refusal.
#include <gmock/gmock.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "integration/scheduling_helpers.h"

namespace needlework::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kClinic[] = "ctl-settings";

class CtlSettingsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    host_ = HostProcess::Start().release();
    if (host_ == nullptr) return;
    std::string out, err;
    RunCtlOn(*host_, host_->admin_token(), {"clinic", "create", kClinic}, &out, &err);
  }
  static void TearDownTestSuite() { delete host_; }
  void SetUp() override { ASSERT_NE(host_, nullptr); }

  int Ctl(const std::string& token, const std::vector<std::string>& args) {
    return RunCtlOn(*host_, token, args, &out_, &err_);
  }

  int Configure(const std::string& config, std::vector<std::string> more = {}) {
    std::vector<std::string> args = {"plugin",         "configure", kClinic,
                                     kScreeningPlugin, "--config",  config};
    args.insert(args.end(), more.begin(), more.end());
    return Ctl(host_->admin_token(), args);
  }

  // The clinic's stored overrides for the screening plugin, as the host lists them.
  nlohmann::json Overrides() {
    Api api(*host_);
    auto listed = api.ListClinicPlugins(host_->admin_token(), kClinic);
    EXPECT_TRUE(listed.status.ok()) << listed.status.error_message();
    for (const auto& plugin : listed.response.plugins()) {
      if (plugin.plugin_id() == kScreeningPlugin)
        return nlohmann::json::parse(plugin.config_json());
    }
    return nullptr;
  }

  static HostProcess* host_;
  std::string out_, err_;
};

HostProcess* CtlSettingsTest::host_ = nullptr;

// A second configure keeps the first one's keys, a null removes one, a refused patch writes
// nothing, and --replace replaces; each answer names the keys it changed, not the document.
TEST_F(CtlSettingsTest, ConfigureMergesOntoTheOverridesAndPrintsWhatChanged) {
  ASSERT_EQ(Configure(R"({"rules":{"active-acne":{"outcome":"refer"}}})"), 0) << err_;
  EXPECT_EQ(out_, "Plugin " + std::string(kScreeningPlugin) + " for clinic " + kClinic +
                      " (disabled): 1 config override changed\n"
                      "  added   /rules/active-acne/outcome: \"refer\"\n");
  ASSERT_EQ(Configure(R"({"rules":{"eczema":{"outcome":"refer"}}})"), 0) << err_;
  EXPECT_THAT(out_, HasSubstr("  added   /rules/eczema/outcome: \"refer\"\n"));
  EXPECT_THAT(out_, Not(HasSubstr("active-acne")));
  EXPECT_EQ(Overrides(), nlohmann::json::parse(R"({"rules":{"active-acne":{"outcome":"refer"},
                                                            "eczema":{"outcome":"refer"}}})"));

  ASSERT_EQ(Configure(R"({"rules":{"active-acne":{"outcome":"defer"},"eczema":null}})"), 0) << err_;
  EXPECT_THAT(out_, HasSubstr("2 config overrides changed\n"));
  EXPECT_THAT(out_, HasSubstr("  changed /rules/active-acne/outcome: \"refer\" -> \"defer\"\n"));
  EXPECT_THAT(out_, HasSubstr("  removed /rules/eczema/outcome (was \"refer\")\n"));

  EXPECT_EQ(Configure(R"({"rules":{"eczema":{"outcome":"later"}}})"), 1);
  EXPECT_THAT(err_, HasSubstr("INVALID_ARGUMENT"));
  EXPECT_EQ(Overrides(), nlohmann::json::parse(R"({"rules":{"active-acne":{"outcome":"defer"}}})"));

  ASSERT_EQ(Configure(R"({"rules":{"psoriasis":{"outcome":"refer"}}})", {"--replace"}), 0) << err_;
  EXPECT_THAT(out_, HasSubstr("  removed /rules/active-acne/outcome (was \"defer\")\n"));
  EXPECT_THAT(out_, HasSubstr("  added   /rules/psoriasis/outcome: \"refer\"\n"));
  EXPECT_THAT(out_, Not(HasSubstr("Active acne")));  // the effective config is not echoed
  ASSERT_EQ(Configure("{}", {"--replace"}), 0) << err_;
  EXPECT_EQ(Overrides(), nlohmann::json::object());
  ASSERT_EQ(Configure("{}"), 0) << err_;
  EXPECT_THAT(out_, HasSubstr("the config overrides are unchanged"));
}

// Merge patches sent at the same time by several admins: each either lands or is refused
// ABORTED and retried; none is lost, because the host merges under its change check.
TEST_F(CtlSettingsTest, ConcurrentMergePatchesLoseNoChange) {
  const std::vector<std::string> rules = {
      "active-skin-infection", "active-acne",       "eczema",        "psoriasis",
      "blood-thinners",        "clotting-disorder", "severe-laxity", "isotretinoin"};
  auto stub = v1::AdminService::NewStub(host_->channel());
  std::vector<std::thread> admins;
  for (const std::string& rule : rules) {
    admins.emplace_back([&, rule] {
      v1::SetPluginConfigRequest request;
      request.set_clinic_id("demo");
      request.set_plugin_id(kScreeningPlugin);
      request.set_mode(v1::SetPluginConfigRequest::MODE_MERGE_PATCH);
      request.set_config_json(R"({"rules":{")" + rule + R"(":{"outcome":"refer"}}})");
      grpc::Status status;
      for (int attempt = 0; attempt < 50; ++attempt) {
        v1::ClinicPlugin answer;
        status =
            stub->SetPluginConfig(AuthorizedContext(host_->admin_token()).get(), request, &answer);
        if (status.error_code() != grpc::StatusCode::ABORTED) break;
      }
      EXPECT_TRUE(status.ok()) << rule << ": " << status.error_message();
    });
  }
  for (std::thread& admin : admins) admin.join();
  Api api(*host_);
  auto listed = api.ListClinicPlugins(host_->admin_token(), "demo");
  ASSERT_TRUE(listed.status.ok());
  for (const auto& plugin : listed.response.plugins()) {
    if (plugin.plugin_id() != kScreeningPlugin) continue;
    auto overrides = nlohmann::json::parse(plugin.config_json());
    for (const std::string& rule : rules) {
      EXPECT_EQ(overrides["rules"][rule]["outcome"], "refer") << rule << " lost: " << overrides;
    }
  }
  ASSERT_EQ(Ctl(host_->admin_token(),
                {"plugin", "configure", "demo", kScreeningPlugin, "--config", "{}", "--replace"}),
            0)
      << err_;
}

// The test host runs in development mode: every loaded plugin is untrusted, and says why.
TEST_F(CtlSettingsTest, PluginsNamesWhyEachUntrustedPluginIsUntrusted) {
  ASSERT_EQ(Ctl(host_->admin_token(), {"plugins"}), 0) << err_;
  EXPECT_THAT(out_, HasSubstr("\nNot trusted:\n"));
  EXPECT_THAT(out_, HasSubstr(std::string("  ") + kScreeningPlugin));
  EXPECT_THAT(out_, HasSubstr(": development mode (plugin_trust.mode), neither approval nor "
                              "signature checked\n"));
}

// START carries the clinic's offset and is what book --start takes; a list cut at --max says
// so; a booking outside the hours names them in the clinic's zone.
TEST_F(CtlSettingsTest, SlotsShowOffsetsAndSayWhenTheListWasCut) {
  SchedulingApi api(*host_);
  ASSERT_TRUE(SetUpClinic(api, host_->admin_token(), "demo"));
  std::string plan = CreateFacePlan(api, host_->emr_token(), "Patient/ctl-settings-1");
  ASSERT_FALSE(plan.empty());
  std::string monday = LondonDate(7, true);
  ASSERT_EQ(
      Ctl(host_->emr_token(), {"slots", plan, "1", "--from", monday, "--to", monday, "--max", "3"}),
      0)
      << err_;
  EXPECT_THAT(out_, HasSubstr("First 3 free slots (times in Europe/London); more after Mon " +
                              monday + " "));
  EXPECT_THAT(out_, HasSubstr(": use --max or a later --from.\n"));
  std::smatch row;
  std::regex kRow("\nMon  (" + monday + R"(T\d\d:\d\d[+-]\d\d:\d\d)  \S+  (\S+) +(\S+) +(\S+))");
  ASSERT_TRUE(std::regex_search(out_, row, kRow)) << out_;
  // The first slot, copied out of out_ before the next call replaces it.
  const std::string start = row[1], practitioner = row[2], room = row[3], device = row[4];
  std::string offset = start.substr(16);
  ASSERT_EQ(Ctl(host_->emr_token(),
                {"slots", plan, "1", "--from", monday, "--to", monday, "--max", "500"}),
            0)
      << err_;
  EXPECT_THAT(out_, Not(HasSubstr("First ")));
  EXPECT_THAT(out_, Not(HasSubstr("more after")));

  EXPECT_EQ(
      Ctl(host_->emr_token(), {"book", plan, "1", "--start", monday + "T19:00" + offset,
                               "--practitioner", practitioner, "--room", room, "--device", device}),
      1);
  EXPECT_THAT(err_, HasSubstr("outside the clinic's opening hours: Monday 09:00-17:00 "
                              "(Europe/London)"));
  ASSERT_EQ(Ctl(host_->emr_token(), {"book", plan, "1", "--start", start, "--practitioner",
                                     practitioner, "--room", room, "--device", device}),
            0)
      << err_;
}

// status: uptime and store on one line, each plugin with its calls since start, each clinic
// with its enabled plugins; an admin's command.
TEST_F(CtlSettingsTest, StatusShowsUptimeStorePluginsAndClinics) {
  ASSERT_EQ(Ctl(host_->emr_token(),
                {"screen", "--fhir", NEEDLEWORK_SOURCE_DIR "/examples/patients/warfarin.json"}),
            0)
      << err_;
  ASSERT_EQ(Ctl(host_->admin_token(), {"status"}), 0) << err_;
  EXPECT_THAT(out_, ::testing::StartsWith("Up "));
  EXPECT_THAT(out_, HasSubstr("Store sqlite: ready, "));
  std::smatch row;
  ASSERT_TRUE(std::regex_search(
      out_, row,
      std::regex(std::string("\n") + kScreeningPlugin + R"( +\S+ +loaded +(\d+) +0 +0 )")))
      << out_;
  EXPECT_GE(std::stoi(row[1]), 1) << "the screen call counts";
  EXPECT_THAT(out_, HasSubstr("Clinics and their enabled plugins:\n"));
  EXPECT_THAT(out_, HasSubstr(std::string("\n  demo: ") + "org.needlework.aftercare, "));
  EXPECT_THAT(out_, HasSubstr("\n  ctl-settings: none\n")) << "a clinic with nothing enabled";

  EXPECT_NE(Ctl(host_->emr_token(), {"status"}), 0);
  EXPECT_THAT(err_, HasSubstr("PERMISSION_DENIED"));
}

}  // namespace
}  // namespace needlework::testing
