// Process mode (plugin_isolation), through the real host, the real needlework-plugin-runner
// and real plugins: the same answers as in process, a runner killed mid-call or past its
// deadline fails the call closed and is restarted (another clinic's instance of the same
// plugin unaffected), crashed after max_crashes until re-enabled, a plugin file rewritten
// after approval refused at restart, and no runner outliving its host.
#include <gmock/gmock.h>
#include <google/protobuf/util/message_differencer.h>
#include <signal.h>
#include <sys/prctl.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "integration/scheduling_helpers.h"
#include "integration/security_helpers.h"
#include "support/eventually.h"

namespace needlework::testing {
namespace {

using ::testing::HasSubstr;
using Clock = std::chrono::steady_clock;

constexpr char kFault[] = "org.needlework.test.fault";
constexpr char kFaultDir[] = NEEDLEWORK_BINARY_DIR "/test-plugins/fault";

std::string ReadExample(const std::string& name) {
  std::ifstream in(std::string(NEEDLEWORK_SOURCE_DIR) + "/examples/patients/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// `plugin_id`'s entry in ListPlugins, as the admin sees it.
v1::InstalledPlugin Installed(const HostProcess& host, const std::string& plugin_id) {
  auto listed = Api(host).ListPlugins(host.admin_token());
  EXPECT_TRUE(listed.status.ok()) << listed.status.error_message();
  for (const auto& plugin : listed.response.plugins()) {
    if (plugin.manifest().id() == plugin_id) return plugin;
  }
  ADD_FAILURE() << plugin_id << " is not listed";
  return {};
}

// The runner of `clinic`'s instance of `plugin_id` (an empty one when there is none).
v1::PluginRunner RunnerOf(const HostProcess& host, const std::string& plugin_id,
                          const std::string& clinic) {
  v1::InstalledPlugin plugin = Installed(host, plugin_id);
  for (const auto& runner : plugin.runners()) {
    if (runner.clinic_id() == clinic) return runner;
  }
  return {};
}

// Waits until `clinic`'s runner of `plugin_id` is up after `crashes` deaths; its state.
v1::PluginRunner RunningAfter(const HostProcess& host, const std::string& plugin_id,
                              const std::string& clinic, int crashes) {
  v1::PluginRunner runner;
  EXPECT_TRUE(Eventually([&] {
    runner = RunnerOf(host, plugin_id, clinic);
    return runner.state() == v1::PluginRunner::STATE_RUNNING && runner.crash_count() == crashes;
  })) << runner.DebugString();
  return runner;
}

bool LogHas(const HostProcess& host, const std::string& text) {
  return host.Log().find(text) != std::string::npos;
}

TEST(ProcessModeTest, ScreeningInARunnerAnswersExactlyAsInProcess) {
  auto in_process = HostProcess::Start();
  HostOptions options;
  options.extra_config = "plugin_isolation:\n  plugins: {org.needlework.screening: process}\n";
  auto isolated = HostProcess::Start(options);
  ASSERT_NE(in_process, nullptr);
  ASSERT_NE(isolated, nullptr);
  EXPECT_EQ(Installed(*in_process, kScreeningPlugin).isolation(),
            v1::InstalledPlugin::ISOLATION_IN_PROCESS);
  EXPECT_EQ(Installed(*isolated, kScreeningPlugin).isolation(),
            v1::InstalledPlugin::ISOLATION_PROCESS);
  EXPECT_GT(RunnerOf(*isolated, kScreeningPlugin, "demo").pid(), 0);
  for (const char* patient : {"eligible.json", "active-acne.json", "warfarin.json"}) {
    for (const char* add_on : {"", "prp-serum"}) {
      v1::ScreenRequest request;
      request.mutable_fhir()->add_resources(ReadExample(patient));
      auto* concern = request.add_concerns();
      concern->set_system(std::string(code_systems::kConcern));
      concern->set_code("acne-scars");
      if (*add_on != '\0') *request.add_add_ons() = Procedure(add_on);
      auto expected = Api(*in_process).Screen(in_process->emr_token(), request);
      auto answer = Api(*isolated).Screen(isolated->emr_token(), request);
      ASSERT_TRUE(expected.status.ok()) << expected.status.error_message();
      ASSERT_TRUE(answer.status.ok()) << answer.status.error_message();
      for (auto* response : {&expected.response, &answer.response}) {
        for (auto& run : *response->mutable_plugin_runs()) run.clear_duration_micros();
        EXPECT_FALSE(response->screening_id().empty());
        response->clear_screening_id();  // each host's own record
      }
      EXPECT_TRUE(
          google::protobuf::util::MessageDifferencer::Equals(expected.response, answer.response))
          << patient << " " << add_on << "\nin process:\n"
          << expected.response.DebugString() << "\nin a runner:\n"
          << answer.response.DebugString();
    }
  }
}

// The fault plugin (not shipped with the host, so in a runner by default) enabled for two
// clinics, each with its own runner: demo and harbour, each with a plan to book.
class FaultInARunnerTest : public ::testing::Test {
 protected:
  void Start(std::map<std::string, int> deadlines, const std::string& isolation = "",
             std::vector<std::string> plugin_dirs = {kFaultDir, NEEDLEWORK_PLUGIN_DIR}) {
    HostOptions options;
    options.plugin_dirs = std::move(plugin_dirs);
    options.hook_deadlines_ms = std::move(deadlines);
    if (!isolation.empty()) options.extra_config = "plugin_isolation:\n" + isolation;
    host_ = HostProcess::Start(options);
    ASSERT_NE(host_, nullptr);
    api_ = std::make_unique<SchedulingApi>(*host_);
    Api(*host_).Disable(host_->admin_token(), "demo", kFault);  // until the clinic is set up
    ASSERT_TRUE(SetUpClinic(*api_, host_->admin_token(), "demo"));
    demo_plan_ = CreateFacePlan(*api_, host_->emr_token(), "Patient/runner-1");
    ASSERT_FALSE(demo_plan_.empty());
  }

  void Enable(const std::string& clinic, const std::string& config) {
    auto enabled = Api(*host_).Enable(host_->admin_token(), clinic, kFault, config.c_str());
    ASSERT_TRUE(enabled.status.ok()) << enabled.status.error_message();
  }

  // A second clinic with its own plan and its own instance of the fault plugin (no fault).
  void SetUpHarbour() {
    Api api(*host_);
    auto harbour = api.CreateClinic(host_->admin_token(), "harbour");
    ASSERT_TRUE(harbour.status.ok()) << harbour.status.error_message();
    harbour_token_ = harbour.response.emr_token();
    for (const char* plugin : {kScreeningPlugin, "org.needlework.scheduling"}) {
      ASSERT_TRUE(api.Enable(host_->admin_token(), "harbour", plugin).status.ok());
    }
    ASSERT_TRUE(SetUpClinic(*api_, host_->admin_token(), "harbour"));
    harbour_plan_ = CreateFacePlan(*api_, harbour_token_, "Patient/harbour-1");
    ASSERT_FALSE(harbour_plan_.empty());
    Enable("harbour", R"({"faults":{}})");
  }

  // Free slots for the plan's first session: every slot is checked by check_booking, so by
  // the clinic's instance of the fault plugin too. OK only with slots and its run OK.
  grpc::Status FindSlots(const std::string& token, const std::string& plan_id) {
    v1::FindSlotsRequest find;
    find.set_plan_id(plan_id);
    find.set_session_index(0);
    find.set_from_date(LondonDate(7, true));
    find.set_to_date(LondonDate(7, true));
    auto slots = api_->FindSlots(token, find);
    if (!slots.status.ok()) return slots.status;
    if (slots.response.slots().empty()) return {grpc::StatusCode::INTERNAL, "no slots"};
    return grpc::Status::OK;
  }

  // Runs harbour's FindSlots in a loop until `done`; how many failed, of how many.
  std::pair<int, int> HarbourLoadUntil(const std::atomic<bool>& done) {
    int failures = 0, calls = 0;
    while (!done.load() || calls < 5) {
      grpc::Status status = FindSlots(harbour_token_, harbour_plan_);
      ++calls;
      if (!status.ok()) {
        ++failures;
        ADD_FAILURE() << "harbour: " << status.error_message();
      }
    }
    return {failures, calls};
  }

  std::unique_ptr<HostProcess> host_;
  std::unique_ptr<SchedulingApi> api_;
  std::string demo_plan_, harbour_plan_, harbour_token_;
};

TEST_F(FaultInARunnerTest, KillNineMidCallFailsClosedRestartsAndSparesTheOtherClinic) {
  Start({{"plan", 20000}});
  SetUpHarbour();
  Enable("demo", R"({"faults":{"plan":"hang"},"sleep_ms":15000})");
  auto before = RunningAfter(*host_, kFault, "demo", 0);
  auto harbour_before = RunningAfter(*host_, kFault, "harbour", 0);
  EXPECT_NE(before.pid(), harbour_before.pid());

  std::atomic<bool> done{false};
  std::pair<int, int> harbour{0, 0};
  std::thread load([&] { harbour = HarbourLoadUntil(done); });
  Reply<v1::ProposePlanResponse> proposed;
  auto start = Clock::now();
  std::thread call([&] {
    proposed = api_->ProposePlan(host_->emr_token(), FacePlanRequest("Patient/runner-2"));
  });
  // The plugin logs (through its runner's log channel) when it is inside the hook.
  EXPECT_TRUE(Eventually([&] {
    return LogHas(*host_,
                  R"("event":"plugin_log","clinic":"demo",)"
                  R"("message":"fault began: hang in plan","plugin":"org.needlework.test.fault")");
  })) << host_->Log();
  ASSERT_EQ(::kill(before.pid(), SIGKILL), 0);
  call.join();
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(10));  // not the 15 s hang
  EXPECT_EQ(proposed.status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_THAT(proposed.status.error_message(), HasSubstr(kFault));
  EXPECT_THAT(proposed.status.error_message(),
              HasSubstr("runner for clinic 'demo' failed: killed by SIGKILL"));

  auto after = RunningAfter(*host_, kFault, "demo", 1);
  EXPECT_NE(after.pid(), before.pid());
  EXPECT_THAT(after.last_crash_reason(), HasSubstr("killed by SIGKILL"));
  EXPECT_FALSE(after.last_crash_at().empty());
  EXPECT_TRUE(FindSlots(host_->emr_token(), demo_plan_).ok());  // the next call succeeds
  done = true;
  load.join();
  EXPECT_EQ(harbour.first, 0) << "of " << harbour.second << " harbour calls";
  auto harbour_after = RunnerOf(*host_, kFault, "harbour");
  EXPECT_EQ(harbour_after.pid(), harbour_before.pid());
  EXPECT_EQ(harbour_after.crash_count(), 0);
}

TEST_F(FaultInARunnerTest, AHangPastTheDeadlineKillsTheRunnerUntilItIsCrashedThenReEnabled) {
  Start({{"plan", 300}}, "  max_crashes: 3\n  restart_backoff_ms: {initial: 20, max: 100}\n");
  Enable("demo", R"({"faults":{"plan":"hang"},"sleep_ms":6000})");
  for (int crashes = 0; crashes < 3; ++crashes) {
    RunningAfter(*host_, kFault, "demo", crashes);
    auto start = Clock::now();
    auto proposed = api_->ProposePlan(host_->emr_token(), FacePlanRequest("Patient/runner-3"));
    EXPECT_LT(Clock::now() - start, std::chrono::seconds(5));
    EXPECT_EQ(proposed.status.error_code(), grpc::StatusCode::UNAVAILABLE);
    EXPECT_THAT(proposed.status.error_message(), HasSubstr("300 ms deadline"));
  }
  v1::PluginRunner crashed;
  ASSERT_TRUE(Eventually([&] {
    crashed = RunnerOf(*host_, kFault, "demo");
    return crashed.state() == v1::PluginRunner::STATE_CRASHED;
  })) << crashed.DebugString();
  EXPECT_EQ(crashed.crash_count(), 3);
  EXPECT_EQ(crashed.pid(), 0);
  EXPECT_EQ(crashed.last_crash_reason(), "deadline exceeded in plan");
  // Not called: the slot search fails closed at once, naming why.
  auto start = Clock::now();
  grpc::Status refused = FindSlots(host_->emr_token(), demo_plan_);
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(5));
  EXPECT_FALSE(refused.ok());
  EXPECT_THAT(refused.error_message(), HasSubstr("crashed: it died 3 times within 60 s"));

  Enable("demo", R"({"faults":{"plan":"hang"},"sleep_ms":6000})");  // the admin re-enables it
  auto back = RunningAfter(*host_, kFault, "demo", 0);
  EXPECT_GT(back.pid(), 0);
  EXPECT_TRUE(FindSlots(host_->emr_token(), demo_plan_).ok());
}

TEST_F(FaultInARunnerTest, ARunnerRefusesAPluginFileRewrittenAfterApproval) {
  TempDir dir;
  std::filesystem::copy_file(std::string(kFaultDir) + "/fault.so", dir.File("fault.so"));
  Start({}, "  max_crashes: 2\n  restart_backoff_ms: {initial: 20, max: 100}\n",
        {dir.path(), NEEDLEWORK_PLUGIN_DIR});
  Enable("demo", R"({"faults":{}})");
  auto before = RunningAfter(*host_, kFault, "demo", 0);
  // Rewritten in place: the same inode, one byte appended, so other bytes than the ones
  // approved (the host runs its sealed copy of the old ones).
  std::ofstream(dir.File("fault.so"), std::ios::app) << '\n';
  ASSERT_EQ(::kill(before.pid(), SIGKILL), 0);
  v1::PluginRunner refused;
  ASSERT_TRUE(Eventually([&] {
    refused = RunnerOf(*host_, kFault, "demo");
    return refused.last_crash_reason().find("restart refused") != std::string::npos;
  })) << refused.DebugString();
  EXPECT_THAT(refused.last_crash_reason(),
              HasSubstr("the plugin file " + dir.File("fault.so") +
                        " changed after the host checked it: its sha256 is now"));
  ASSERT_TRUE(Eventually(
      [&] { return RunnerOf(*host_, kFault, "demo").state() == v1::PluginRunner::STATE_CRASHED; }));
  EXPECT_FALSE(FindSlots(host_->emr_token(), demo_plan_).ok());  // fails closed, not unchecked
}

TEST_F(FaultInARunnerTest, AClinicAdminSeesOnlyItsOwnClinicsRunners) {
  Start({});
  SetUpHarbour();
  Enable("demo", R"({"faults":{}})");
  std::string token = IssueToken(*host_, host_->admin_token(), "clinic_admin", "harbour").secret();
  ASSERT_FALSE(token.empty());
  auto listed = Api(*host_).ListPlugins(token);
  ASSERT_TRUE(listed.status.ok()) << listed.status.error_message();
  for (const auto& plugin : listed.response.plugins()) {
    for (const auto& runner : plugin.runners()) EXPECT_EQ(runner.clinic_id(), "harbour");
  }
  EXPECT_EQ(RunnerOf(*host_, kFault, "demo").state(), v1::PluginRunner::STATE_RUNNING);
}

// A /proc/<pid>/<file> line of `pid` starting with `field`, or "".
std::string ProcLine(pid_t pid, const std::string& file, const std::string& field) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/" + file);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(field, 0) == 0) return line;
  }
  return "";
}

TEST_F(FaultInARunnerTest, ARunnerLimitsItselfBeforeItServes) {
  Start({}, "  memory_limit_mb: 512\n  open_files: 200\n");
  Enable("demo", R"({"faults":{}})");
  pid_t pid = RunningAfter(*host_, kFault, "demo", 0).pid();
  ASSERT_GT(pid, 0);
  EXPECT_THAT(ProcLine(pid, "status", "NoNewPrivs:"), HasSubstr("1"));
  EXPECT_THAT(ProcLine(pid, "status", "Seccomp:"), HasSubstr("2"));  // a filter
  EXPECT_THAT(ProcLine(pid, "status", "CapEff:"), HasSubstr("0000000000000000"));
  EXPECT_THAT(ProcLine(pid, "limits", "Max address space"), HasSubstr("536870912"));
  EXPECT_THAT(ProcLine(pid, "limits", "Max open files"), HasSubstr("200"));
  EXPECT_THAT(ProcLine(pid, "limits", "Max core file size"), HasSubstr(" 0 "));
  EXPECT_TRUE(LogHas(*host_, R"("event":"runner_limits")"));
}

TEST_F(FaultInARunnerTest, ALeakStopsAtTheRunnersMemoryLimitAndTheCallFailsClosed) {
  Start({{"screen", 5000}}, "  memory_limit_mb: 256\n");
  Enable("demo", R"({"faults":{"screen":"leak"},"leak_mb":4096})");
  Api api(*host_);
  auto leaked = api.Screen(host_->emr_token(), FactsWithConditions({}));
  ASSERT_TRUE(leaked.status.ok()) << leaked.status.error_message();
  ExpectScreeningIncomplete(leaked.response, kFault);  // std::bad_alloc inside the runner
  const v1::PluginRun* run = RunOf(leaked.response, kFault);
  ASSERT_NE(run, nullptr);
  EXPECT_THAT(run->message(), HasSubstr("bad_alloc"));
  Enable("demo", R"({"faults":{}})");  // the host is still up, and a fresh runner serves
  auto after = api.Screen(host_->emr_token(), FactsWithConditions({}));
  ASSERT_TRUE(after.status.ok()) << after.status.error_message();
  const v1::PluginRun* again = RunOf(after.response, kFault);
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(again->state(), v1::PluginRun::STATE_OK);
}

// No runner outlives its host: this test process is a subreaper, so a runner orphaned by
// its host would be reparented here, where it can be seen and reaped.
class RunnerLifetimeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(::prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
    HostOptions options;
    options.plugin_dirs = {kFaultDir, NEEDLEWORK_PLUGIN_DIR};
    host_ = HostProcess::Start(options);
    ASSERT_NE(host_, nullptr);
    runner_ = RunningAfter(*host_, kFault, "demo", 0).pid();  // seeded: enabled for demo
    ASSERT_GT(runner_, 0);
  }

  std::unique_ptr<HostProcess> host_;
  pid_t runner_ = 0;
};

TEST_F(RunnerLifetimeTest, AStoppedHostStopsAndReapsItsRunners) {
  EXPECT_EQ(host_->Stop(), 0);
  // Reaped by the host: not running, not a zombie, not handed to us.
  EXPECT_EQ(::kill(runner_, 0), -1);
  EXPECT_EQ(errno, ESRCH);
  EXPECT_FALSE(LogHas(*host_, "plugin_runner_died"));  // a stop is not a crash
}

TEST_F(RunnerLifetimeTest, AKilledHostTakesItsRunnersWithIt) {
  host_->Kill();
  // Orphaned, the runner comes to this subreaper: it has been killed (PR_SET_PDEATHSIG).
  EXPECT_EQ(WaitForExit(runner_, std::chrono::seconds(10)), 128 + SIGKILL);
  EXPECT_EQ(::kill(runner_, 0), -1);
}

}  // namespace
}  // namespace needlework::testing
