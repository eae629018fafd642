// Runner: one parsed command, run. Parse, build the request, make the call, render; one
// small method per command, in run_admin.cc, run_planning.cc, run_scheduling.cc and
// run_aftercare.cc. Internal to needleworkctl: RunCtl (ctl.h) is the interface.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_RUNNER_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_RUNNER_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <ostream>
#include <string_view>

#include "client.h"
#include "command.h"
#include "ctl.h"
#include "render.h"

namespace needlework::ctl {

class Runner {
 public:
  // `command`, `out` and `err` must outlive the Runner.
  Runner(const Command& command, std::ostream& out, std::ostream& err);

  // Runs the command; returns kExitOk, kExitRpcError or kExitUsage.
  int Run();

 private:
  // Calls `rpc` through `call(context, response)`. On failure prints the error and returns
  // false.
  template <typename Response, typename Call>
  bool CallRpc(std::string_view rpc, Call call, Response* response);

  // CallRpc, then prints the response with `render(response, out)`, or as JSON with --json.
  template <typename Response, typename Call, typename Render>
  int Invoke(std::string_view rpc, Call call, Render render);

  // Prints a local error (unreadable or unwritable file, bad config) and returns kExitUsage.
  int LocalError(const Status& status);

  // AdminService (run_admin.cc).
  int Plugins();
  int Clinics();
  int ClinicCreate();
  int ClinicPlugins();
  int PluginEnable();
  int PluginDisable();
  int PluginConfigure();
  int ClinicTimeZone();
  int Resources();
  int ResourceAdd();
  int Hours();
  int HoursSet();

  // Tokens and the audit log (run_security.cc).
  int TokenIssue();
  int Tokens();
  int TokenRevoke();
  int Audit();
  int AuditVerify();
  // CatalogService, ScreeningService and PlanningService (run_planning.cc).
  int Therapies();
  int Screen();
  int PlanPropose();
  int PlanCreate();
  int Plans();
  int PlanShow();
  int PlanCancel();
  // The series plan create stores: read from --from-proposal, or proposed by ProposePlan.
  // Returns kExitOk with `*series` set, or the exit code of the failure it printed.
  int SeriesToCreate(types::v1::SeriesPlan* series);

  // SchedulingService (run_scheduling.cc).
  int Slots();
  int Book();
  int Reschedule();
  int Cancel();
  int Appointments();
  int Complete();
  int Calendar();

  // AftercareService (run_aftercare.cc).
  int AftercarePlan();
  int MessagesDue();
  int MessagesSent();
  int Symptom();
  int Symptoms();

  // Plugin signing, local (run_trust.cc).
  int PluginKeygen();
  int PluginSign();
  int PluginVerify();
  int PluginHash();

  const Command& command_;
  std::ostream& out_;
  std::ostream& err_;
  std::shared_ptr<grpc::Channel> channel_;
  bool warned_ = false;  // the insecure-token warning is out (once for all calls)
};

template <typename Response, typename Call>
bool Runner::CallRpc(std::string_view rpc, Call call, Response* response) {
  if (!warned_) err_ << InsecureTokenWarning(command_.options);
  warned_ = true;
  grpc::ClientContext context;
  PrepareContext(command_.options, &context);
  grpc::Status status = call(&context, response);
  if (status.ok()) return true;
  err_ << FormatRpcError(rpc, status, command_.options);
  return false;
}

template <typename Response, typename Call, typename Render>
int Runner::Invoke(std::string_view rpc, Call call, Render render) {
  Response response;
  if (!CallRpc(rpc, call, &response)) return kExitRpcError;
  if (command_.options.json) {
    out_ << ToJson(response);
  } else {
    render(response, out_);
  }
  return kExitOk;
}

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_RUNNER_H_
