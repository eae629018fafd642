// The parts of the fault matrix (fault_test.cc): its rows, the host each isolation mode
// runs them on, and a second clinic's load that must not notice them.
#ifndef NEEDLEWORK_TESTS_INTEGRATION_FAULT_HELPERS_H_
#define NEEDLEWORK_TESTS_INTEGRATION_FAULT_HELPERS_H_

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "integration/scheduling_helpers.h"

namespace needlework::testing {

// The fault plugin (tests/fixtures/plugins/fault_plugin.cc), without and with `catalog`.
inline constexpr char kFault[] = "org.needlework.test.fault";
inline constexpr char kFaultCatalog[] = "org.needlework.test.fault-catalog";

// Every hook's deadline on the matrix's hosts, create_instance's too. The sound plugins
// (the built-ins, harbour's instances) share it, and a sound call that overruns it is
// written off like a hung one; so it leaves them room on a loaded 2-core machine (at 300 ms,
// a load average of 10 made healthy calls overrun and fill the pool's cap).
inline constexpr std::chrono::milliseconds kDeadline{1000};
// How long a hang or spin lasts: well past kDeadline + kMargin, so a call that waited for
// the plugin fails its row.
inline constexpr int kFaultMillis = 5000;
// What a faulting call may take past its deadline on a shared, noisy machine.
inline constexpr std::chrono::milliseconds kMargin{2000};

// How the host runs plugin code.
enum class Mode { kInProcess, kProcess };

// One row of the matrix: `fault` (a fault plugin's fault name) in `hook`, on a host in `mode`.
struct Row {
  Mode mode;
  std::string hook;
  std::string fault;
};

// The faults a host in `mode` survives, the only ones its rows test.
std::vector<std::string> SurvivedFaults(Mode mode);

// Each hook x each fault its mode survives, for every mode.
std::vector<Row> AllRows();

// "in_process_screen_hang": the row's name in test output.
std::string RowName(const ::testing::TestParamInfo<Row>& info);
// How gtest prints a row: its name.
void PrintTo(const Row& row, std::ostream* os);

// How many times `needle` occurs in `text`.
int Occurrences(const std::string& text, const std::string& needle);

// The fault plugin's config for a row: `fault` in `hook`, lasting kFaultMillis.
// Process mode's runners are limited to this much memory, so a leak ends quickly.
inline constexpr int kRunnerMemoryMb = 256;

std::string FaultConfig(const Row& row);

// A host in `mode` with both fault plugins installed (enabled nowhere), kDeadline for
// every hook, and two clinics set up for scheduling (SetUpClinic): demo, and "harbour" with
// the screening, scheduling and aftercare plugins enabled, a plan with no session booked
// and an appointment whose session is done.
class FaultHost {
 public:
  // nullptr (with test failures) when the host does not come up or cannot be set up.
  static std::unique_ptr<FaultHost> Start(Mode mode);

  HostProcess& process() { return *process_; }
  Api& api() { return *api_; }
  SchedulingApi& scheduling() { return *scheduling_; }
  const std::string& harbour_token() const { return harbour_token_; }
  const std::string& harbour_plan() const { return harbour_plan_; }
  const std::string& harbour_appointment() const { return harbour_appointment_; }

  // Session 0 of `plan_id`: its slots in the week from the Monday a week ahead (a day's
  // slots run out over the matrix's bookings).
  Reply<v1::FindSlotsResponse> FindSlots(const std::string& token, const std::string& plan_id);
  // Books session 0 of `plan_id` in its first slot; the appointment id, empty on failure.
  std::string BookFirstSlot(const std::string& token, const std::string& plan_id);
  // Completes the session of `appointment_id` (face, 0.5 mm).
  Reply<v1::Appointment> Complete(const std::string& token, const std::string& appointment_id);
  // Reports mild redness after the session of `appointment_id`.
  Reply<v1::SymptomReport> ReportRedness(const std::string& token,
                                         const std::string& appointment_id);

  Mode mode() const { return mode_; }

  // Waits until at most `running` hangs or spins are still inside a fault plugin (it logs
  // each one's start and end), so earlier rows' stuck calls cannot add up to the pool's cap
  // per plugin. False if that takes more than a few fault lengths. In process mode there
  // is no such cap and a stuck runner is killed at its deadline (never logging the fault's
  // end): true at once.
  bool WaitForStuckCalls(int running);

  // Drops this object's connections (a connected client holds up a gRPC server's shutdown
  // by seconds), then stops the host: its exit code. Call at most once, last.
  int Stop();

 private:
  FaultHost(Mode mode, std::unique_ptr<HostProcess> process);
  bool SetUpHarbour();

  Mode mode_;
  std::unique_ptr<HostProcess> process_;
  std::unique_ptr<Api> api_;
  std::unique_ptr<SchedulingApi> scheduling_;
  std::string harbour_token_, harbour_plan_, harbour_appointment_;
};

// A second clinic's work, round after round on its own thread, while a fault is under way.
// A round is one `Step`: it returns "" when the clinic was served as it should be, else
// what went wrong.
class OtherClinicLoad {
 public:
  using Step = std::function<std::string()>;
  struct Tally {
    int rounds = 0;
    int failed = 0;                     // rounds that went wrong
    std::vector<std::string> failures;  // what went wrong in the first kKeptFailures
  };
  static constexpr int kMinRounds = 3;
  static constexpr int kKeptFailures = 3;

  explicit OtherClinicLoad(Step step) : step_(std::move(step)) {}
  ~OtherClinicLoad() { Stop(); }
  OtherClinicLoad(const OtherClinicLoad&) = delete;
  OtherClinicLoad& operator=(const OtherClinicLoad&) = delete;

  // Starts the rounds; returns once the first is done, so the load runs throughout what
  // the caller does next.
  void Start();
  // Stops after the current round, once at least kMinRounds ran; what they saw.
  Tally Stop();

 private:
  void Run();

  Step step_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable round_done_;
  bool stopping_ = false;
  Tally tally_;
};

// Adds a test failure, with the first failures' stories, unless every round succeeded.
void ExpectEveryRoundServed(const OtherClinicLoad::Tally& tally);

// harbour's clinical calls, one for each hook its plugins serve but aftercare: Screen
// (ELIGIBLE, the screening plugin answering), ProposePlan, FindSlots (slots offered) and
// ReportSymptom (not escalated to CONTACT_CLINIC).
OtherClinicLoad::Step ClinicStep(FaultHost& host);
// harbour's admin changes its plugins (enables screening, configures `plugin` without a
// fault), then harbour makes ClinicStep's calls.
OtherClinicLoad::Step AdminStep(FaultHost& host, const std::string& plugin);

}  // namespace needlework::testing

#endif  // NEEDLEWORK_TESTS_INTEGRATION_FAULT_HELPERS_H_
