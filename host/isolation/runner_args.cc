#include "host/isolation/runner_args.h"

#include <charconv>
#include <map>

namespace needlework::host::isolation {
namespace {

Status FlagError(const std::string& flag, const std::string& what) {
  return InvalidArgumentError("--" + flag + ": " + what);
}

StatusOr<int64_t> Number(const std::string& flag, const std::string& text, int64_t min,
                         int64_t max) {
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    return FlagError(flag, "expected a whole number from " + std::to_string(min) + " to " +
                               std::to_string(max) + ", got '" + text + "'");
  }
  return value;
}

// Splits "--name=value" arguments; signers keep their order.
struct Flags {
  std::map<std::string, std::string> single;
  std::vector<std::string> signer_ids, signer_keys;
};

StatusOr<Flags> Split(const std::vector<std::string>& argv) {
  Flags flags;
  for (const std::string& arg : argv) {
    size_t equals = arg.find('=');
    if (arg.rfind("--", 0) != 0 || equals == std::string::npos) {
      return InvalidArgumentError("expected --name=value, got '" + arg + "'");
    }
    std::string name = arg.substr(2, equals - 2), value = arg.substr(equals + 1);
    if (name == "signer-id") {
      flags.signer_ids.push_back(value);
    } else if (name == "signer-key") {
      flags.signer_keys.push_back(value);
    } else if (!flags.single.emplace(name, value).second) {
      return FlagError(name, "given twice");
    }
  }
  return flags;
}

StatusOr<std::string> Take(Flags& flags, const std::string& name) {
  auto it = flags.single.find(name);
  if (it == flags.single.end() || it->second.empty()) return FlagError(name, "required");
  std::string value = std::move(it->second);
  flags.single.erase(it);
  return value;
}

Status ReadTrust(Flags& flags, RunnerArgs& args) {
  NW_ASSIGN_OR_RETURN(std::string mode, Take(flags, "trust-mode"));
  if (mode != "enforce" && mode != "development") {
    return FlagError("trust-mode", "expected enforce or development");
  }
  args.trust_mode = mode == "enforce" ? TrustMode::kEnforce : TrustMode::kDevelopment;
  if (flags.signer_ids.size() != flags.signer_keys.size()) {
    return FlagError("signer-id", "each --signer-id needs one --signer-key");
  }
  for (size_t i = 0; i < flags.signer_ids.size(); ++i) {
    args.signers.push_back({flags.signer_ids[i], flags.signer_keys[i]});
  }
  return OkStatus();
}

Status ReadNumbers(Flags& flags, RunnerArgs& args) {
  NW_ASSIGN_OR_RETURN(std::string connections, Take(flags, "connections"));
  NW_ASSIGN_OR_RETURN(int64_t count,
                      Number("connections", connections, 1, IsolationConfig::kMaxConnections));
  args.connections = static_cast<int>(count);
  NW_ASSIGN_OR_RETURN(std::string pid, Take(flags, "host-pid"));
  NW_ASSIGN_OR_RETURN(int64_t host_pid, Number("host-pid", pid, 1, INT32_MAX));
  args.host_pid = static_cast<pid_t>(host_pid);
  NW_ASSIGN_OR_RETURN(std::string bytes, Take(flags, "max-frame-bytes"));
  NW_ASSIGN_OR_RETURN(int64_t max_bytes, Number("max-frame-bytes", bytes, 1024, INT32_MAX));
  args.max_frame_bytes = static_cast<size_t>(max_bytes);
  return OkStatus();
}

Status ReadLimits(Flags& flags, RunnerArgs& args) {
  NW_ASSIGN_OR_RETURN(std::string memory, Take(flags, "memory-bytes"));
  NW_ASSIGN_OR_RETURN(int64_t memory_bytes, Number("memory-bytes", memory, 1, INT64_MAX));
  args.limits.memory_bytes = static_cast<uint64_t>(memory_bytes);
  NW_ASSIGN_OR_RETURN(std::string files, Take(flags, "open-files"));
  NW_ASSIGN_OR_RETURN(int64_t open_files, Number("open-files", files, 1, INT32_MAX));
  args.limits.open_files = static_cast<uint64_t>(open_files);
  if (flags.single.contains("cgroup")) {
    NW_ASSIGN_OR_RETURN(args.limits.cgroup_dir, Take(flags, "cgroup"));
  }
  return OkStatus();
}

}  // namespace

std::vector<std::string> RunnerArgv(const RunnerArgs& args) {
  std::vector<std::string> argv = {
      "--plugin=" + args.plugin_file,
      "--sha256=" + args.sha256,
      "--plugin-id=" + args.plugin_id,
      "--plugin-version=" + args.plugin_version,
      "--clinic=" + args.clinic_id,
      "--connections=" + std::to_string(args.connections),
      "--host-pid=" + std::to_string(args.host_pid),
      "--max-frame-bytes=" + std::to_string(args.max_frame_bytes),
      "--memory-bytes=" + std::to_string(args.limits.memory_bytes),
      "--open-files=" + std::to_string(args.limits.open_files),
      std::string("--trust-mode=") +
          (args.trust_mode == TrustMode::kEnforce ? "enforce" : "development")};
  if (!args.limits.cgroup_dir.empty()) argv.push_back("--cgroup=" + args.limits.cgroup_dir);
  for (const SignerConfig& signer : args.signers) {
    argv.push_back("--signer-id=" + signer.id);
    argv.push_back("--signer-key=" + signer.public_key_file);
  }
  return argv;
}

StatusOr<RunnerArgs> ParseRunnerArgs(const std::vector<std::string>& argv) {
  NW_ASSIGN_OR_RETURN(Flags flags, Split(argv));
  RunnerArgs args;
  NW_ASSIGN_OR_RETURN(args.plugin_file, Take(flags, "plugin"));
  NW_ASSIGN_OR_RETURN(args.sha256, Take(flags, "sha256"));
  NW_ASSIGN_OR_RETURN(args.plugin_id, Take(flags, "plugin-id"));
  NW_ASSIGN_OR_RETURN(args.plugin_version, Take(flags, "plugin-version"));
  NW_ASSIGN_OR_RETURN(args.clinic_id, Take(flags, "clinic"));
  NW_RETURN_IF_ERROR(ReadNumbers(flags, args));
  NW_RETURN_IF_ERROR(ReadLimits(flags, args));
  NW_RETURN_IF_ERROR(ReadTrust(flags, args));
  if (!flags.single.empty()) return FlagError(flags.single.begin()->first, "unknown flag");
  return args;
}

}  // namespace needlework::host::isolation
