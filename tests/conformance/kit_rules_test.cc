// The kit's building blocks: it knows every hook of this SDK, its random requests repeat
// from run to run, bad-config patches merge over the defaults, and each manifest rule bites.
#include <gmock/gmock.h>

#include "config_cases.h"
#include "hooks.h"
#include "manifest_rules.h"
#include "needlework/plugin/v1/screen.pb.h"
#include "samples.h"

namespace needlework::conformance {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

namespace pv1 = needlework::plugin::v1;

TEST(KitHooksTest, EveryHookOfThisSdkIsKnownWithItsMessages) {
  for (int hook = 1; pv1::Hook_IsValid(hook); ++hook) {
    const HookInfo* info = FindHook(hook);
    ASSERT_NE(info, nullptr) << "the kit does not know hook " << hook << ": add it to hooks.cc";
    EXPECT_FALSE(DefaultSamples(*info, {})[0].bytes.empty() && hook != pv1::HOOK_CATALOG);
  }
  EXPECT_EQ(AllHooks().size(), static_cast<size_t>(pv1::Hook_ARRAYSIZE - 1));
}

TEST(KitSamplesTest, TheCatalogsAddOnsGetASampleOfTheirOwn) {
  types::v1::Coding rf;
  rf.set_system("https://needlework.dev/fhir/CodeSystem/procedure");
  rf.set_code("rf-microneedling");
  auto samples = DefaultSamples(*FindHook(pv1::HOOK_SCREEN), {rf});
  ASSERT_EQ(samples.size(), 2u);
  pv1::ScreenRequest with_add_on;
  ASSERT_TRUE(with_add_on.ParseFromString(samples[1].bytes));
  ASSERT_EQ(with_add_on.add_ons_size(), 1);
  EXPECT_EQ(with_add_on.add_ons(0).code(), "rf-microneedling");
  EXPECT_EQ(DefaultSamples(*FindHook(pv1::HOOK_CATALOG), {rf}).size(), 1u);
}

TEST(KitSamplesTest, RandomRequestsRepeatAndDependOnTheSeed) {
  const HookInfo& screen = *FindHook(pv1::HOOK_SCREEN);
  auto first = MalformedRequests(screen, "sample", 7, 4);
  auto again = MalformedRequests(screen, "sample", 7, 4);
  auto other = MalformedRequests(screen, "sample", 8, 4);
  ASSERT_EQ(first.size(), again.size());
  EXPECT_EQ(first.back().bytes, again.back().bytes);
  EXPECT_NE(first.back().bytes, other.back().bytes);
}

TEST(KitConfigCasesTest, VendorPatchesMergeOverTheDefaults) {
  auto cases = BadConfigs(R"({"hours": 24, "codes": ["a"]})", {R"({"hours": 0})", "[1]"});
  ASSERT_GE(cases.size(), 2u);
  EXPECT_EQ(cases[cases.size() - 2].config, R"({"codes":["a"],"hours":0})");
  EXPECT_THAT(cases.back().name, HasSubstr("not a JSON object"));
  auto odd = OddlyTypedConfigs(R"({"hours": 24})");
  ASSERT_EQ(odd.size(), 2u);
  EXPECT_EQ(odd[0].config, R"({"hours":"not a number"})");
}

TEST(KitManifestRulesTest, EachRuleIsNamed) {
  pv1::Manifest manifest;
  manifest.set_id("com.example.lumen");
  manifest.set_version("1.0.0");
  manifest.add_hooks(pv1::HOOK_SCREEN);
  EXPECT_THAT(ManifestProblems(manifest, 0), IsEmpty());
  manifest.add_hooks(pv1::HOOK_CATALOG);
  manifest.add_hooks(pv1::HOOK_SCREEN);
  manifest.set_version("1.0");
  manifest.set_default_config_json("[]");
  auto problems = ManifestProblems(manifest, 0);
  std::string all;
  for (const auto& p : problems) all += p + "\n";
  EXPECT_THAT(all, HasSubstr("hook catalog arrived in ABI 1.3, after the plugin's ABI 1.0"));
  EXPECT_THAT(all, HasSubstr("hook screen is listed twice"));
  EXPECT_THAT(all, HasSubstr("'1.0' is not a semantic version"));
  EXPECT_THAT(all, HasSubstr("default_config_json is not a JSON object"));
}

}  // namespace
}  // namespace needlework::conformance
