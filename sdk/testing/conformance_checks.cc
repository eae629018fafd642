// The checks of the conformance kit (listed in needlework/testing/conformance.h), each a
// GoogleTest test of the suite "Conformance", registered at run time for one plugin file.
#include <google/protobuf/stubs/logging.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "config_cases.h"
#include "expected_answer.h"
#include "hooks.h"
#include "manifest_rules.h"
#include "needlework/testing/conformance.h"
#include "plugin_under_test.h"
#include "samples.h"

namespace needlework::conformance {
namespace {

std::unique_ptr<Options> registered_options;

// The plugin, loaded on first use and kept for the life of the process.
const PluginUnderTest& Subject() {
  static const PluginUnderTest* subject = new PluginUnderTest(*registered_options);
  return *subject;
}

// A check that needs an earlier step is skipped, naming why, when that step failed: the
// step's own check reports the failure once.
#define NW_REQUIRE_STEP(ready, problem) \
  if (!(ready)) GTEST_SKIP() << (problem)
#define NW_REQUIRE_INSTANCE(p)                                                          \
  NW_REQUIRE_STEP((p).api() != nullptr && (p).load_problem().empty(),                   \
                  "the plugin did not load: " + (p).load_problem());                    \
  NW_REQUIRE_STEP((p).manifest() != nullptr, "no manifest: " + (p).manifest_problem()); \
  NW_REQUIRE_STEP((p).instance() != nullptr, (p).instance_problem())

// The hooks the manifest lists that this SDK knows (the manifest check names the others).
std::vector<const HookInfo*> DeclaredHooks(const PluginUnderTest& p) {
  std::vector<const HookInfo*> hooks;
  for (int hook : p.manifest()->hooks()) {
    if (const HookInfo* info = FindHook(hook)) hooks.push_back(info);
  }
  return hooks;
}

// The kit's samples and the vendor's for `hook`; with `report`, each unreadable vendor
// sample fails the test.
std::vector<Sample> SamplesFor(const PluginUnderTest& p, const HookInfo& hook, bool report) {
  std::vector<Sample> samples = DefaultSamples(hook, p.add_ons());
  std::vector<std::string> problems;
  for (auto& sample : LoadSamples(p.options().samples_dir, hook, &problems)) {
    samples.push_back(std::move(sample));
  }
  for (const auto& problem : problems) {
    if (report) ADD_FAILURE() << problem;
  }
  return samples;
}

void VersionBlockIsAcceptedByThisHost() {
  const auto& p = Subject();
  EXPECT_TRUE(p.load_problem().empty())
      << "needlework-host (ABI " << NEEDLEWORK_ABI_MAJOR << "." << NEEDLEWORK_ABI_MINOR
      << ") would refuse " << p.options().plugin_path << ": " << p.load_problem();
}

void ManifestIsWellFormedAndStable() {
  const auto& p = Subject();
  NW_REQUIRE_STEP(p.load_problem().empty(), "the plugin did not load: " + p.load_problem());
  ASSERT_NE(p.manifest(), nullptr) << p.manifest_problem();
  for (const auto& problem : ManifestProblems(*p.manifest(), p.api()->abi_minor)) {
    ADD_FAILURE() << "manifest: " << problem;
  }
  CallResult again = p.Describe();
  plugin::v1::Manifest second;
  ASSERT_TRUE(again.ok() && second.ParseFromString(again.bytes))
      << "the second describe: " << again.Describe();
  std::string difference = ManifestDifference(*p.manifest(), second);
  EXPECT_TRUE(difference.empty()) << "describe() twice gave " << difference;
}

void DefaultConfigIsAccepted() {
  const auto& p = Subject();
  NW_REQUIRE_STEP(p.load_problem().empty(), "the plugin did not load: " + p.load_problem());
  NW_REQUIRE_STEP(p.manifest() != nullptr, "no manifest: " + p.manifest_problem());
  EXPECT_NE(p.instance(), nullptr) << p.instance_problem();
}

void BadConfigsAreRefused() {
  const auto& p = Subject();
  NW_REQUIRE_INSTANCE(p);
  for (const auto& bad : BadConfigs(p.DefaultConfig(), p.options().bad_configs)) {
    CallResult result = p.Create(bad.config);
    EXPECT_EQ(result.AbiProblem(), "") << bad.name;
    EXPECT_TRUE(result.returned() && result.code == NW_INVALID_ARGUMENT)
        << bad.name << " must be refused with INVALID_ARGUMENT and a message; got "
        << result.Describe();
  }
}

// Runs each sample of each declared hook; `check` judges one answer. `report`: as for
// SamplesFor.
template <typename Check>
void ForEachSample(const PluginUnderTest& p, bool report, Check check) {
  for (const HookInfo* hook : DeclaredHooks(p)) {
    for (const auto& sample : SamplesFor(p, *hook, report)) {
      check(*hook, sample, p.Invoke(hook->hook, sample.bytes));
    }
  }
}

void EveryHookAnswersItsSamples() {
  const auto& p = Subject();
  NW_REQUIRE_INSTANCE(p);
  for (const auto& problem : UnclaimedSampleFiles(p.options().samples_dir)) {
    ADD_FAILURE() << problem;
  }
  ForEachSample(p, true, [](const HookInfo& hook, const Sample& sample, const CallResult& result) {
    EXPECT_TRUE(result.ok()) << hook.name << ", " << sample.name << ": " << result.Describe();
    if (!result.ok()) return;
    EXPECT_EQ(result.AbiProblem(), "") << hook.name << ", " << sample.name;
    EXPECT_EQ(CheckResponse(hook, result.bytes), "") << hook.name << ", " << sample.name;
  });
}

void SamplesGiveTheirExpectedAnswers() {
  const auto& p = Subject();
  NW_REQUIRE_INSTANCE(p);
  ForEachSample(p, false, [](const HookInfo& hook, const Sample& sample, const CallResult& result) {
    if (sample.expected_json.empty()) return;
    if (!result.ok()) {
      ADD_FAILURE() << hook.name << ", " << sample.name << ": " << result.Describe();
      return;
    }
    for (const auto& problem : ExpectedAnswerProblems(hook, result.bytes, sample.expected_json)) {
      ADD_FAILURE() << hook.name << ", " << sample.name << ": " << problem;
    }
  });
}

void EveryHookAnswersWithinTheDeadline() {
  const auto& p = Subject();
  NW_REQUIRE_INSTANCE(p);
  const int64_t budget_micros = int64_t{p.options().deadline_ms} * 1000;
  ForEachSample(
      p, false, [&](const HookInfo& hook, const Sample& sample, const CallResult& result) {
        EXPECT_TRUE(result.returned())
            << hook.name << ", " << sample.name << ": " << result.Describe();
        EXPECT_LE(result.micros, budget_micros)
            << hook.name << ", " << sample.name << " took " << result.micros / 1000 << " ms; the "
            << "host's deadline is " << p.options().deadline_ms << " ms";
      });
}

// Sends every malformed request to `hook`; stops at the first that kills the plugin.
void SendMalformed(const PluginUnderTest& p, const HookInfo& hook) {
  // Protobuf's complaints about the bytes (invalid UTF-8, ...) are expected here.
  google::protobuf::LogSilencer quiet;
  const std::string sample = DefaultSamples(hook, {})[0].bytes;
  auto requests = MalformedRequests(hook, sample, p.options().seed, p.options().random_requests);
  for (size_t i = 0; i < requests.size(); ++i) {
    CallResult result = p.Invoke(hook.hook, requests[i].bytes);
    const std::string where =
        hook.name + ", " + requests[i].name + " [" + Hex(requests[i].bytes) + "]";
    if (!result.returned()) {
      ADD_FAILURE() << where << ": " << result.Describe() << " (" << requests.size() - i - 1
                    << " more requests not sent)";
      return;
    }
    EXPECT_EQ(result.AbiProblem(), "") << where;
    if (result.ok()) {
      EXPECT_EQ(CheckResponse(hook, result.bytes), "") << where;
    }
  }
}

void MalformedRequestsGetAnAnswer() {
  const auto& p = Subject();
  NW_REQUIRE_INSTANCE(p);
  for (const HookInfo* hook : DeclaredHooks(p)) SendMalformed(p, *hook);
}

void NoExceptionEscapes() {
  const auto& p = Subject();
  NW_REQUIRE_INSTANCE(p);
  for (uint32_t hook : {0u, 1000u}) {
    CallResult result = p.Invoke(hook, "");
    EXPECT_EQ(result.AbiProblem(), "") << "unknown hook " << hook;
    EXPECT_FALSE(result.ok()) << "unknown hook " << hook << " was answered OK";
  }
  const auto hooks = DeclaredHooks(p);
  const uint32_t hook = hooks.empty() ? 0 : hooks.front()->hook;
  const std::string request = hooks.empty() ? "" : DefaultSamples(*hooks.front(), {})[0].bytes;
  for (const auto& odd : OddlyTypedConfigs(p.DefaultConfig())) {
    CallResult result = p.CreateAndInvoke(odd.config, hook, request);
    EXPECT_EQ(result.AbiProblem(), "") << odd.name;
  }
}

class Check : public ::testing::Test {
 public:
  explicit Check(void (*body)()) : body_(body) {}
  void TestBody() override { body_(); }

 private:
  void (*body_)();
};

void Register(const char* name, void (*body)()) {
  ::testing::RegisterTest("Conformance", name, nullptr, nullptr, __FILE__, __LINE__,
                          [body]() -> ::testing::Test* { return new Check(body); });
}

}  // namespace

void RegisterConformanceTests(const Options& options) {
  registered_options = std::make_unique<Options>(options);
  Register("VersionBlockIsAcceptedByThisHost", &VersionBlockIsAcceptedByThisHost);
  Register("ManifestIsWellFormedAndStable", &ManifestIsWellFormedAndStable);
  Register("DefaultConfigIsAccepted", &DefaultConfigIsAccepted);
  Register("BadConfigsAreRefused", &BadConfigsAreRefused);
  Register("EveryHookAnswersItsSamples", &EveryHookAnswersItsSamples);
  Register("SamplesGiveTheirExpectedAnswers", &SamplesGiveTheirExpectedAnswers);
  Register("EveryHookAnswersWithinTheDeadline", &EveryHookAnswersWithinTheDeadline);
  Register("MalformedRequestsGetAnAnswer", &MalformedRequestsGetAnAnswer);
  Register("NoExceptionEscapes", &NoExceptionEscapes);
}

}  // namespace needlework::conformance
