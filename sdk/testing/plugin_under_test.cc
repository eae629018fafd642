#include "plugin_under_test.h"

#include <dlfcn.h>

#include <algorithm>
#include <vector>

#include "hooks.h"
#include "needlework/build_key.h"
#include "needlework/message_fingerprints.h"
#include "needlework/plugin/v1/catalog.pb.h"
#include "needlework/sdk_version.h"
#include "samples.h"
#include "sdk/layout/plugin_layouts.h"

namespace needlework::conformance {
namespace {

namespace pv1 = needlework::plugin::v1;

constexpr char kClinic[] = "conformance-clinic";
// The version block (struct_size .. build_key) every ABI generation starts with.
constexpr size_t kVersionBlockSize = offsetof(nw_plugin_api, build_key) + sizeof(const char*);

// What the host offers an instance: the kit drops log lines and has a fixed clock.
const nw_host_services* KitServices() {
  static const nw_host_services services = {
      sizeof(nw_host_services), nullptr, [](void*, int32_t, const char*, size_t) {},
      [](void*) -> int64_t { return int64_t{1800000000} * 1000000; }};
  return &services;
}

// A sink that keeps what is written to it.
struct TextSink {
  std::string text;
  nw_sink sink{this, [](void* self, const uint8_t* data, size_t size) {
                 static_cast<TextSink*>(self)->text.assign(reinterpret_cast<const char*>(data),
                                                           size);
               }};
};

std::string Join(const std::vector<std::string>& problems) {
  std::string joined;
  for (const auto& problem : problems) joined += (joined.empty() ? "" : "; ") + problem;
  return joined;
}

// dlopen + the entry point, as the host does it; the API table or an error.
const nw_plugin_api* OpenEntryPoint(const std::string& path, std::string* error) {
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);  // never closed
  if (handle == nullptr) {
    *error = std::string("cannot load: ") + dlerror();
    return nullptr;
  }
  // BOOST_DLL_ALIAS exports a variable holding the entry point's address.
  void* alias = dlsym(handle, NEEDLEWORK_ENTRY_POINT);
  if (alias == nullptr) {
    *error = std::string("no entry point '") + NEEDLEWORK_ENTRY_POINT +
             "'; register the plugin with NEEDLEWORK_PLUGIN(...)";
    return nullptr;
  }
  const nw_plugin_api* api = reinterpret_cast<nw_entry_point>(*static_cast<void**>(alias))();
  if (api == nullptr) *error = "the entry point returned no API table";
  return api;
}

}  // namespace

std::string VersionBlockProblems(const nw_plugin_api& api) {
  if (api.struct_size < kVersionBlockSize) {
    return "struct_size " + std::to_string(api.struct_size) + " is too small for a version block";
  }
  std::vector<std::string> problems;
  if (api.abi_major != NEEDLEWORK_ABI_MAJOR) {
    problems.push_back("abi_major " + std::to_string(api.abi_major) + " differs from the host's " +
                       std::to_string(NEEDLEWORK_ABI_MAJOR));
  } else if (api.abi_minor > NEEDLEWORK_ABI_MINOR) {
    problems.push_back("abi_minor " + std::to_string(api.abi_minor) + " is newer than the host's " +
                       std::to_string(NEEDLEWORK_ABI_MINOR));
  }
  std::string key = api.build_key != nullptr ? api.build_key : "(none)";
  if (key != NEEDLEWORK_BUILD_KEY) {
    problems.push_back("build_key '" + key + "' differs from the host's '" + NEEDLEWORK_BUILD_KEY +
                       "'");
  }
  if (api.struct_size < NEEDLEWORK_API_SIZE_1_0) {
    problems.push_back("struct_size " + std::to_string(api.struct_size) +
                       " is smaller than ABI 1.0 requires");
  } else if (!api.describe || !api.create_instance || !api.invoke || !api.destroy_instance) {
    problems.push_back("a function of the API table is null");
  }
  if (problems.empty()) {
    auto layouts = layout::CheckMessageLayouts(api, NEEDLEWORK_MESSAGE_FINGERPRINTS, SdkVersion());
    if (!layouts.ok()) problems.push_back(layouts.status().message());
  }
  return Join(problems);
}

PluginUnderTest::PluginUnderTest(const Options& options) : options_(options) {
  LoadLibrary();
  if (load_problem_.empty()) ReadManifest();
  if (manifest_ != nullptr) CreateDefaultInstance();
  if (instance_ != nullptr) ReadAddOns();
}

void PluginUnderTest::LoadLibrary() {
  // First in a child: static initialisers and the entry point may crash.
  CallResult probe = RunIsolated(
      [&](nw_sink*) {
        std::string error;
        return OpenEntryPoint(options_.plugin_path, &error) ? NW_OK : NW_FAILED_PRECONDITION;
      },
      hang_timeout());
  if (!probe.returned()) {
    load_problem_ = "loading " + options_.plugin_path + " " + probe.Describe();
    return;
  }
  api_ = OpenEntryPoint(options_.plugin_path, &load_problem_);
  if (api_ != nullptr) load_problem_ = VersionBlockProblems(*api_);
}

void PluginUnderTest::ReadManifest() {
  CallResult described = Describe();
  auto manifest = std::make_unique<plugin::v1::Manifest>();
  if (!described.ok()) {
    manifest_problem_ = "describe: " + described.Describe();
  } else if (!manifest->ParseFromString(described.bytes)) {
    manifest_problem_ = "describe: the answer is not a well-formed Manifest";
  } else {
    manifest_ = std::move(manifest);
  }
}

void PluginUnderTest::CreateDefaultInstance() {
  const std::string config = DefaultConfig();
  CallResult probe = Create(config);
  if (!probe.ok()) {
    instance_problem_ = "the default config was not accepted: " + probe.Describe();
    return;
  }
  TextSink error;
  api_->create_instance(KitServices(), kClinic, sizeof(kClinic) - 1, config.data(), config.size(),
                        &instance_, &error.sink);
}

void PluginUnderTest::ReadAddOns() {
  const auto& hooks = manifest_->hooks();
  if (std::find(hooks.begin(), hooks.end(), pv1::HOOK_CATALOG) == hooks.end()) return;
  CallResult answer =
      Invoke(pv1::HOOK_CATALOG, DefaultSamples(*FindHook(pv1::HOOK_CATALOG), {})[0].bytes);
  pv1::CatalogResponse catalog;
  if (!answer.ok() || !catalog.ParseFromString(answer.bytes)) return;  // the checks report it
  for (const auto& therapy : catalog.therapies()) {
    if (therapy.kind() == types::v1::THERAPY_KIND_ADD_ON) add_ons_.push_back(therapy.code());
  }
}

std::string PluginUnderTest::DefaultConfig() const {
  if (manifest_ == nullptr || manifest_->default_config_json().empty()) return "{}";
  return manifest_->default_config_json();
}

CallResult PluginUnderTest::Describe() const {
  return RunIsolated([this](nw_sink* out) { return api_->describe(out); }, hang_timeout());
}

CallResult PluginUnderTest::Create(const std::string& config) const {
  return CreateAndInvoke(config, 0, "");
}

CallResult PluginUnderTest::CreateAndInvoke(const std::string& config, uint32_t hook,
                                            const std::string& request) const {
  auto call = [&](nw_sink* out) {
    nw_instance* instance = nullptr;
    TextSink error;
    int32_t code = api_->create_instance(KitServices(), kClinic, sizeof(kClinic) - 1, config.data(),
                                         config.size(), &instance, &error.sink);
    if (code == NW_OK && instance == nullptr) return CallResult::kNoInstance;
    if (code != NW_OK)
      out->write(out->context, reinterpret_cast<const uint8_t*>(error.text.data()),
                 error.text.size());
    if (code != NW_OK || hook == 0) return code;
    return api_->invoke(instance, hook, reinterpret_cast<const uint8_t*>(request.data()),
                        request.size(), out);
  };
  return RunIsolated(call, hang_timeout());
}

CallResult PluginUnderTest::Invoke(uint32_t hook, const std::string& request) const {
  auto call = [&](nw_sink* out) {
    return api_->invoke(instance_, hook, reinterpret_cast<const uint8_t*>(request.data()),
                        request.size(), out);
  };
  return RunIsolated(call, hang_timeout());
}

std::chrono::milliseconds PluginUnderTest::hang_timeout() const {
  return std::chrono::milliseconds(std::max(1000, 4 * options_.deadline_ms));
}

}  // namespace needlework::conformance
