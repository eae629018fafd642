#include "manifest_rules.h"

#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "hooks.h"

namespace needlework::conformance {
namespace {

bool IsReverseDns(const std::string& id) {
  static const std::regex kReverseDns(R"(^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$)");
  return std::regex_match(id, kReverseDns);
}

bool IsSemanticVersion(const std::string& version) {
  static const std::regex kSemver(R"(^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$)");
  return std::regex_match(version, kSemver);
}

bool IsJsonObject(const std::string& text) {
  return nlohmann::json::parse(text, nullptr, false).is_object();
}

void CheckHooks(const plugin::v1::Manifest& manifest, uint32_t abi_minor,
                std::vector<std::string>* problems) {
  if (manifest.hooks().empty()) problems->push_back("no hooks are listed");
  std::set<int> seen;
  for (int hook : manifest.hooks()) {
    const HookInfo* info = FindHook(hook);
    if (info == nullptr) {
      problems->push_back("hook " + std::to_string(hook) + " is unknown to this SDK");
    } else if (!seen.insert(hook).second) {
      problems->push_back("hook " + info->name + " is listed twice");
    } else if (info->since_minor > abi_minor) {
      problems->push_back("hook " + info->name + " arrived in ABI 1." +
                          std::to_string(info->since_minor) + ", after the plugin's ABI 1." +
                          std::to_string(abi_minor));
    }
  }
}

}  // namespace

std::vector<std::string> ManifestProblems(const plugin::v1::Manifest& manifest,
                                          uint32_t abi_minor) {
  std::vector<std::string> problems;
  if (!IsReverseDns(manifest.id())) {
    problems.push_back("id '" + manifest.id() + "' is not reverse-DNS (e.g. com.acme.rf)");
  }
  if (!IsSemanticVersion(manifest.version())) {
    problems.push_back("version '" + manifest.version() + "' is not a semantic version (1.2.3)");
  }
  CheckHooks(manifest, abi_minor, &problems);
  if (!manifest.default_config_json().empty() && !IsJsonObject(manifest.default_config_json())) {
    problems.push_back("default_config_json is not a JSON object");
  }
  if (!manifest.config_schema_json().empty() && !IsJsonObject(manifest.config_schema_json())) {
    problems.push_back("config_schema_json is not a JSON object");
  }
  for (const auto& dependency : manifest.depends_on()) {
    if (!IsReverseDns(dependency.plugin_id())) {
      problems.push_back("depends_on '" + dependency.plugin_id() + "' is not a reverse-DNS id");
    }
  }
  return problems;
}

std::string ManifestDifference(const plugin::v1::Manifest& first,
                               const plugin::v1::Manifest& second) {
  if (first.id() != second.id()) return "id '" + first.id() + "', then '" + second.id() + "'";
  if (first.version() != second.version()) {
    return "version '" + first.version() + "', then '" + second.version() + "'";
  }
  if (first.hooks_size() != second.hooks_size() ||
      !std::equal(first.hooks().begin(), first.hooks().end(), second.hooks().begin())) {
    return "a different list of hooks";
  }
  if (first.default_config_json() != second.default_config_json()) {
    return "a different default_config_json";
  }
  return first.SerializeAsString() == second.SerializeAsString() ? "" : "different manifests";
}

}  // namespace needlework::conformance
