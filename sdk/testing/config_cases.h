// The configs the kit offers create_instance besides the default one.
#ifndef NEEDLEWORK_SDK_TESTING_CONFIG_CASES_H_
#define NEEDLEWORK_SDK_TESTING_CONFIG_CASES_H_

#include <string>
#include <vector>

namespace needlework::conformance {

struct ConfigCase {
  std::string name;    // for failure messages
  std::string config;  // the config_json passed to create_instance
};

// Configs every plugin must refuse: not an object (an array, a string, a number), not JSON
// at all, and each of `vendor_patches` applied as a JSON merge patch to `defaults` (a patch
// that is not a JSON object becomes a case that names the mistake).
std::vector<ConfigCase> BadConfigs(const std::string& defaults,
                                   const std::vector<std::string>& vendor_patches);

// `defaults` with one top-level member at a time given a value of another JSON type
// (an object becomes a string, a number a string, a string a number, ...), plus an unknown
// member: the plugin may accept or refuse each, but must answer.
std::vector<ConfigCase> OddlyTypedConfigs(const std::string& defaults);

}  // namespace needlework::conformance

#endif  // NEEDLEWORK_SDK_TESTING_CONFIG_CASES_H_
