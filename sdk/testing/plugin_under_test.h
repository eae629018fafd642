// The plugin file the kit checks, loaded the way needlework-host loads it: dlopen, the
// version block read and checked before anything else is called, then the manifest, then
// an instance with the default config. Each step that runs plugin code is tried in a
// forked child first, so a plugin that crashes there fails the checks instead of the kit.
#ifndef NEEDLEWORK_SDK_TESTING_PLUGIN_UNDER_TEST_H_
#define NEEDLEWORK_SDK_TESTING_PLUGIN_UNDER_TEST_H_

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "isolated_call.h"
#include "needlework/plugin/v1/manifest.pb.h"
#include "needlework/plugin_abi.h"
#include "needlework/testing/conformance.h"
#include "needlework/types/v1/clinical.pb.h"

namespace needlework::conformance {

// Every problem with a version block as this SDK's host sees it ("; "-joined; empty when
// the host would accept it), plus any of the four functions missing, and then the message
// layouts as the host compares them (plugin_abi.h, "Message layouts").
std::string VersionBlockProblems(const nw_plugin_api& api);

class PluginUnderTest {
 public:
  // Loads options.plugin_path. Never fails: what went wrong is kept in the problems below,
  // and the later steps are not tried.
  explicit PluginUnderTest(const Options& options);
  PluginUnderTest(const PluginUnderTest&) = delete;
  PluginUnderTest& operator=(const PluginUnderTest&) = delete;

  const Options& options() const { return options_; }
  // Empty when the file loaded and its version block is acceptable.
  const std::string& load_problem() const { return load_problem_; }
  // The version block and functions; nullptr unless the file loaded. Owned by the library,
  // which is never unloaded.
  const nw_plugin_api* api() const { return api_; }
  // The manifest from the first describe; nullptr (see manifest_problem) when it failed.
  const plugin::v1::Manifest* manifest() const { return manifest_.get(); }
  const std::string& manifest_problem() const { return manifest_problem_; }
  // The instance for the default config; nullptr (see instance_problem) when refused.
  nw_instance* instance() const { return instance_; }
  const std::string& instance_problem() const { return instance_problem_; }
  // The ADD_ON therapies the plugin's catalog offers with the default config.
  const std::vector<types::v1::Coding>& add_ons() const { return add_ons_; }
  // The plugin's default config as the host passes it ("{}" when the manifest has none).
  std::string DefaultConfig() const;

  // Isolated calls (see RunIsolated); the plugin must have loaded.
  CallResult Describe() const;
  // create_instance for clinic "conformance-clinic" with `config` (in the child: the
  // instance goes with it). A refusal's message is the result's bytes.
  CallResult Create(const std::string& config) const;
  // create_instance with `config`, then invoke `hook` with `request` on that instance.
  CallResult CreateAndInvoke(const std::string& config, uint32_t hook,
                             const std::string& request) const;
  // invoke on the default instance, which must exist.
  CallResult Invoke(uint32_t hook, const std::string& request) const;

  // How long an isolated call may run before it counts as hung: four deadlines, >= 1 s.
  std::chrono::milliseconds hang_timeout() const;

 private:
  void LoadLibrary();
  void ReadManifest();
  void CreateDefaultInstance();
  void ReadAddOns();

  Options options_;
  std::string load_problem_, manifest_problem_, instance_problem_;
  const nw_plugin_api* api_ = nullptr;
  std::unique_ptr<plugin::v1::Manifest> manifest_;
  nw_instance* instance_ = nullptr;  // owned by the plugin; never destroyed (like the host's)
  std::vector<types::v1::Coding> add_ons_;
};

}  // namespace needlework::conformance

#endif  // NEEDLEWORK_SDK_TESTING_PLUGIN_UNDER_TEST_H_
