// The fault matrix: for each hook and each fault a plugin can commit in it that the host's
// isolation mode survives (SurvivedFaults in fault_helpers.cc), through the real host: the
// host stays up; the call fails closed as README.md's table says, within the hook's
// deadline plus kMargin, naming the plugin; and a second clinic's calls, made meanwhile,
// all succeed. Rows share one host per mode, so they run as one ctest test per mode.
#include <gmock/gmock.h>

#include <map>

#include "integration/fault_helpers.h"
#include "needlework/v1/catalog.grpc.pb.h"
#include "support/eventually.h"

namespace needlework::testing {
namespace {

using ::testing::HasSubstr;
using Clock = std::chrono::steady_clock;
using State = v1::PluginRun::State;

// How the host reports a row's failing plugin call.
struct Expected {
  State state;                   // its plugin_runs entry
  std::string says;              // in that entry's message, or in the call's error
  grpc::StatusCode change_code;  // refusing a create_instance or catalog fault
  std::string crash;             // process mode: the runner's last crash reason, if it died
};

// What a runner's death in `row` is reported as, or "" when the fault kills no runner.
std::string CrashReason(const Row& row) {
  if (row.mode != Mode::kProcess) return "";
  if (row.fault == "segfault") return "killed by SIGSEGV";
  if (row.fault == "abort") return "killed by SIGABRT";
  if (row.fault == "exit") return "exited with status 3";
  if (row.fault == "hang" || row.fault == "spin") return "deadline exceeded in " + row.hook;
  return "";
}

Expected TimedOut(const Row& row) {
  return {v1::PluginRun::STATE_TIMED_OUT,
          "within the " + std::to_string(kDeadline.count()) + " ms deadline",
          grpc::StatusCode::DEADLINE_EXCEEDED, CrashReason(row)};
}

// The outcomes a row may legitimately have: one, except for a leak in a runner. There the
// plugin's allocation fails at the runner's address-space limit and the SDK's guard answers
// std::bad_alloc as an error; but touching kRunnerMemoryMb of memory may itself take longer
// than kDeadline on a loaded machine, and then the host kills the runner at the deadline.
// Both fail closed; which one comes first is the machine's timing, not the host's choice.
std::vector<Expected> ExpectedFor(const Row& row) {
  if (row.fault == "throw") {
    return {{v1::PluginRun::STATE_ERROR,
             "plugin threw: the fault plugin was told to throw in " + row.hook,
             grpc::StatusCode::INTERNAL, ""}};
  }
  if (row.fault == "leak") {
    Expected deadline = TimedOut(row);
    deadline.crash = "deadline exceeded in " + row.hook;
    return {{v1::PluginRun::STATE_ERROR, "bad_alloc", grpc::StatusCode::INTERNAL, ""}, deadline};
  }
  if (row.fault == "hang" || row.fault == "spin") return {TimedOut(row)};
  // A runner that dies mid-call is reported by how it died, in the call and as the last
  // crash, even when the host sees its connection close before it can reap it.
  return {{v1::PluginRun::STATE_ERROR, CrashReason(row), grpc::StatusCode::UNAVAILABLE,
           CrashReason(row)}};
}

class FaultTest : public ::testing::TestWithParam<Row> {
 public:
  // Stops each mode's host: it must exit cleanly even with plugin calls still stuck.
  static void TearDownTestSuite() {
    for (auto& [mode, host] : Hosts()) {
      if (host != nullptr) {
        EXPECT_EQ(host->Stop(), 0);
      }
    }
    Hosts().clear();
  }

 protected:
  void SetUp() override {
    auto& host = Hosts()[GetParam().mode];
    if (host == nullptr) host = FaultHost::Start(GetParam().mode);
    ASSERT_NE(host, nullptr);
    host_ = host.get();
    ASSERT_TRUE(host_->process().running()) << "an earlier row ended the host";
    // Two earlier stuck calls, plus this row's, stay under the pool's cap of four.
    ASSERT_TRUE(host_->WaitForStuckCalls(2));
    expected_ = ExpectedFor(GetParam());
  }

  void TearDown() override { EXPECT_TRUE(host_->process().running()) << "the fault ended it"; }

  static std::map<Mode, std::unique_ptr<FaultHost>>& Hosts() {
    static std::map<Mode, std::unique_ptr<FaultHost>> hosts;
    return hosts;
  }

  const std::string& admin() const { return host_->process().admin_token(); }
  const std::string& emr() const { return host_->process().emr_token(); }
  std::string Patient() const { return "Patient/" + RowName({GetParam(), 0}); }

  // Enables the fault plugin for demo with this row's fault.
  void EnableFault() {
    auto enabled = host_->api().Enable(admin(), "demo", kFault, FaultConfig(GetParam()).c_str());
    ASSERT_TRUE(enabled.status.ok()) << enabled.status.error_message();
  }

  // Runs `call` (the one that meets the fault) while harbour's load of `step` runs. The
  // call must answer within its deadline plus kMargin; every round of the load must succeed.
  void WhileOtherClinicIsServed(const OtherClinicLoad::Step& step,
                                const std::function<void()>& call) {
    OtherClinicLoad load(step);
    load.Start();
    auto start = Clock::now();
    call();
    auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    auto tally = load.Stop();
    EXPECT_LT(took, kDeadline + kMargin) << "the faulting call took " << took.count() << " ms";
    ExpectEveryRoundServed(tally);
  }

  // The fault plugin's part in a call: the row's state, and a message saying why.
  void ExpectRun(const google::protobuf::RepeatedPtrField<v1::PluginRun>& runs) {
    const auto* run = RunOf(runs, kFault);
    ASSERT_NE(run, nullptr) << "the fault plugin is not named in plugin_runs";
    ExpectOutcome(
        run->message(), [&](const Expected& e) { return e.state == run->state(); },
        v1::PluginRun::State_Name(run->state()));
    ExpectCrashShown(kFault);
  }

  // Finds the row's outcome whose `says` is in `message` and that `fits` what else was seen
  // (`seen`, for the failure's story); a test failure when none is. Remembers it for
  // ExpectCrashShown.
  void ExpectOutcome(const std::string& message,
                     const std::function<bool(const Expected&)>& fits = nullptr,
                     const std::string& seen = "") {
    for (const auto& outcome : expected_) {
      if (message.find(outcome.says) != std::string::npos && (!fits || fits(outcome))) {
        outcome_ = &outcome;
        return;
      }
    }
    std::string wanted;
    for (const auto& outcome : expected_) wanted += " \"" + outcome.says + "\"";
    ADD_FAILURE() << "\"" << message << "\" (" << seen << ") says none of:" << wanted;
  }

  // Process mode: a row whose fault killed the runner shows the crash in ListPlugins, on
  // demo's runner of `plugin` (a new instance per row, so the count starts at zero), and
  // the runner is restarted.
  void ExpectCrashShown(const std::string& plugin) {
    if (outcome_ == nullptr || outcome_->crash.empty()) return;
    v1::PluginRunner runner;
    EXPECT_TRUE(Eventually([&] {
      runner = RunnerOf(plugin);
      return runner.crash_count() >= 1 && runner.state() == v1::PluginRunner::STATE_RUNNING;
    })) << runner.DebugString();
    EXPECT_THAT(runner.last_crash_reason(), HasSubstr(outcome_->crash));
  }

  // demo's runner of `plugin`, as ListPlugins shows it (an empty one when there is none).
  v1::PluginRunner RunnerOf(const std::string& plugin) {
    auto listed = host_->api().ListPlugins(admin());
    EXPECT_TRUE(listed.status.ok()) << listed.status.error_message();
    for (const auto& installed : listed.response.plugins()) {
      if (installed.manifest().id() != plugin) continue;
      for (const auto& runner : installed.runners()) {
        if (runner.clinic_id() == "demo") return runner;
      }
    }
    return {};
  }

  // A plan for this row's patient, proposed without the fault plugin, with a booking of its
  // first session's first slot (FaultHost::BookFirstSlot) unless `book` is false.
  struct Planned {
    std::string plan_id;
    v1::Slot slot;
    std::string appointment_id;
  };
  Planned PlanWithoutTheFault(bool book);

  // create_instance and catalog: changing `plugin`'s config for demo to the row's fault is
  // refused, while harbour changes its plugins; demo keeps the plugin as it was.
  Reply<v1::ClinicPlugin> ChangeIsRefused(const std::string& plugin);

  // demo screens a clean patient, its fault plugin answering.
  void ExpectFaultPluginAnswers() {
    auto screened = host_->api().Screen(emr(), FactsWithConditions({}));
    ASSERT_TRUE(screened.status.ok()) << screened.status.error_message();
    const auto* run = RunOf(screened.response, kFault);
    ASSERT_NE(run, nullptr);
    EXPECT_EQ(run->state(), v1::PluginRun::STATE_OK);
  }

  // Runs the row's body, by its hook.
  void RunRow();
  // One per hook: the row's set-up, its faulting call and what it must answer.
  void ScreenRow();
  void PlanRow();
  void CheckBookingRow();
  void AftercareRow();
  void TriageRow();
  void CreateInstanceRow();
  void DestroyInstanceRow();
  void CatalogRow();
  void ExpectUncleanStopLogged(size_t log_from);

  FaultHost* host_ = nullptr;
  std::vector<Expected> expected_;
  const Expected* outcome_ = nullptr;  // the one seen
};

FaultTest::Planned FaultTest::PlanWithoutTheFault(bool book) {
  Planned planned;
  host_->api().Disable(admin(), "demo", kFault);
  planned.plan_id = CreateFacePlan(host_->scheduling(), emr(), Patient());
  if (book) {
    planned.appointment_id = host_->BookFirstSlot(emr(), planned.plan_id);
    return planned;
  }
  auto slots = host_->FindSlots(emr(), planned.plan_id);
  EXPECT_TRUE(slots.status.ok()) << slots.status.error_message();
  if (slots.status.ok() && !slots.response.slots().empty()) planned.slot = slots.response.slots(0);
  return planned;
}

Reply<v1::ClinicPlugin> FaultTest::ChangeIsRefused(const std::string& plugin) {
  auto enabled = host_->api().Enable(admin(), "demo", plugin, R"({"faults":{}})");
  EXPECT_TRUE(enabled.status.ok()) << enabled.status.error_message();
  Reply<v1::ClinicPlugin> refused;
  WhileOtherClinicIsServed(AdminStep(*host_, plugin), [&] {
    refused = host_->api().Configure(admin(), "demo", plugin, FaultConfig(GetParam()));
  });
  EXPECT_THAT(refused.status.error_message(), HasSubstr(plugin));
  ExpectOutcome(
      refused.status.error_message(),
      [&](const Expected& e) { return e.change_code == refused.status.error_code(); },
      "code " + std::to_string(refused.status.error_code()));
  // Nothing was stored.
  auto listed = host_->api().ListClinicPlugins(admin(), "demo");
  EXPECT_TRUE(listed.status.ok()) << listed.status.error_message();
  for (const auto& view : listed.response.plugins()) {
    if (view.plugin_id() == plugin) {
      EXPECT_EQ(view.config_json(), R"({"faults":{}})");
    }
  }
  return refused;
}

void FaultTest::ScreenRow() {
  EnableFault();
  Reply<v1::ScreenResponse> screened;
  WhileOtherClinicIsServed(ClinicStep(*host_),
                           [&] { screened = host_->api().Screen(emr(), FactsWithConditions({})); });
  ASSERT_TRUE(screened.status.ok()) << screened.status.error_message();
  ExpectScreeningIncomplete(screened.response, kFault);
  ExpectRun(screened.response.plugin_runs());
  const auto* screening = RunOf(screened.response.plugin_runs(), kScreeningPlugin);
  ASSERT_NE(screening, nullptr);
  EXPECT_EQ(screening->state(), v1::PluginRun::STATE_OK);
}

void FaultTest::PlanRow() {
  EnableFault();
  Reply<v1::ProposePlanResponse> proposed;
  WhileOtherClinicIsServed(ClinicStep(*host_), [&] {
    proposed = host_->scheduling().ProposePlan(emr(), FacePlanRequest(Patient()));
  });
  EXPECT_EQ(proposed.status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_THAT(proposed.status.error_message(), HasSubstr(kFault));
  ExpectOutcome(proposed.status.error_message());
  ExpectCrashShown(kFault);
}

void FaultTest::CheckBookingRow() {
  auto planned = PlanWithoutTheFault(false);
  ASSERT_FALSE(planned.slot.start().empty());
  EnableFault();
  Reply<v1::Appointment> booked;
  WhileOtherClinicIsServed(ClinicStep(*host_), [&] {
    booked = host_->scheduling().Book(emr(), BookingFor(planned.plan_id, 0, planned.slot));
  });
  EXPECT_EQ(booked.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(booked.status.error_message(), HasSubstr(kFault));
  EXPECT_THAT(booked.status.error_message(), HasSubstr("[check-incomplete]"));
  ExpectOutcome(booked.status.error_message());
  ExpectCrashShown(kFault);
  // Nor is any slot offered (while a hang lasts, the plugin is quarantined: refused fast).
  auto slots = host_->FindSlots(emr(), planned.plan_id);
  EXPECT_EQ(slots.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(slots.status.error_message(), HasSubstr(kFault));
  EXPECT_THAT(slots.status.error_message(), HasSubstr("[check-incomplete]"));
}

void FaultTest::AftercareRow() {
  auto planned = PlanWithoutTheFault(true);
  ASSERT_FALSE(planned.appointment_id.empty());
  EnableFault();
  Reply<v1::Appointment> completed;
  WhileOtherClinicIsServed(ClinicStep(*host_),
                           [&] { completed = host_->Complete(emr(), planned.appointment_id); });
  ASSERT_TRUE(completed.status.ok()) << completed.status.error_message();
  v1::GetAftercarePlanRequest request;
  request.set_appointment_id(planned.appointment_id);
  auto got = host_->scheduling().GetAftercarePlan(emr(), request);
  ASSERT_TRUE(got.status.ok()) << got.status.error_message();
  const v1::AftercarePlan& plan = got.response;
  EXPECT_GT(plan.instructions_size(), 0);  // the built-in aftercare plugin's lines
  ExpectRun(plan.plugin_runs());
  const auto* builtin = RunOf(plan.plugin_runs(), "org.needlework.aftercare");
  ASSERT_NE(builtin, nullptr);
  EXPECT_EQ(builtin->state(), v1::PluginRun::STATE_OK);
}

void FaultTest::TriageRow() {
  auto planned = PlanWithoutTheFault(true);
  ASSERT_FALSE(planned.appointment_id.empty());
  ASSERT_TRUE(host_->Complete(emr(), planned.appointment_id).status.ok());
  EnableFault();
  Reply<v1::SymptomReport> reported;
  WhileOtherClinicIsServed(ClinicStep(*host_),
                           [&] { reported = host_->ReportRedness(emr(), planned.appointment_id); });
  ASSERT_TRUE(reported.status.ok()) << reported.status.error_message();
  const v1::SymptomReport& report = reported.response;
  EXPECT_EQ(report.level(), types::TRIAGE_LEVEL_CONTACT_CLINIC);  // redness alone: EXPECTED
  EXPECT_THAT(report.advice(), HasSubstr(kFault));
  ExpectRun(report.plugin_runs());
}

void FaultTest::CreateInstanceRow() {
  auto refused = ChangeIsRefused(kFault);
  if (GetParam().fault == "throw") {  // a failure, not a verdict on the config
    EXPECT_THAT(refused.status.error_message(), HasSubstr("could not create its instance"));
  }
  // demo's instance from before still answers.
  ExpectFaultPluginAnswers();
}

void FaultTest::DestroyInstanceRow() {
  EnableFault();  // a sound instance until it goes
  size_t log_from = host_->process().Log().size();
  Reply<v1::ClinicPlugin> replaced;
  WhileOtherClinicIsServed(AdminStep(*host_, kFaultCatalog), [&] {
    replaced = host_->api().Configure(admin(), "demo", kFault, R"({"faults":{}})");
  });
  ASSERT_TRUE(replaced.status.ok()) << replaced.status.error_message();
  // The new instance answers.
  ExpectFaultPluginAnswers();
  ExpectUncleanStopLogged(log_from);
}

// Process mode: the old instance's runner, told to stop, ends as its fault makes it, and the
// host says so in its log (the instance is gone, so ListPlugins has no runner to show it on).
void FaultTest::ExpectUncleanStopLogged(size_t log_from) {
  static const std::map<std::string, std::string> kEndedBy = {{"segfault", "killed by SIGSEGV"},
                                                              {"abort", "killed by SIGABRT"},
                                                              {"exit", "exited with status 3"},
                                                              {"hang", "of being told to stop"},
                                                              {"spin", "of being told to stop"}};
  auto ended = kEndedBy.find(GetParam().fault);
  if (GetParam().mode != Mode::kProcess || ended == kEndedBy.end()) return;
  // A JSON line of this row's log saying the event, the plugin and how its runner ended.
  auto logged = [&] {
    std::string log = host_->process().Log().substr(log_from);
    for (size_t at = log.find("plugin_runner_stopped_uncleanly"); at != std::string::npos;
         at = log.find("plugin_runner_stopped_uncleanly", at + 1)) {
      size_t begin = log.rfind('\n', at), end = log.find('\n', at);
      std::string line = log.substr(begin == std::string::npos ? 0 : begin, end - begin);
      if (line.find(kFault) != std::string::npos && line.find(ended->second) != std::string::npos) {
        return true;
      }
    }
    return false;
  };
  EXPECT_TRUE(Eventually(logged)) << "no plugin_runner_stopped_uncleanly line saying \""
                                  << ended->second << "\"";
}

void FaultTest::CatalogRow() {
  auto refused = ChangeIsRefused(kFaultCatalog);
  if (GetParam().fault == "throw") {
    EXPECT_THAT(refused.status.error_message(), HasSubstr("could not read the therapies"));
  }
  // demo's instance from before still offers its add-on.
  auto catalog = v1::CatalogService::NewStub(host_->process().channel());
  v1::ListTherapiesResponse therapies;
  ASSERT_TRUE(catalog->ListTherapies(AuthorizedContext(emr()).get(), {}, &therapies).ok());
  bool offered = false;
  for (const auto& offer : therapies.therapies()) {
    offered = offered || (offer.plugin_id() == kFaultCatalog &&
                          offer.therapy().code().code() == "fault-addon");
  }
  EXPECT_TRUE(offered);
}

void FaultTest::RunRow() {
  static const std::map<std::string, void (FaultTest::*)()> kRowOf = {
      {"screen", &FaultTest::ScreenRow},
      {"plan", &FaultTest::PlanRow},
      {"check_booking", &FaultTest::CheckBookingRow},
      {"aftercare", &FaultTest::AftercareRow},
      {"triage", &FaultTest::TriageRow},
      {"create_instance", &FaultTest::CreateInstanceRow},
      {"destroy_instance", &FaultTest::DestroyInstanceRow},
      {"catalog", &FaultTest::CatalogRow}};
  auto row = kRowOf.find(GetParam().hook);
  ASSERT_NE(row, kRowOf.end()) << "no row body for hook " << GetParam().hook;
  (this->*(row->second))();
}

TEST_P(FaultTest, FailsClosedAndOthersAreServed) { RunRow(); }

// A plugin stuck in create_instance, changed again and again (a clinic admin may do that):
// each change is refused, and once the plugin holds the pool's cap of four stuck threads,
// at once and without spending another thread; other clinics are served and changed
// meanwhile.
TEST(FaultCapTest, ChangesOfAPluginStuckInCreateStopAtThePoolsCap) {
  auto host = FaultHost::Start(Mode::kInProcess);
  ASSERT_NE(host, nullptr);
  const auto& admin = host->process().admin_token();
  const std::string hangs = FaultConfig({Mode::kInProcess, "create_instance", "hang"});
  OtherClinicLoad load(AdminStep(*host, kFaultCatalog));
  load.Start();
  for (int stuck = 0; stuck < 4; ++stuck) {
    auto refused = host->api().Configure(admin, "demo", kFault, hangs);
    EXPECT_EQ(refused.status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED)
        << refused.status.error_message();
  }
  auto capped = host->api().Configure(admin, "demo", kFault, hangs);  // calls no plugin code
  EXPECT_EQ(capped.status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_THAT(capped.status.error_message(), HasSubstr(kFault));
  EXPECT_THAT(capped.status.error_message(), HasSubstr("running past their deadlines"));
  auto tally = load.Stop();
  ExpectEveryRoundServed(tally);
  EXPECT_EQ(Occurrences(host->process().Log(), "fault began: hang in create_instance"), 4);
  EXPECT_EQ(host->Stop(), 0);
}

INSTANTIATE_TEST_SUITE_P(Matrix, FaultTest, ::testing::ValuesIn(AllRows()), RowName);

}  // namespace
}  // namespace needlework::testing
