// needlework/testing/harness.h: a vendor's calls, through the kit's PluginUnderTest.
#include "needlework/testing/harness.h"

#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "hooks.h"
#include "plugin_under_test.h"

namespace needlework::testing {
namespace {

namespace pv1 = needlework::plugin::v1;

// `defaults` with `patch` merged over it (RFC 7386), or "" when the patch is no object.
std::string Patched(const std::string& defaults, const std::string& patch) {
  auto config = nlohmann::json::parse(defaults, nullptr, /*allow_exceptions=*/false);
  auto merge = nlohmann::json::parse(patch, nullptr, /*allow_exceptions=*/false);
  if (!merge.is_object() || !config.is_object()) return "";
  config.merge_patch(merge);
  return config.dump();
}

StatusOr<std::string> ReadRequest(const std::string& dir, const std::string& file,
                                  const google::protobuf::Message& prototype) {
  std::filesystem::path path(file);
  if (path.is_relative() && !dir.empty()) path = std::filesystem::path(dir) / path;
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  if (!in) return InvalidArgumentError("cannot read the request file " + path.string());
  std::unique_ptr<google::protobuf::Message> request(prototype.New());
  auto parsed = google::protobuf::util::JsonStringToMessage(content.str(), request.get());
  if (!parsed.ok()) {
    return InvalidArgumentError(path.string() + " is not a " + request->GetTypeName() +
                                " in proto3 JSON: " + parsed.ToString());
  }
  return request->SerializeAsString();
}

template <typename Response>
StatusOr<Response> CallHook(const PluginHarness& plugin, pv1::Hook hook, const std::string& file) {
  Response response;
  NW_RETURN_IF_ERROR(plugin.Call(hook, file, &response));
  return response;
}

}  // namespace

PluginHarness::PluginHarness(HarnessOptions options) : options_(std::move(options)) {
  conformance::Options kit;
  kit.plugin_path = options_.plugin_path;
  kit.deadline_ms = options_.deadline_ms;
  plugin_ = std::make_unique<conformance::PluginUnderTest>(kit);
  if (!plugin_->load_problem().empty()) {
    problem_ = plugin_->load_problem();
  } else if (plugin_->manifest() == nullptr) {
    problem_ = "no manifest: " + plugin_->manifest_problem();
  } else if ((config_ = Patched(plugin_->DefaultConfig(), options_.config_patch)).empty()) {
    problem_ = "config_patch must be a JSON object: " + options_.config_patch;
  } else if (auto created = plugin_->Create(config_); !created.ok()) {
    problem_ = "the plugin refused its default config patched with " + options_.config_patch +
               ": " + created.Describe();
  }
}

PluginHarness::~PluginHarness() = default;

Status PluginHarness::Call(pv1::Hook hook, const std::string& request_file,
                           google::protobuf::Message* response) const {
  if (!problem_.empty()) return FailedPreconditionError(problem_);
  const auto& hooks = plugin_->manifest()->hooks();
  const conformance::HookInfo* info = conformance::FindHook(hook);
  if (info == nullptr || std::find(hooks.begin(), hooks.end(), hook) == hooks.end()) {
    return FailedPreconditionError("the manifest does not list the hook " + pv1::Hook_Name(hook) +
                                   ", so a host never calls it");
  }
  NW_ASSIGN_OR_RETURN(std::string request,
                      ReadRequest(options_.requests_dir, request_file, *info->request));
  const conformance::CallResult result = plugin_->CreateAndInvoke(config_, hook, request);
  if (!result.returned()) return InternalError(info->name + ": " + result.Describe());
  if (result.code != NW_OK) return Status(static_cast<StatusCode>(result.code), result.bytes);
  if (!response->ParseFromString(result.bytes)) {
    return InternalError(info->name + " answered OK with bytes that are no " +
                         response->GetTypeName());
  }
  return OkStatus();
}

StatusOr<pv1::ScreenResponse> Screen(const PluginHarness& plugin, const std::string& file) {
  return CallHook<pv1::ScreenResponse>(plugin, pv1::HOOK_SCREEN, file);
}
StatusOr<pv1::PlanResponse> Plan(const PluginHarness& plugin, const std::string& file) {
  return CallHook<pv1::PlanResponse>(plugin, pv1::HOOK_PLAN, file);
}
StatusOr<pv1::CheckBookingResponse> CheckBooking(const PluginHarness& plugin,
                                                 const std::string& file) {
  return CallHook<pv1::CheckBookingResponse>(plugin, pv1::HOOK_CHECK_BOOKING, file);
}
StatusOr<pv1::AftercareResponse> Aftercare(const PluginHarness& plugin, const std::string& file) {
  return CallHook<pv1::AftercareResponse>(plugin, pv1::HOOK_AFTERCARE, file);
}
StatusOr<pv1::TriageResponse> Triage(const PluginHarness& plugin, const std::string& file) {
  return CallHook<pv1::TriageResponse>(plugin, pv1::HOOK_TRIAGE, file);
}
StatusOr<pv1::CatalogResponse> Catalog(const PluginHarness& plugin, const std::string& file) {
  return CallHook<pv1::CatalogResponse>(plugin, pv1::HOOK_CATALOG, file);
}

}  // namespace needlework::testing
