#include "config_cases.h"

#include <nlohmann/json.hpp>

namespace needlework::conformance {
namespace {

using Json = nlohmann::json;

constexpr size_t kMaxOddMembers = 24;  // keeps the check fast for large configs

Json Defaults(const std::string& text) {
  Json defaults = Json::parse(text, nullptr, false);
  return defaults.is_object() ? defaults : Json::object();
}

// A value of another JSON type than `value`.
Json OtherType(const Json& value) {
  if (value.is_object()) return "not an object";
  if (value.is_array()) return Json{{"not", "an array"}};
  if (value.is_string()) return 12345;
  if (value.is_boolean()) return "not a boolean";
  if (value.is_number()) return "not a number";
  return Json::array();
}

}  // namespace

std::vector<ConfigCase> BadConfigs(const std::string& defaults,
                                   const std::vector<std::string>& vendor_patches) {
  std::vector<ConfigCase> cases = {
      {"a JSON array as config", "[1, 2, 3]"},
      {"a JSON string as config", "\"a string\""},
      {"a JSON number as config", "42"},
      {"truncated JSON as config", "{\"unterminated\": "},
      {"bytes that are not JSON as config", "\xff\xfe garbage"},
  };
  for (const auto& patch_text : vendor_patches) {
    Json patch = Json::parse(patch_text, nullptr, false);
    if (!patch.is_object()) {
      cases.push_back({"BAD_CONFIG " + patch_text + " (not a JSON object: fix the test)", "{"});
      continue;
    }
    Json config = Defaults(defaults);
    config.merge_patch(patch);
    cases.push_back({"BAD_CONFIG " + patch_text, config.dump()});
  }
  return cases;
}

std::vector<ConfigCase> OddlyTypedConfigs(const std::string& defaults) {
  const Json base = Defaults(defaults);
  std::vector<ConfigCase> cases;
  for (auto it = base.begin(); it != base.end() && cases.size() < kMaxOddMembers; ++it) {
    Json config = base;
    config[it.key()] = OtherType(it.value());
    cases.push_back({"the default config with \"" + it.key() + "\": " + config[it.key()].dump(),
                     config.dump()});
  }
  Json unknown = base;
  unknown["conformance-unknown-member"] = true;
  cases.push_back({"the default config with an unknown member", unknown.dump()});
  return cases;
}

}  // namespace needlework::conformance
