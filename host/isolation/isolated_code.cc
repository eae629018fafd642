#include "host/isolation/isolated_code.h"

#include <unistd.h>

#include <filesystem>

#include "host/common/log.h"
#include "host/plugins/hook_deadlines.h"
#include "host/plugins/in_process_code.h"

namespace needlework::host::isolation {
namespace {

// Room in a frame for its own fields beside the largest message.
constexpr size_t kFrameOverhead = 64 * 1024;

class IsolatedCode final : public PluginCode {
 public:
  IsolatedCode(std::shared_ptr<RunnerSupervisor> supervisor, std::string clinic_id)
      : supervisor_(std::move(supervisor)), clinic_id_(std::move(clinic_id)) {}
  ~IsolatedCode() override { supervisor_->Stop(); }  // the factory joins it later

  StatusOr<std::string> Invoke(needlework::plugin::v1::Hook hook, const std::string& request,
                               Clock::time_point deadline) override {
    auto reply = supervisor_->Call(static_cast<uint32_t>(hook), HookName(hook), request, deadline);
    if (!reply.ok()) {
      return Status(reply.status().code(),
                    "runner for clinic '" + clinic_id_ + "' " + reply.status().message());
    }
    if (reply->code == NW_OK) return std::move(reply->bytes);
    return Status(PluginStatusCode(reply->code), std::move(reply->bytes));
  }
  void DeadlinePassed(needlework::plugin::v1::Hook hook) override {
    supervisor_->Kill("deadline exceeded in " + HookName(hook));
  }
  std::optional<RunnerReport> Runner() const override { return supervisor_->Report(); }

 private:
  std::shared_ptr<RunnerSupervisor> supervisor_;
  std::string clinic_id_;
};

bool Executable(const std::string& file) { return ::access(file.c_str(), X_OK) == 0; }

// The runner when the config names none: the first of DefaultRunners() that is executable,
// else the first of them (for the messages that say it is missing).
std::string FindRunner() {
  std::error_code error;
  auto host_dir = std::filesystem::read_symlink("/proc/self/exe", error).parent_path();
  std::string beside = (host_dir / kRunnerName).string();
  std::string libexec = (host_dir / kLibexecRunner).lexically_normal().string();
  if (!Executable(beside) && Executable(libexec)) return libexec;
  return beside;
}

// The runners' cgroups when `limits` asks for them and the host can make them (null
// otherwise); logs once how runners' memory is limited.
std::unique_ptr<RunnerCgroups> PrepareCgroups(const RunnerLimitsConfig& limits) {
  StatusOr<std::unique_ptr<RunnerCgroups>> cgroups =
      limits.memory_cgroup ? RunnerCgroups::Prepare()
                           : StatusOr<std::unique_ptr<RunnerCgroups>>(
                                 FailedPreconditionError("plugin_isolation.memory_cgroup is off"));
  LogEvent(Level::kInfo, "runner_limits",
           {{"memory", RunnerMemoryLimitSummary(cgroups, limits.memory_bytes)},
            {"open_files", limits.open_files}});
  return cgroups.ok() ? std::move(cgroups).value() : nullptr;
}

}  // namespace

StatusOr<std::unique_ptr<IsolatingCodeFactory>> IsolatingCodeFactory::New(RunnerSettings settings) {
  bool named = !settings.isolation.runner.empty();
  std::string runner = named ? settings.isolation.runner : FindRunner();
  if (named && !Executable(runner)) {
    return InvalidArgumentError("config key 'plugin_isolation.runner': " + runner +
                                " is not an executable file");
  }
  if (!Executable(runner)) {
    LogEvent(Level::kWarning, "plugin_runner_missing",
             {{"file", runner},
              {"message", "process-mode plugins cannot start; set plugin_isolation.runner"}});
  }
  NW_RETURN_IF_ERROR(ShieldHostFromRunners());
  std::unique_ptr<RunnerCgroups> cgroups = PrepareCgroups(settings.limits);
  return std::unique_ptr<IsolatingCodeFactory>(
      new IsolatingCodeFactory(std::move(settings), std::move(runner), std::move(cgroups)));
}

IsolatingCodeFactory::~IsolatingCodeFactory() {
  std::lock_guard lock(mutex_);
  for (const auto& supervisor : supervisors_) supervisor->Stop();
  for (const auto& supervisor : supervisors_) supervisor->Join();
}

StatusOr<std::unique_ptr<PluginCode>> IsolatingCodeFactory::Create(
    const LoadedPlugin& plugin, const std::string& clinic_id, const std::string& config_json,
    PluginCode::Clock::time_point deadline) {
  if (ModeFor(plugin.manifest.id()) == IsolationMode::kInProcess) {
    return InProcessCodeFactory().Create(plugin, clinic_id, config_json, deadline);
  }
  ForgetFinished();
  auto supervisor = std::make_shared<RunnerSupervisor>(SpecFor(plugin, clinic_id, config_json));
  {
    std::lock_guard lock(mutex_);
    supervisors_.push_back(supervisor);
  }
  NW_RETURN_IF_ERROR(supervisor->Start(deadline));
  return std::unique_ptr<PluginCode>(new IsolatedCode(std::move(supervisor), clinic_id));
}

RunnerSpec IsolatingCodeFactory::SpecFor(const LoadedPlugin& plugin, const std::string& clinic_id,
                                         const std::string& config_json) const {
  RunnerSpec spec;
  spec.runner = runner_;
  RunnerArgs& args = spec.args;
  args.plugin_file = plugin.file;
  args.sha256 = plugin.sha256;
  args.plugin_id = plugin.manifest.id();
  args.plugin_version = plugin.manifest.version();
  args.clinic_id = clinic_id;
  args.connections = settings_.isolation.connections;
  args.host_pid = ::getpid();
  args.max_frame_bytes = settings_.max_message_bytes + kFrameOverhead;
  args.trust_mode = settings_.trust.mode;
  args.signers = settings_.trust.signers;
  args.limits = settings_.limits.ForRunner("");  // the cgroup: per start (RunnerSpec)
  spec.cgroups = cgroups_.get();
  spec.create = {clinic_id, config_json};
  spec.isolation = settings_.isolation;
  spec.restart_deadline = settings_.restart_deadline;
  return spec;
}

void IsolatingCodeFactory::ForgetFinished() {
  std::lock_guard lock(mutex_);
  std::erase_if(supervisors_, [](const std::shared_ptr<RunnerSupervisor>& supervisor) {
    if (!supervisor->finished()) return false;
    supervisor->Join();
    return true;
  });
}

}  // namespace needlework::host::isolation
