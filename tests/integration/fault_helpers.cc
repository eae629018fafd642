#include "integration/fault_helpers.h"

namespace needlework::testing {
namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kHooks[] = {
    "screen", "plan", "check_booking", "aftercare", "triage", "create_instance", "catalog"};

std::string ModeName(Mode mode) {
  switch (mode) {
    case Mode::kInProcess:
      return "in_process";
  }
  return "unknown";
}

HostOptions OptionsFor(Mode mode) {
  HostOptions options;
  options.plugin_dirs = {NEEDLEWORK_BINARY_DIR "/test-plugins/fault", NEEDLEWORK_PLUGIN_DIR};
  options.hook_deadlines_ms = {{"default", static_cast<int>(kDeadline.count())}};
  switch (mode) {
    case Mode::kInProcess:  // loads every plugin into the host: no config to add
      break;
  }
  return options;
}

// "" when `reply` is harbour's clean patient screened ELIGIBLE by the screening plugin.
std::string ScreenProblem(const Reply<v1::ScreenResponse>& reply) {
  if (!reply.status.ok()) return "Screen failed: " + reply.status.error_message();
  if (reply.response.outcome() != types::OUTCOME_ELIGIBLE) {
    return "Screen answered " + types::Outcome_Name(reply.response.outcome());
  }
  for (const auto& run : reply.response.plugin_runs()) {
    if (run.plugin_id() == kScreeningPlugin && run.state() == v1::PluginRun::STATE_OK) return "";
  }
  return "Screen answered without the screening plugin";
}

}  // namespace

// In process, plugin code runs on the host's own threads. The host stops waiting for it at
// the hook's deadline (hang, spin: the stuck thread is written off) and the SDK's guard
// turns an exception into an error (throw). A segfault, abort, exit or memory exhaustion
// ends the host process, and with it every clinic: by design, only isolation in a separate
// process survives those.
std::vector<std::string> SurvivedFaults(Mode mode) {
  switch (mode) {
    case Mode::kInProcess:
      return {"hang", "spin", "throw"};
  }
  return {};
}

std::vector<Row> AllRows() {
  std::vector<Row> rows;
  for (Mode mode : {Mode::kInProcess}) {
    for (const char* hook : kHooks) {
      for (const auto& fault : SurvivedFaults(mode)) rows.push_back({mode, hook, fault});
    }
  }
  return rows;
}

std::string RowName(const ::testing::TestParamInfo<Row>& info) {
  return ModeName(info.param.mode) + "_" + info.param.hook + "_" + info.param.fault;
}

void PrintTo(const Row& row, std::ostream* os) { *os << RowName({row, 0}); }

int Occurrences(const std::string& text, const std::string& needle) {
  int count = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

std::string FaultConfig(const Row& row) {
  return R"({"faults":{")" + row.hook + R"(":")" + row.fault + R"("},"sleep_ms":)" +
         std::to_string(kFaultMillis) + "}";
}

FaultHost::FaultHost(std::unique_ptr<HostProcess> process)
    : process_(std::move(process)),
      api_(std::make_unique<Api>(*process_)),
      scheduling_(std::make_unique<SchedulingApi>(*process_)) {}

std::unique_ptr<FaultHost> FaultHost::Start(Mode mode) {
  auto process = HostProcess::Start(OptionsFor(mode));
  if (process == nullptr) return nullptr;
  std::unique_ptr<FaultHost> host(new FaultHost(std::move(process)));
  if (!host->SetUpClinics()) return nullptr;
  return host;
}

bool FaultHost::SetUpClinics() {
  const auto& admin = process_->admin_token();
  if (!SetUpClinic(*scheduling_, admin, "demo")) return false;
  auto harbour = api_->CreateClinic(admin, "harbour");
  EXPECT_TRUE(harbour.status.ok()) << harbour.status.error_message();
  auto enabled = api_->Enable(admin, "harbour", kScreeningPlugin);
  EXPECT_TRUE(enabled.status.ok()) << enabled.status.error_message();
  harbour_token_ = harbour.response.emr_token();
  return harbour.status.ok() && enabled.status.ok();
}

bool FaultHost::WaitForStuckCalls(int running) {
  const auto give_up = Clock::now() + 3 * std::chrono::milliseconds(kFaultMillis);
  while (true) {
    std::string log = process_->Log();
    int stuck = Occurrences(log, R"("message":"fault began: )") -
                Occurrences(log, R"("message":"fault ended: )");
    if (stuck <= running) return true;
    if (Clock::now() > give_up) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

int FaultHost::Stop() {
  api_.reset();
  scheduling_.reset();
  return process_->Stop();
}

void OtherClinicLoad::Start() {
  thread_ = std::thread([this] { Run(); });
  std::unique_lock lock(mutex_);
  round_done_.wait(lock, [this] { return tally_.rounds > 0; });
}

OtherClinicLoad::Tally OtherClinicLoad::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  if (thread_.joinable()) thread_.join();
  std::lock_guard lock(mutex_);
  return tally_;
}

void OtherClinicLoad::Run() {
  while (true) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_ && tally_.rounds >= kMinRounds) return;
    }
    std::string failure = step_();
    {
      std::lock_guard lock(mutex_);
      ++tally_.rounds;
      if (!failure.empty()) tally_.failures.push_back(std::move(failure));
    }
    round_done_.notify_all();
  }
}

OtherClinicLoad::Step ScreenStep(FaultHost& host) {
  return [&host] {
    return ScreenProblem(host.api().Screen(host.harbour_token(), FactsWithConditions({})));
  };
}

OtherClinicLoad::Step AdminStep(FaultHost& host, const std::string& plugin) {
  return [&host, plugin] {
    const auto& admin = host.process().admin_token();
    auto enabled = host.api().Enable(admin, "harbour", kScreeningPlugin);
    if (!enabled.status.ok()) return "EnablePlugin failed: " + enabled.status.error_message();
    auto configured = host.api().Configure(admin, "harbour", plugin, R"({"faults":{}})");
    if (!configured.status.ok()) {
      return "SetPluginConfig failed: " + configured.status.error_message();
    }
    return ScreenProblem(host.api().Screen(host.harbour_token(), FactsWithConditions({})));
  };
}

}  // namespace needlework::testing
