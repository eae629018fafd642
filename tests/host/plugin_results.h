// Plugin call results for unit tests of the host's merges, from real plugin instances: the
// behaviour test plugins (tests/fixtures/plugins/behaviour_plugin.cc, built by the
// test_plugins target), so ids, versions and add-on offers come from a loaded plugin.
#ifndef NEEDLEWORK_TESTS_HOST_PLUGIN_RESULTS_H_
#define NEEDLEWORK_TESTS_HOST_PLUGIN_RESULTS_H_

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <utility>

#include "host/plugins/hook_runner.h"
#include "host/plugins/plugin_instance.h"
#include "host/plugins/plugin_library.h"

namespace needlework::host::fixtures {

// The procedure code system of the behaviour plugin's add-on.
inline constexpr char kProcedureSystem[] = "https://needlework.dev/fhir/CodeSystem/procedure";

// An instance of org.needlework.test.<variant> (alpha or beta) with `config_json`, e.g.
// R"({"add_on":"rf"})" for an add-on plugin offering "rf". Fails the test (nullptr) when the
// plugin cannot be loaded. The loaded library lives for the process, as in the host.
inline std::shared_ptr<PluginInstance> BehaviourInstance(const std::string& variant,
                                                         const std::string& config_json = "{}") {
  static auto* loaded = new std::map<std::string, LoadedPlugin>();  // never freed, like the host's
  if (!loaded->contains(variant)) {
    auto plugin = LoadPluginLibrary(std::string(NEEDLEWORK_BINARY_DIR) +
                                    "/test-plugins/behaviour/behaviour_" + variant + ".so");
    EXPECT_TRUE(plugin.ok()) << plugin.status().ToString();
    if (!plugin.ok()) return nullptr;
    loaded->emplace(variant, std::move(*plugin));
  }
  auto instance = PluginInstance::Create(loaded->at(variant), "clinic-a", config_json);
  EXPECT_TRUE(instance.ok()) << instance.status().ToString();
  return instance.ok() ? *instance : nullptr;
}

// A plugin that answered `response` (serialized), as RunHook reports it.
inline PluginCallResult Answered(std::shared_ptr<PluginInstance> instance,
                                 const google::protobuf::Message& response) {
  PluginCallResult result;
  result.instance = std::move(instance);
  result.state = needlework::v1::PluginRun::STATE_OK;
  result.response = response.SerializeAsString();
  return result;
}

// A plugin that answered `bytes` as they are (e.g. not a valid message).
inline PluginCallResult AnsweredBytes(std::shared_ptr<PluginInstance> instance, std::string bytes) {
  PluginCallResult result;
  result.instance = std::move(instance);
  result.state = needlework::v1::PluginRun::STATE_OK;
  result.response = std::move(bytes);
  return result;
}

// A plugin that did not answer: `state` (ERROR, TIMED_OUT, ...) with `message` and, for
// ERROR, the plugin's own `code`.
inline PluginCallResult Failed(std::shared_ptr<PluginInstance> instance,
                               needlework::v1::PluginRun::State state, std::string message,
                               StatusCode code = StatusCode::kUnavailable) {
  PluginCallResult result;
  result.instance = std::move(instance);
  result.state = state;
  result.message = std::move(message);
  result.code = code;
  return result;
}

}  // namespace needlework::host::fixtures

#endif  // NEEDLEWORK_TESTS_HOST_PLUGIN_RESULTS_H_
