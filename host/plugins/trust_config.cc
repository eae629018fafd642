#include "host/plugins/trust_config.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <set>

#include "host/plugins/signature.h"

namespace needlework::host {
namespace {

namespace fs = std::filesystem;

constexpr char kKey[] = "plugin_trust";

Status KeyError(const std::string& key, const std::string& what) {
  return InvalidArgumentError("config key '" + std::string(kKey) + key + "': " + what);
}

Status OnlyKeys(const YAML::Node& node, const std::string& key,
                const std::set<std::string>& known) {
  if (!node.IsMap()) return KeyError(key, "expected a map");
  for (const auto& entry : node) {
    auto name = entry.first.as<std::string>();
    if (known.contains(name)) continue;
    std::string list;
    for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
    return KeyError(key + "." + name, "unknown key; known keys are " + list);
  }
  return OkStatus();
}

StatusOr<std::string> Text(const YAML::Node& node, const std::string& key) {
  if (!node) return KeyError(key, "missing");
  if (!node.IsScalar() || node.as<std::string>().empty()) return KeyError(key, "expected a string");
  return node.as<std::string>();
}

StatusOr<std::string> Path(const YAML::Node& node, const std::string& key,
                           const std::string& base_dir) {
  NW_ASSIGN_OR_RETURN(std::string path, Text(node, key));
  if (fs::path(path).is_absolute()) return path;
  return (fs::path(base_dir) / path).lexically_normal().string();
}

StatusOr<TrustMode> Mode(const YAML::Node& node) {
  NW_ASSIGN_OR_RETURN(std::string mode, Text(node, ".mode"));
  if (mode == "enforce") return TrustMode::kEnforce;
  if (mode == "development") return TrustMode::kDevelopment;
  return KeyError(".mode", "expected enforce or development, got '" + mode + "'");
}

Status ReadSigners(const YAML::Node& node, const std::string& base_dir, PluginTrustConfig& out) {
  if (!node.IsSequence()) return KeyError(".signers", "expected a list of {id, public_key_file}");
  for (size_t i = 0; i < node.size(); ++i) {
    std::string key = ".signers[" + std::to_string(i) + "]";
    NW_RETURN_IF_ERROR(OnlyKeys(node[i], key, {"id", "public_key_file"}));
    SignerConfig signer;
    NW_ASSIGN_OR_RETURN(signer.id, Text(node[i]["id"], key + ".id"));
    NW_ASSIGN_OR_RETURN(signer.public_key_file,
                        Path(node[i]["public_key_file"], key + ".public_key_file", base_dir));
    out.signers.push_back(std::move(signer));
  }
  return OkStatus();
}

Status ReadApproved(const YAML::Node& node, PluginTrustConfig& out) {
  if (!node.IsSequence()) return KeyError(".approved", "expected a list of {sha256, note}");
  for (size_t i = 0; i < node.size(); ++i) {
    std::string key = ".approved[" + std::to_string(i) + "]";
    NW_RETURN_IF_ERROR(OnlyKeys(node[i], key, {"sha256", "note"}));
    NW_ASSIGN_OR_RETURN(std::string hash, Text(node[i]["sha256"], key + ".sha256"));
    if (!signing::IsSha256Hex(hash))
      return KeyError(key + ".sha256", "expected 64 lower-case hex digits");
    out.approved_sha256.push_back(hash);
  }
  return OkStatus();
}

}  // namespace

StatusOr<PluginTrustConfig> ParsePluginTrust(const YAML::Node& node, const std::string& base_dir) {
  NW_RETURN_IF_ERROR(OnlyKeys(node, "", {"mode", "signers", "approved", "approved_file"}));
  PluginTrustConfig config;
  config.present = true;
  if (node["mode"]) {
    NW_ASSIGN_OR_RETURN(config.mode, Mode(node["mode"]));
  }
  if (node["signers"]) NW_RETURN_IF_ERROR(ReadSigners(node["signers"], base_dir, config));
  if (node["approved"]) NW_RETURN_IF_ERROR(ReadApproved(node["approved"], config));
  if (node["approved_file"]) {
    NW_ASSIGN_OR_RETURN(config.approved_file,
                        Path(node["approved_file"], ".approved_file", base_dir));
  }
  return config;
}

}  // namespace needlework::host
