#include "integration/fault_helpers.h"

namespace needlework::testing {
namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kHooks[] = {"screen",           "plan",   "check_booking",
                                  "aftercare",        "triage", "create_instance",
                                  "destroy_instance", "catalog"};

std::string ModeName(Mode mode) {
  switch (mode) {
    case Mode::kInProcess:
      return "in_process";
    case Mode::kProcess:
      return "process";
  }
  return "unknown";
}

HostOptions OptionsFor(Mode mode) {
  HostOptions options;
  options.plugin_dirs = {NEEDLEWORK_BINARY_DIR "/test-plugins/fault", NEEDLEWORK_PLUGIN_DIR};
  options.hook_deadlines_ms = {{"default", static_cast<int>(kDeadline.count())}};
  switch (mode) {
    case Mode::kInProcess:  // the fault plugins would run in runner processes by default
      options.extra_config = "plugin_isolation: {default: in_process}\n";
      break;
    case Mode::kProcess:  // forced, whatever the default for plugins not shipped with the host
      options.extra_config = "plugin_isolation: {default: process, memory_limit_mb: " +
                             std::to_string(kRunnerMemoryMb) + "}\n";
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
  const auto* screening = RunOf(reply.response, kScreeningPlugin);
  if (screening == nullptr || screening->state() != v1::PluginRun::STATE_OK) {
    return "Screen answered without the screening plugin";
  }
  return "";
}

}  // namespace

// In process, plugin code runs on the host's own threads. The host stops waiting for it at
// the hook's deadline (hang, spin: the stuck thread is written off) and the SDK's guard
// turns an exception into an error (throw). A segfault, abort, exit or memory exhaustion
// ends the host process, and with it every clinic: by design, only isolation in a separate
// process survives those. In a runner process, every fault is survived: the host kills a
// runner past its deadline (hang, spin), sees one die (segfault, abort, exit) and restarts
// it; the runner's memory limit stops a leak.
std::vector<std::string> SurvivedFaults(Mode mode) {
  switch (mode) {
    case Mode::kInProcess:
      return {"hang", "spin", "throw"};
    case Mode::kProcess:
      return {"hang", "spin", "throw", "segfault", "abort", "exit", "leak"};
  }
  return {};
}

std::vector<Row> AllRows() {
  std::vector<Row> rows;
  for (Mode mode : {Mode::kInProcess, Mode::kProcess}) {
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

FaultHost::FaultHost(Mode mode, std::unique_ptr<HostProcess> process)
    : mode_(mode),
      process_(std::move(process)),
      api_(std::make_unique<Api>(*process_)),
      scheduling_(std::make_unique<SchedulingApi>(*process_)) {}

std::unique_ptr<FaultHost> FaultHost::Start(Mode mode) {
  auto process = HostProcess::Start(OptionsFor(mode));
  if (process == nullptr) return nullptr;
  std::unique_ptr<FaultHost> host(new FaultHost(mode, std::move(process)));
  if (!SetUpClinic(host->scheduling(), host->process().admin_token(), "demo")) return nullptr;
  if (!host->SetUpHarbour()) return nullptr;
  return host;
}

bool FaultHost::SetUpHarbour() {
  const auto& admin = process_->admin_token();
  auto harbour = api_->CreateClinic(admin, "harbour");
  EXPECT_TRUE(harbour.status.ok()) << harbour.status.error_message();
  if (!harbour.status.ok() || !SetUpClinic(*scheduling_, admin, "harbour")) return false;
  harbour_token_ = harbour.response.emr_token();
  for (const char* plugin :
       {kScreeningPlugin, "org.needlework.scheduling", "org.needlework.aftercare"}) {
    auto enabled = api_->Enable(admin, "harbour", plugin);
    EXPECT_TRUE(enabled.status.ok()) << plugin << ": " << enabled.status.error_message();
    if (!enabled.status.ok()) return false;
  }
  harbour_plan_ = CreateFacePlan(*scheduling_, harbour_token_, "Patient/harbour-1");
  auto treated = CreateFacePlan(*scheduling_, harbour_token_, "Patient/harbour-2");
  if (harbour_plan_.empty() || treated.empty()) return false;
  harbour_appointment_ = BookFirstSlot(harbour_token_, treated);
  if (harbour_appointment_.empty()) return false;
  auto completed = Complete(harbour_token_, harbour_appointment_);
  EXPECT_TRUE(completed.status.ok()) << completed.status.error_message();
  return completed.status.ok();
}

Reply<v1::FindSlotsResponse> FaultHost::FindSlots(const std::string& token,
                                                  const std::string& plan_id) {
  v1::FindSlotsRequest find;
  find.set_plan_id(plan_id);
  find.set_session_index(0);
  find.set_from_date(LondonDate(7, true));
  find.set_to_date(LondonDate(14, true));
  return scheduling_->FindSlots(token, find);
}

std::string FaultHost::BookFirstSlot(const std::string& token, const std::string& plan_id) {
  auto slots = FindSlots(token, plan_id);
  EXPECT_TRUE(slots.status.ok()) << slots.status.error_message();
  if (!slots.status.ok() || slots.response.slots().empty()) return "";
  auto booked = scheduling_->Book(token, BookingFor(plan_id, 0, slots.response.slots(0)));
  EXPECT_TRUE(booked.status.ok()) << booked.status.error_message();
  return booked.response.appointment_id();
}

Reply<v1::Appointment> FaultHost::Complete(const std::string& token,
                                           const std::string& appointment_id) {
  v1::CompleteSessionRequest request;
  request.set_appointment_id(appointment_id);
  request.mutable_completion()->add_treatment_areas("face");
  request.mutable_completion()->set_needle_depth_mm(0.5);
  return scheduling_->CompleteSession(token, request);
}

Reply<v1::SymptomReport> FaultHost::ReportRedness(const std::string& token,
                                                  const std::string& appointment_id) {
  v1::ReportSymptomRequest request;
  request.set_appointment_id(appointment_id);
  request.mutable_symptom()->set_system(std::string(code_systems::kSymptom));
  request.mutable_symptom()->set_code("redness");
  request.set_severity(types::SYMPTOM_SEVERITY_MILD);
  return scheduling_->ReportSymptom(token, request);
}

bool FaultHost::WaitForStuckCalls(int running) {
  if (mode_ == Mode::kProcess) return true;
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
      if (!failure.empty() && ++tally_.failed <= kKeptFailures) {
        tally_.failures.push_back(std::move(failure));
      }
    }
    round_done_.notify_all();
  }
}

void ExpectEveryRoundServed(const OtherClinicLoad::Tally& tally) {
  EXPECT_EQ(tally.failed, 0) << "of " << tally.rounds << " rounds of the other clinic's load; "
                             << "the first: " << ::testing::PrintToString(tally.failures);
}

OtherClinicLoad::Step ClinicStep(FaultHost& host) {
  return [&host] {
    const auto& token = host.harbour_token();
    std::string problem = ScreenProblem(host.api().Screen(token, FactsWithConditions({})));
    if (!problem.empty()) return problem;
    auto proposed = host.scheduling().ProposePlan(token, FacePlanRequest("Patient/harbour-3"));
    if (!proposed.status.ok()) return "ProposePlan failed: " + proposed.status.error_message();
    auto slots = host.FindSlots(token, host.harbour_plan());
    if (!slots.status.ok()) return "FindSlots failed: " + slots.status.error_message();
    if (slots.response.slots().empty()) return std::string("FindSlots offered no slot");
    auto report = host.ReportRedness(token, host.harbour_appointment());
    if (!report.status.ok()) return "ReportSymptom failed: " + report.status.error_message();
    if (report.response.level() == types::TRIAGE_LEVEL_CONTACT_CLINIC) {
      return "ReportSymptom escalated: " + report.response.advice();
    }
    return std::string();
  };
}

OtherClinicLoad::Step AdminStep(FaultHost& host, const std::string& plugin) {
  return [&host, plugin, clinical = ClinicStep(host)] {
    const auto& admin = host.process().admin_token();
    auto enabled = host.api().Enable(admin, "harbour", kScreeningPlugin);
    if (!enabled.status.ok()) return "EnablePlugin failed: " + enabled.status.error_message();
    auto configured = host.api().Configure(admin, "harbour", plugin, R"({"faults":{}})");
    if (!configured.status.ok()) {
      return "SetPluginConfig failed: " + configured.status.error_message();
    }
    return clinical();
  };
}

}  // namespace needlework::testing
