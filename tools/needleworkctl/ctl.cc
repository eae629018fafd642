// RunCtl: parse, then hand the command to the Runner method its kind names.
#include "ctl.h"

#include "runner.h"
#include "usage.h"

namespace needlework::ctl {

Runner::Runner(const Command& command, std::ostream& out, std::ostream& err)
    : command_(command), out_(out), err_(err), channel_(CreateChannel(command.options)) {}

int Runner::Run() {
  using Method = int (Runner::*)();
  static constexpr std::pair<CommandKind, Method> kMethods[] = {
      {CommandKind::kPlugins, &Runner::Plugins},
      {CommandKind::kClinics, &Runner::Clinics},
      {CommandKind::kClinicCreate, &Runner::ClinicCreate},
      {CommandKind::kClinicPlugins, &Runner::ClinicPlugins},
      {CommandKind::kPluginEnable, &Runner::PluginEnable},
      {CommandKind::kPluginDisable, &Runner::PluginDisable},
      {CommandKind::kPluginConfigure, &Runner::PluginConfigure},
      {CommandKind::kScreen, &Runner::Screen},
      {CommandKind::kTherapies, &Runner::Therapies},
      {CommandKind::kClinicTimeZone, &Runner::ClinicTimeZone},
      {CommandKind::kResources, &Runner::Resources},
      {CommandKind::kResourceAdd, &Runner::ResourceAdd},
      {CommandKind::kHours, &Runner::Hours},
      {CommandKind::kHoursSet, &Runner::HoursSet},
      {CommandKind::kPlanPropose, &Runner::PlanPropose},
      {CommandKind::kPlanCreate, &Runner::PlanCreate},
      {CommandKind::kPlans, &Runner::Plans},
      {CommandKind::kPlanShow, &Runner::PlanShow},
      {CommandKind::kPlanCancel, &Runner::PlanCancel},
      {CommandKind::kSlots, &Runner::Slots},
      {CommandKind::kBook, &Runner::Book},
      {CommandKind::kReschedule, &Runner::Reschedule},
      {CommandKind::kCancel, &Runner::Cancel},
      {CommandKind::kAppointments, &Runner::Appointments},
      {CommandKind::kComplete, &Runner::Complete},
      {CommandKind::kCalendar, &Runner::Calendar},
      {CommandKind::kAftercare, &Runner::AftercarePlan},
      {CommandKind::kMessagesDue, &Runner::MessagesDue},
      {CommandKind::kMessagesSent, &Runner::MessagesSent},
      {CommandKind::kSymptom, &Runner::Symptom},
      {CommandKind::kSymptoms, &Runner::Symptoms},
      {CommandKind::kPluginKeygen, &Runner::PluginKeygen},
      {CommandKind::kPluginSign, &Runner::PluginSign},
      {CommandKind::kPluginVerify, &Runner::PluginVerify},
      {CommandKind::kPluginHash, &Runner::PluginHash},
      {CommandKind::kTokenIssue, &Runner::TokenIssue},
      {CommandKind::kTokens, &Runner::Tokens},
      {CommandKind::kTokenRevoke, &Runner::TokenRevoke},
      {CommandKind::kAudit, &Runner::Audit},
      {CommandKind::kAuditVerify, &Runner::AuditVerify},
  };
  if (command_.kind == CommandKind::kHelp) {
    out_ << HelpText(command_.help_topic);
    return kExitOk;
  }
  for (const auto& [kind, method] : kMethods) {
    if (kind == command_.kind) return (this->*method)();
  }
  return kExitUsage;  // unreachable: every kind but kHelp has a method
}

int Runner::LocalError(const Status& status) {
  err_ << "needleworkctl: " << status.message() << '\n';
  return kExitUsage;
}

int RunCtl(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  return RunCtl(args, Environment::FromProcess(), out, err);
}

int RunCtl(const std::vector<std::string>& args, const Environment& env, std::ostream& out,
           std::ostream& err) {
  StatusOr<Command> command = ParseArgs(args, env);
  if (!command.ok()) {
    err << "needleworkctl: " << command.status().message() << '\n';
    return kExitUsage;
  }
  if (Status tls = LoadTlsFiles(&command->options.tls); !tls.ok()) {
    err << "needleworkctl: " << tls.message() << '\n';
    return kExitUsage;
  }
  return Runner(*command, out, err).Run();
}

}  // namespace needlework::ctl
