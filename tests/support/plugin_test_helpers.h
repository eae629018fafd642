// Helpers shared by the built-in plugins' unit tests.
#ifndef NEEDLEWORK_TESTS_SUPPORT_PLUGIN_TEST_HELPERS_H_
#define NEEDLEWORK_TESTS_SUPPORT_PLUGIN_TEST_HELPERS_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "needlework/types/v1/clinical.pb.h"

namespace needlework::testing {

// `defaults_json` with `patch` applied as an RFC 7386 merge patch, as the host applies a
// clinic's config over a plugin's defaults.
inline std::string MergePatched(std::string_view defaults_json, const nlohmann::json& patch) {
  nlohmann::json config = nlohmann::json::parse(defaults_json);
  config.merge_patch(patch);
  return config.dump();
}

inline needlework::types::v1::Coding MakeCoding(std::string_view system, std::string_view code,
                                                std::string_view display = "") {
  needlework::types::v1::Coding coding;
  coding.set_system(std::string(system));
  coding.set_code(std::string(code));
  coding.set_display(std::string(display));
  return coding;
}

}  // namespace needlework::testing

#endif  // NEEDLEWORK_TESTS_SUPPORT_PLUGIN_TEST_HELPERS_H_
