// RunCtl: parse, build the request, make the call, render. One small method per command.
#include "ctl.h"

#include <memory>

#include "client.h"
#include "needlework/v1/admin.grpc.pb.h"
#include "needlework/v1/screening.grpc.pb.h"
#include "render.h"
#include "requests.h"
#include "usage.h"

namespace needlework::ctl {
namespace {

class Runner {
 public:
  Runner(const Command& command, std::ostream& out, std::ostream& err)
      : command_(command), out_(out), err_(err), channel_(CreateChannel(command.options)) {}

  int Run();

 private:
  // Calls `rpc` through `call(context, response)`; prints the response with `render`, or as
  // JSON with --json, or the error.
  template <typename Response, typename Call, typename Render>
  int Invoke(std::string_view rpc, Call call, Render render);

  // Prints a local error (unreadable file, bad config) and returns kExitUsage.
  int LocalError(const Status& status);

  std::unique_ptr<v1::AdminService::Stub> Admin() { return v1::AdminService::NewStub(channel_); }

  // Renders the ClinicPlugin that enable, disable and configure answer with.
  auto RenderSetting() const {
    return [this](const v1::ClinicPlugin& plugin, std::ostream& out) {
      RenderClinicPlugin(command_.clinic_id, plugin, out);
    };
  }

  int Plugins();
  int Clinics();
  int ClinicCreate();
  int ClinicPlugins();
  int PluginEnable();
  int PluginDisable();
  int PluginConfigure();
  int Screen();

  const Command& command_;
  std::ostream& out_;
  std::ostream& err_;
  std::shared_ptr<grpc::Channel> channel_;
};

template <typename Response, typename Call, typename Render>
int Runner::Invoke(std::string_view rpc, Call call, Render render) {
  err_ << InsecureTokenWarning(command_.options);
  grpc::ClientContext context;
  PrepareContext(command_.options, &context);
  Response response;
  grpc::Status status = call(&context, &response);
  if (!status.ok()) {
    err_ << FormatRpcError(rpc, status, command_.options);
    return kExitRpcError;
  }
  if (command_.options.json) {
    out_ << ToJson(response);
  } else {
    render(response, out_);
  }
  return kExitOk;
}

int Runner::LocalError(const Status& status) {
  err_ << "needleworkctl: " << status.message() << '\n';
  return kExitUsage;
}

int Runner::Run() {
  switch (command_.kind) {
    case CommandKind::kHelp:
      out_ << HelpText(command_.help_topic);
      return kExitOk;
    case CommandKind::kPlugins:
      return Plugins();
    case CommandKind::kClinics:
      return Clinics();
    case CommandKind::kClinicCreate:
      return ClinicCreate();
    case CommandKind::kClinicPlugins:
      return ClinicPlugins();
    case CommandKind::kPluginEnable:
      return PluginEnable();
    case CommandKind::kPluginDisable:
      return PluginDisable();
    case CommandKind::kPluginConfigure:
      return PluginConfigure();
    case CommandKind::kScreen:
      return Screen();
  }
  return kExitUsage;  // unreachable: the switch names every kind
}

int Runner::Plugins() {
  return Invoke<v1::ListPluginsResponse>(
      "ListPlugins",
      [&](auto* context, auto* response) {
        return Admin()->ListPlugins(context, v1::ListPluginsRequest(), response);
      },
      RenderPlugins);
}

int Runner::Clinics() {
  return Invoke<v1::ListClinicsResponse>(
      "ListClinics",
      [&](auto* context, auto* response) {
        return Admin()->ListClinics(context, v1::ListClinicsRequest(), response);
      },
      RenderClinics);
}

int Runner::ClinicCreate() {
  int exit_code = Invoke<v1::CreateClinicResponse>(
      "CreateClinic",
      [&](auto* context, auto* response) {
        return Admin()->CreateClinic(context, BuildCreateClinicRequest(command_), response);
      },
      RenderCreatedClinic);
  if (exit_code == kExitOk && command_.options.json) {
    err_ << "needleworkctl: the emr token is shown only this once; store it now\n";
  }
  return exit_code;
}

int Runner::ClinicPlugins() {
  return Invoke<v1::ListClinicPluginsResponse>(
      "ListClinicPlugins",
      [&](auto* context, auto* response) {
        return Admin()->ListClinicPlugins(context, BuildListClinicPluginsRequest(command_),
                                          response);
      },
      RenderClinicPlugins);
}

int Runner::PluginEnable() {
  StatusOr<v1::EnablePluginRequest> request = BuildEnablePluginRequest(command_);
  if (!request.ok()) return LocalError(request.status());
  return Invoke<v1::ClinicPlugin>(
      "EnablePlugin",
      [&](auto* context, auto* response) {
        return Admin()->EnablePlugin(context, *request, response);
      },
      RenderSetting());
}

int Runner::PluginDisable() {
  return Invoke<v1::ClinicPlugin>(
      "DisablePlugin",
      [&](auto* context, auto* response) {
        return Admin()->DisablePlugin(context, BuildDisablePluginRequest(command_), response);
      },
      RenderSetting());
}

int Runner::PluginConfigure() {
  StatusOr<v1::SetPluginConfigRequest> request = BuildSetPluginConfigRequest(command_);
  if (!request.ok()) return LocalError(request.status());
  return Invoke<v1::ClinicPlugin>(
      "SetPluginConfig",
      [&](auto* context, auto* response) {
        return Admin()->SetPluginConfig(context, *request, response);
      },
      RenderSetting());
}

int Runner::Screen() {
  StatusOr<v1::ScreenRequest> request = BuildScreenRequest(command_);
  if (!request.ok()) return LocalError(request.status());
  auto stub = v1::ScreeningService::NewStub(channel_);
  return Invoke<v1::ScreenResponse>(
      "Screen",
      [&](auto* context, auto* response) { return stub->Screen(context, *request, response); },
      RenderScreen);
}

}  // namespace

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
  return Runner(*command, out, err).Run();
}

}  // namespace needlework::ctl
