// A real plugin under the runner's limits: a built-in plugin, loaded the host's way (sealed
// into a memfd, dlopen of /proc/self/fd/N) after ApplyRunnerLimits with the defaults, creates
// its instance and answers `screen` from several threads. So the filter and the rlimits leave
// dlopen, memfd_create, protobuf, threads and a plugin's allocations working, and the memory a
// runner maps is measured against the default limit.
#include <gmock/gmock.h>
#include <unistd.h>

#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "host/limits/forked_child.h"
#include "host/limits/runner_limits.h"
#include "host/plugins/plugin_instance.h"
#include "host/plugins/plugin_library.h"
#include "needlework/plugin/v1/screen.pb.h"
#include "support/child_process.h"

namespace needlework::host {
namespace {

using ::needlework::plugin::v1::ScreenRequest;
using ::needlework::plugin::v1::ScreenResponse;
using ::needlework::testing::ChildOutcome;
using ::needlework::testing::ChildPipe;
using ::needlework::testing::ResidentKiB;
using ::needlework::testing::RunInChild;
using ::testing::HasSubstr;

constexpr int kThreads = 4;

std::string Memory(const std::string& when) {
  const pid_t self = ::getpid();
  return when + ": VmSize " + std::to_string(ResidentKiB(self, "VmSize") / 1024) + " MiB, VmPeak " +
         std::to_string(ResidentKiB(self, "VmPeak") / 1024) + " MiB, VmRSS " +
         std::to_string(ResidentKiB(self, "VmRSS") / 1024) + " MiB";
}

// A patient with active acne, which the screening plugin defers.
std::string AcneRequest() {
  ScreenRequest request;
  auto* condition = request.mutable_patient()->add_conditions();
  auto* code = condition->add_codes();
  code->set_system("http://snomed.info/sct");
  code->set_code("88616000");
  condition->set_clinical_status(types::v1::CONDITION_STATUS_ACTIVE);
  condition->set_source_ref("Condition/1");
  request.set_as_of_date("2030-01-15");
  return request.SerializeAsString();
}

// Screens from kThreads threads at once; each says the outcome it got.
void ScreenFromThreads(const PluginInstance& instance, const ChildPipe& pipe) {
  const std::string request = AcneRequest();
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      StatusOr<std::string> answer = instance.Invoke(plugin::v1::HOOK_SCREEN, request);
      ScreenResponse response;
      if (!answer.ok()) {
        pipe.Say("screen " + answer.status().ToString());
      } else if (response.ParseFromString(*answer)) {
        pipe.Say("screen outcome " + types::v1::Outcome_Name(response.outcome()));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
}

int LoadAndScreen(const ChildPipe& pipe) {
  pipe.Say(Memory("before"));
  Status applied = ApplyRunnerLimits(RunnerLimits{});
  pipe.Say("apply " + applied.ToString());
  if (!applied.ok()) return 10;
  StatusOr<LoadedPlugin> plugin =
      LoadPluginLibrary(std::string(NEEDLEWORK_PLUGIN_DIR) + "/needlework_screening.so");
  pipe.Say("load " + plugin.status().ToString());
  if (!plugin.ok()) return 11;
  auto instance = PluginInstance::Create(*plugin, "clinic-a", "{}");
  pipe.Say("instance " + instance.status().ToString());
  if (!instance.ok()) return 12;
  ScreenFromThreads(**instance, pipe);
  pipe.Say(Memory("after"));
  return 0;
}

TEST(RunnerPluginTest, ABuiltInPluginLoadsAndAnswersUnderTheLimits) {
  ChildOutcome child = RunInChild(LoadAndScreen);
  ASSERT_TRUE(child.ExitedWith(0)) << child.Describe();
  EXPECT_THAT(child.output, HasSubstr("apply OK"));
  EXPECT_THAT(child.output, HasSubstr("load OK"));
  EXPECT_THAT(child.output, HasSubstr("instance OK"));
  size_t answers = 0;
  for (size_t at = 0;
       (at = child.output.find("screen outcome OUTCOME_DEFER", at)) != std::string::npos; ++at) {
    ++answers;
  }
  EXPECT_EQ(answers, static_cast<size_t>(kThreads)) << child.output;
  // The measurement for the default limit (README, "Runner limits").
  std::cout << child.output;
}

}  // namespace
}  // namespace needlework::host
