#include "host/config/host_config.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "host/config/config_keys.h"
#include "host/config/http_config.h"
#include "host/config/isolation_config_reader.h"
#include "host/config/load_limits_config.h"
#include "host/config/tls_config.h"

namespace needlework::host {
namespace {

const std::set<std::string> kKnownKeys = {"listen",
                                          "data_dir",
                                          "plugin_dirs",
                                          "rxnorm_map_file",
                                          "hook_deadlines_ms",
                                          "max_message_bytes",
                                          "max_store_kib",
                                          "log_level",
                                          "plugin_trust",
                                          "tls",
                                          "allow_plaintext_non_loopback",
                                          "plugin_isolation",
                                          "load_limits",
                                          "audit",
                                          "cds_hooks",
                                          "http"};
const std::set<std::string> kLogLevels = {"debug", "info", "warning", "error"};

Status ReadDeadlines(const YAML::Node& node, HostConfig& config) {
  if (!node.IsMap()) return KeyError("hook_deadlines_ms", "expected a map of hook: milliseconds");
  for (const auto& entry : node) {
    NW_ASSIGN_OR_RETURN(std::string hook, KeyName(entry.first, "hook_deadlines_ms"));
    NW_ASSIGN_OR_RETURN(int64_t millis, PositiveInteger(entry.second, "hook_deadlines_ms." + hook));
    if (hook == "default") {
      config.hook_deadlines.fallback = std::chrono::milliseconds(millis);
    } else {
      config.hook_deadlines.by_hook[hook] = std::chrono::milliseconds(millis);
    }
  }
  return OkStatus();
}

Status ReadPluginDirs(const YAML::Node& node, const std::string& base_dir, HostConfig& config) {
  if (!node.IsSequence()) return KeyError("plugin_dirs", "expected a list of directories");
  for (const auto& item : node) {
    NW_ASSIGN_OR_RETURN(std::string dir, ScalarString(item, "plugin_dirs"));
    config.plugin_dirs.push_back(ResolvePath(dir, base_dir));
  }
  return OkStatus();
}

Status ReadScalars(const YAML::Node& root, const std::string& base_dir, HostConfig& config) {
  if (root["listen"]) {
    NW_ASSIGN_OR_RETURN(config.listen, ScalarString(root["listen"], "listen"));
  }
  if (root["data_dir"]) {
    NW_ASSIGN_OR_RETURN(std::string dir, ScalarString(root["data_dir"], "data_dir"));
    config.data_dir = ResolvePath(dir, base_dir);
  }
  if (root["rxnorm_map_file"]) {
    NW_ASSIGN_OR_RETURN(std::string file, ScalarString(root["rxnorm_map_file"], "rxnorm_map_file"));
    config.rxnorm_map_file = ResolvePath(file, base_dir);
  }
  if (root["max_message_bytes"]) {
    NW_ASSIGN_OR_RETURN(int64_t bytes,
                        PositiveInteger(root["max_message_bytes"], "max_message_bytes"));
    config.max_message_bytes = static_cast<int>(std::min<int64_t>(bytes, 1 << 30));
  }
  if (root["max_store_kib"]) {
    NW_ASSIGN_OR_RETURN(config.max_store_kib,
                        PositiveInteger(root["max_store_kib"], "max_store_kib", int64_t{1} << 40));
  }
  if (root["log_level"]) {
    NW_ASSIGN_OR_RETURN(config.log_level, ScalarString(root["log_level"], "log_level"));
    if (!kLogLevels.contains(config.log_level)) {
      return KeyError("log_level", "expected debug, info, warning or error");
    }
  }
  return OkStatus();
}

// About 100 years: a larger value would overflow the cutoff's microseconds.
constexpr int64_t kMaxRetentionDays = 36500;

Status ReadAudit(const YAML::Node& node, HostConfig& config) {
  if (!node.IsMap()) return KeyError("audit", "expected a map with retention_days");
  NW_RETURN_IF_ERROR(CheckKnownKeys(node, "audit", {"retention_days"}));
  if (node["retention_days"]) {
    NW_ASSIGN_OR_RETURN(
        config.audit_retention_days,
        PositiveInteger(node["retention_days"], "audit.retention_days", kMaxRetentionDays));
  }
  return OkStatus();
}

}  // namespace

StatusOr<HostConfig> ParseHostConfig(const std::string& yaml_text, const std::string& base_dir) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml_text);
  } catch (const YAML::Exception& e) {  // yaml-cpp reports errors only by exception
    return InvalidArgumentError("config is not valid YAML: " + std::string(e.what()));
  }
  HostConfig config;
  if (root.IsNull()) return config;
  if (!root.IsMap()) return InvalidArgumentError("config must be a YAML map of key: value");
  NW_RETURN_IF_ERROR(CheckKnownKeys(root, "", kKnownKeys));
  NW_RETURN_IF_ERROR(ReadScalars(root, base_dir, config));
  if (root["plugin_dirs"])
    NW_RETURN_IF_ERROR(ReadPluginDirs(root["plugin_dirs"], base_dir, config));
  if (root["hook_deadlines_ms"])
    NW_RETURN_IF_ERROR(ReadDeadlines(root["hook_deadlines_ms"], config));
  if (root["plugin_trust"]) {
    NW_ASSIGN_OR_RETURN(config.plugin_trust, ParsePluginTrust(root["plugin_trust"], base_dir));
  }
  if (root["plugin_isolation"]) {
    NW_RETURN_IF_ERROR(ReadPluginIsolation(root["plugin_isolation"], base_dir, config));
  }
  if (root["load_limits"])
    NW_RETURN_IF_ERROR(ReadLoadLimits(root["load_limits"], config.load_limits));
  if (root["audit"]) NW_RETURN_IF_ERROR(ReadAudit(root["audit"], config));
  if (root["cds_hooks"])
    NW_RETURN_IF_ERROR(ReadCdsHooks(root["cds_hooks"], base_dir, config.cds_hooks));
  if (root["http"]) NW_RETURN_IF_ERROR(ReadHttp(root["http"], config.http));
  NW_RETURN_IF_ERROR(ReadTransport(root, config));
  for (std::string* file :
       {&config.tls.cert_file, &config.tls.key_file, &config.tls.client_ca_file})
    *file = ResolvePath(*file, base_dir);
  return config;
}

StatusOr<HostConfig> LoadHostConfig(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFoundError("cannot read config file " + path);
  std::stringstream text;
  text << in.rdbuf();
  auto base_dir = std::filesystem::absolute(path).parent_path().string();
  auto config = ParseHostConfig(text.str(), base_dir);
  if (!config.ok()) return config.status().WithPrefix(path);
  return config;
}

}  // namespace needlework::host
