// The plugin class as the SDK drives it: manifest, Create from an InstanceContext, the
// response outcome across several findings, and concurrent Screen calls.
#include "plugins/screening/screening_plugin.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "needlework/plugin_abi.h"
#include "plugins/screening/config.h"
#include "plugins/screening/embedded_config.h"
#include "plugins/screening/test_support.h"

namespace needlework::screening {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::SizeIs;
using namespace needlework::screening::testing;  // NOLINT(build/namespaces)

std::string ReadSourceFile(const std::string& relative_path) {
  std::ifstream file(std::string(NEEDLEWORK_SOURCE_DIR) + "/" + relative_path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// Host services that record log lines, as the host's log would.
struct RecordingHost {
  std::mutex mutex;
  std::vector<std::string> lines;
  nw_host_services services{static_cast<uint32_t>(sizeof(nw_host_services)), this, &Log, nullptr};

  static void Log(void* context, int32_t /*level*/, const char* message, size_t size) {
    auto* host = static_cast<RecordingHost*>(context);
    std::lock_guard<std::mutex> lock(host->mutex);
    host->lines.emplace_back(message, size);
  }
};

InstanceContext ContextWith(std::string config_json, const nw_host_services* host = nullptr) {
  return InstanceContext{"clinic-1", std::move(config_json), HostServices(host)};
}

TEST(ScreeningPluginTest, ManifestDescribesThePlugin) {
  plugin::v1::Manifest manifest = ScreeningPlugin::Describe();
  EXPECT_EQ(manifest.id(), "org.needlework.screening");
  EXPECT_EQ(manifest.version(), "1.0.0");
  EXPECT_EQ(manifest.vendor(), "Needlework");
  EXPECT_FALSE(manifest.display_name().empty());
  EXPECT_FALSE(manifest.description().empty());
  EXPECT_THAT(manifest.hooks(), ElementsAre(plugin::v1::HOOK_SCREEN));
  EXPECT_THAT(CompileConfig(manifest.default_config_json()), IsOk());
}

TEST(ScreeningPluginTest, EmbeddedJsonIsExactlyTheFilesInTheSourceTree) {
  EXPECT_EQ(kDefaultConfigJson, ReadSourceFile("plugins/screening/default_config.json"));
  EXPECT_EQ(kConfigSchemaJson, ReadSourceFile("plugins/screening/config_schema.json"));
}

TEST(ScreeningPluginTest, ConfigSchemaIsADraft202012Schema) {
  Json schema = Json::parse(ScreeningPlugin::Describe().config_schema_json());
  EXPECT_EQ(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
  EXPECT_EQ(schema["additionalProperties"], false);
  EXPECT_EQ(schema["$defs"]["findingSpec"]["properties"]["summary"]["maxLength"], 139);
}

TEST(ScreeningPluginTest, CreateCompilesTheEffectiveConfigAndLogs) {
  RecordingHost host;
  auto plugin = ScreeningPlugin::Create(ContextWith(PatchedConfig(), &host.services));
  ASSERT_THAT(plugin, IsOk());
  const size_t rules = Json::parse(PatchedConfig())["rules"].size();  // all enabled
  EXPECT_EQ((*plugin)->rules().rules.size(), rules);
  EXPECT_THAT(host.lines,
              ElementsAre(HasSubstr(std::to_string(rules) + " rules enabled, 11 indications")));
}

TEST(ScreeningPluginTest, CreateRefusesABadConfig) {
  auto plugin = ScreeningPlugin::Create(
      ContextWith(PatchedConfig(Json::parse(R"({"rules": {"eczema": {"outcome": "x"}}})"))));
  EXPECT_THAT(plugin, StatusIs(StatusCode::kInvalidArgument,
                               HasSubstr("rules.eczema.outcome: \"x\" is not one of")));
}

// A patient for whom four rules fire, and who asks for one listed and one unlisted concern.
ScreenRequest ComplicatedPatient() {
  ScreenRequest request;
  *request.add_concerns() = Concern("acne-scars");
  *request.add_concerns() = Concern("tattoo-removal", "Tattoo removal");
  AddCondition(request, Snomed("24079001"), types::v1::CONDITION_STATUS_ACTIVE, "Condition/ad");
  AddCondition(request, Snomed("88616000"), types::v1::CONDITION_STATUS_ACTIVE, "Condition/acne");
  AddMedication(request, RxNorm("855332"), types::v1::MEDICATION_STATUS_ACTIVE, "Med/w")
      ->add_ingredients()
      ->CopyFrom(RxNorm("11289", "warfarin"));
  AddObservation(request, LaxityGrade(), 3, "2024-05-01", "Observation/lax");
  return request;
}

TEST(ScreeningPluginTest, OutcomeIsTheMostRestrictiveFindingAndFindingsAreOrderedByIt) {
  auto plugin = ScreeningPlugin::Create(ContextWith(PatchedConfig()));
  ASSERT_THAT(plugin, IsOk());
  ScreenResponse response;
  ASSERT_THAT((*plugin)->Screen(ComplicatedPatient(), &response), IsOk());

  std::vector<std::string> rule_ids;
  for (const Finding& finding : response.findings()) rule_ids.push_back(finding.rule_id());
  EXPECT_THAT(rule_ids, ElementsAre("severe-laxity", "active-acne", "eczema", "blood-thinners",
                                    "not-an-indication", "indication"));
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_REFER);

  // Without the laxity observation, deferral for the acne is the most restrictive.
  ScreenRequest request = ComplicatedPatient();
  request.mutable_patient()->clear_observations();
  response.Clear();
  ASSERT_THAT((*plugin)->Screen(request, &response), IsOk());
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_DEFER);
}

TEST(ScreeningPluginTest, ConcurrentScreensOfOneInstanceAgree) {
  auto created = ScreeningPlugin::Create(ContextWith(PatchedConfig()));
  ASSERT_THAT(created, IsOk());
  ScreeningPlugin& plugin = **created;
  const ScreenRequest request = ComplicatedPatient();
  ScreenResponse expected;
  ASSERT_THAT(plugin.Screen(request, &expected), IsOk());
  const std::string expected_bytes = expected.SerializeAsString();

  constexpr int kThreads = 8;
  constexpr int kScreensPerThread = 300;
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kScreensPerThread; ++i) {
        ScreenResponse response;
        if (!plugin.Screen(request, &response).ok() ||
            response.SerializeAsString() != expected_bytes) {
          ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_THAT(mismatches, ::testing::Each(0));
}

}  // namespace
}  // namespace needlework::screening
