// Process mode below the host: instances whose code runs in the real needlework-plugin-runner,
// with real test plugins, created through PluginInstance as the host creates them.
#include "host/isolation/isolated_code.h"

#include <gmock/gmock.h>
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "host/plugins/plugin_catalog.h"
#include "host/plugins/plugin_instance.h"
#include "needlework/plugin/v1/screen.pb.h"
#include "support/eventually.h"
#include "support/status_matchers.h"
#include "support/temp_dir.h"

namespace needlework::host::isolation {
namespace {

using needlework::plugin::v1::HOOK_PLAN;
using needlework::plugin::v1::HOOK_SCREEN;
using ::needlework::testing::Eventually;
using ::needlework::testing::IsOk;
using ::needlework::testing::StatusIs;
using ::testing::HasSubstr;
using Clock = std::chrono::steady_clock;

constexpr char kFault[] = "org.needlework.test.fault";
constexpr char kAlpha[] = "org.needlework.test.alpha";

std::unique_ptr<PluginCatalog> Scan(const std::vector<std::string>& dirs) {
  PluginTrustConfig trust;
  trust.mode = TrustMode::kDevelopment;
  auto catalog = PluginCatalog::Scan(dirs, trust);
  EXPECT_THAT(catalog, IsOk());
  return std::make_unique<PluginCatalog>(std::move(catalog).value());
}

bool Alive(int pid) { return ::kill(pid, 0) == 0; }

class IsolatedCodeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    catalog_ = Scan({NEEDLEWORK_BINARY_DIR "/test-plugins/fault",
                     NEEDLEWORK_BINARY_DIR "/test-plugins/behaviour"});
  }

  static RunnerSettings Settings() {
    RunnerSettings settings;
    settings.isolation.runner = NEEDLEWORK_BINARY_DIR "/host/needlework-plugin-runner";
    settings.isolation.backoff_initial = std::chrono::milliseconds(10);
    settings.isolation.backoff_max = std::chrono::milliseconds(50);
    settings.isolation.max_crashes = 3;
    settings.trust.mode = TrustMode::kDevelopment;
    settings.restart_deadline = std::chrono::seconds(5);
    return settings;
  }

  std::unique_ptr<IsolatingCodeFactory> Factory(RunnerSettings settings = Settings()) {
    auto factory = IsolatingCodeFactory::New(std::move(settings));
    EXPECT_THAT(factory, IsOk());
    return factory.ok() ? std::move(factory).value() : nullptr;
  }

  StatusOr<std::shared_ptr<PluginInstance>> Create(
      PluginCodeFactory& code, const std::string& plugin_id, const std::string& config,
      std::chrono::milliseconds deadline = std::chrono::seconds(10),
      const PluginCatalog* catalog = nullptr) {
    const LoadedPlugin* plugin = (catalog ? catalog : catalog_.get())->Find(plugin_id);
    EXPECT_NE(plugin, nullptr) << plugin_id;
    if (plugin == nullptr) return NotFoundError(plugin_id);
    return PluginInstance::Create(*plugin, "clinic-a", config, code, Clock::now() + deadline);
  }

  // Waits until the instance's runner is up after `crashes` deaths; its pid.
  static int RunningAfter(const PluginInstance& instance, int crashes) {
    int pid = 0;
    EXPECT_TRUE(Eventually([&] {
      auto runner = instance.runner();
      pid = runner->pid;
      return runner->state == RunnerState::kRunning && runner->crashes == crashes && pid > 0;
    })) << "last crash: "
        << instance.runner()->last_crash_reason;
    return pid;
  }

  std::unique_ptr<PluginCatalog> catalog_;
};

TEST_F(IsolatedCodeTest, AnswersExactlyAsInProcess) {
  auto factory = Factory();
  const char* config = R"({"outcome":"defer"})";
  auto in_process = Create(InProcessCodeFactory(), kAlpha, config);
  auto isolated = Create(*factory, kAlpha, config);
  ASSERT_THAT(in_process, IsOk());
  ASSERT_THAT(isolated, IsOk());
  EXPECT_EQ((*in_process)->isolation(), IsolationMode::kInProcess);
  EXPECT_EQ((*isolated)->isolation(), IsolationMode::kProcess);
  std::string request = needlework::plugin::v1::ScreenRequest().SerializeAsString();
  auto expected = (*in_process)->Invoke(HOOK_SCREEN, request);
  auto answer = (*isolated)->Invoke(HOOK_SCREEN, request);
  ASSERT_THAT(answer, IsOk());
  EXPECT_EQ(*answer, *expected);
  auto unserved = (*isolated)->Invoke(needlework::plugin::v1::HOOK_TRIAGE, "");
  EXPECT_EQ(unserved.status().code(),
            (*in_process)->Invoke(needlework::plugin::v1::HOOK_TRIAGE, "").status().code());
}

TEST_F(IsolatedCodeTest, ARefusedConfigReadsAsInProcess) {
  auto factory = Factory();
  const char* config = R"({"refuse_config":true})";
  auto in_process = Create(InProcessCodeFactory(), kAlpha, config);
  auto isolated = Create(*factory, kAlpha, config);
  EXPECT_THAT(isolated, StatusIs(StatusCode::kInvalidArgument,
                                 HasSubstr("org.needlework.test.alpha refused the config")));
  EXPECT_EQ(isolated.status().message(), in_process.status().message());
}

TEST_F(IsolatedCodeTest, CreateStopsAtItsDeadline) {
  auto factory = Factory();
  auto start = Clock::now();
  auto created =
      Create(*factory, kFault, R"({"faults":{"create_instance":"hang"},"sleep_ms":5000})",
             std::chrono::milliseconds(200));
  EXPECT_THAT(created, StatusIs(StatusCode::kDeadlineExceeded, HasSubstr("by the deadline")));
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(3));
}

TEST_F(IsolatedCodeTest, ACallPastItsDeadlineKillsAndRestartsTheRunner) {
  auto factory = Factory();
  auto instance = Create(*factory, kFault, R"({"faults":{"plan":"hang"},"sleep_ms":5000})");
  ASSERT_THAT(instance, IsOk());
  int first_pid = RunningAfter(**instance, 0);
  auto start = Clock::now();
  auto answer = (*instance)->Invoke(HOOK_PLAN, "", Clock::now() + std::chrono::milliseconds(100));
  EXPECT_THAT(answer, StatusIs(StatusCode::kDeadlineExceeded,
                               HasSubstr("org.needlework.test.fault: runner for clinic "
                                         "'clinic-a' failed: deadline exceeded in plan")));
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(3));
  int second_pid = RunningAfter(**instance, 1);
  EXPECT_NE(second_pid, first_pid);
  EXPECT_FALSE(Alive(first_pid));
  EXPECT_EQ((*instance)->runner()->last_crash_reason, "deadline exceeded in plan");
  EXPECT_THAT((*instance)->Invoke(needlework::plugin::v1::HOOK_TRIAGE, ""), IsOk());
}

TEST_F(IsolatedCodeTest, TheWatchdogsKillReturnsAStuckCallAtOnce) {
  auto factory = Factory();
  auto instance = Create(*factory, kFault, R"({"faults":{"plan":"hang"},"sleep_ms":5000})");
  ASSERT_THAT(instance, IsOk());
  RunningAfter(**instance, 0);
  auto start = Clock::now();
  StatusOr<std::string> answer = std::string();
  std::thread call([&] { answer = (*instance)->Invoke(HOOK_PLAN, ""); });
  (*instance)->DeadlinePassed(HOOK_PLAN);  // before, during or after the write: all end it
  call.join();
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(3));
  EXPECT_THAT(answer, StatusIs(StatusCode::kUnavailable, HasSubstr("deadline exceeded in plan")));
  RunningAfter(**instance, 1);
}

TEST_F(IsolatedCodeTest, AfterMaxCrashesTheInstanceIsCrashedAndNotCalled) {
  auto factory = Factory();  // max_crashes 3
  auto instance = Create(*factory, kFault, R"({"faults":{"plan":"hang"},"sleep_ms":5000})");
  ASSERT_THAT(instance, IsOk());
  for (int crashes = 0; crashes < 3; ++crashes) {
    RunningAfter(**instance, crashes);
    (void)(*instance)->Invoke(HOOK_PLAN, "", Clock::now() + std::chrono::milliseconds(50));
  }
  ASSERT_TRUE(Eventually([&] { return (*instance)->runner()->state == RunnerState::kCrashed; }));
  EXPECT_EQ((*instance)->runner()->pid, 0);
  EXPECT_EQ((*instance)->runner()->crashes, 3);
  auto start = Clock::now();
  auto answer = (*instance)->Invoke(needlework::plugin::v1::HOOK_TRIAGE, "");
  EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(500));
  EXPECT_THAT(answer, StatusIs(StatusCode::kUnavailable,
                               HasSubstr("crashed: it died 3 times within 60 s")));
}

TEST_F(IsolatedCodeTest, ARunnerRefusesAFileRewrittenAfterApproval) {
  needlework::testing::TempDir dir;
  std::filesystem::copy_file(NEEDLEWORK_BINARY_DIR "/test-plugins/fault/fault.so",
                             dir.File("fault.so"));
  auto catalog = Scan({dir.path()});
  auto factory = Factory();
  auto instance = Create(*factory, kFault, "{}", std::chrono::seconds(10), catalog.get());
  ASSERT_THAT(instance, IsOk());
  int pid = RunningAfter(**instance, 0);
  // In place: the same inode, one byte more, so other bytes than the ones approved.
  std::ofstream(dir.File("fault.so"), std::ios::app) << '\0';
  ASSERT_EQ(::kill(pid, SIGKILL), 0);
  ASSERT_TRUE(Eventually([&] {
    return (*instance)->runner()->last_crash_reason.find("restart refused") != std::string::npos;
  }));
  EXPECT_THAT((*instance)->runner()->last_crash_reason,
              HasSubstr("changed after the host checked it: its sha256 is now"));
  ASSERT_TRUE(Eventually([&] { return (*instance)->runner()->state == RunnerState::kCrashed; }));
  instance->reset();
  factory.reset();  // the catalog's libraries outlive every runner that used them
}

TEST_F(IsolatedCodeTest, DestroyingTheInstanceStopsAndReapsItsRunner) {
  auto factory = Factory();
  auto instance = Create(*factory, kFault, "{}");
  ASSERT_THAT(instance, IsOk());
  int pid = RunningAfter(**instance, 0);
  instance->reset();
  factory.reset();           // waits for every runner
  EXPECT_FALSE(Alive(pid));  // neither running nor a zombie: reaped
}

TEST_F(IsolatedCodeTest, AMissingRunnerIsNamed) {
  auto settings = Settings();
  settings.isolation.runner = "/nonexistent/needlework-plugin-runner";
  EXPECT_THAT(IsolatingCodeFactory::New(settings),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("plugin_isolation.runner': /nonexistent/needlework-plugin-runner "
                                 "is not an executable file")));
}

}  // namespace
}  // namespace needlework::host::isolation
