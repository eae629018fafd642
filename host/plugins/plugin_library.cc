#include "host/plugins/plugin_library.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>

#include <boost/dll/shared_library.hpp>
#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>
#include <regex>
#include <vector>

#include "host/plugins/plugin_version.h"
#include "host/plugins/sink.h"
#include "needlework/build_key.h"
#include "needlework/message_fingerprints.h"
#include "needlework/sdk_version.h"
#include "sdk/layout/message_fingerprint.h"

namespace needlework::host {
namespace {

using needlework::plugin::v1::Manifest;

// The version block (struct_size .. build_key) every ABI generation starts with.
constexpr size_t kVersionBlockSize = offsetof(nw_plugin_api, build_key) + sizeof(const char*);

std::string JoinProblems(const std::vector<std::string>& problems) {
  std::string joined;
  for (const auto& p : problems) joined += (joined.empty() ? "" : "; ") + p;
  return joined;
}

StatusOr<const nw_plugin_api*> ReadEntryPoint(const std::string& file) {
  boost::system::error_code error;
  // Deliberately leaked: a plugin library is never unloaded (see DESIGN.md).
  auto* library = new boost::dll::shared_library(
      file, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local, error);
  if (error) {
    const char* reason = ::dlerror();  // Boost.DLL keeps only a generic error code
    return FailedPreconditionError("cannot load: " +
                                   std::string(reason ? reason : error.message()));
  }
  if (!library->has(NEEDLEWORK_ENTRY_POINT)) {
    return FailedPreconditionError(std::string("no entry point '") + NEEDLEWORK_ENTRY_POINT +
                                   "'; register the plugin with NEEDLEWORK_PLUGIN(...)");
  }
  auto& entry = library->get_alias<const nw_plugin_api*()>(NEEDLEWORK_ENTRY_POINT);
  const nw_plugin_api* api = entry();
  if (api == nullptr) return FailedPreconditionError("entry point returned no API table");
  return api;
}

StatusOr<Manifest> Describe(const nw_plugin_api& api) {
  StringSink sink;
  int32_t code = api.describe != nullptr ? api.describe(sink.get()) : NW_UNIMPLEMENTED;
  if (code != NW_OK) {
    return FailedPreconditionError("describe failed (" +
                                   std::string(StatusCodeName(static_cast<StatusCode>(code))) +
                                   "): " + sink.text());
  }
  return DecodeManifest(sink.text());
}

// The host's release must be in the range the manifest declares (validated already).
Status CheckHostVersion(const Manifest& manifest) {
  if (manifest.host_versions().empty()) return OkStatus();
  NW_ASSIGN_OR_RETURN(VersionRange range, VersionRange::Parse(manifest.host_versions()));
  NW_ASSIGN_OR_RETURN(SemanticVersion host, SemanticVersion::Parse(SdkVersion()));
  if (range.Contains(host)) return OkStatus();
  return FailedPreconditionError(
      manifest.id() + " " + manifest.version() + " supports host releases '" + range.text() +
      "', not this host's " + host.text() + "; install a version of the plugin built for " +
      host.text() + ", or a host in that range");
}

// The library at `load_path`, version-checked and described.
StatusOr<LoadedPlugin> LoadFrom(const std::string& load_path) {
  NW_ASSIGN_OR_RETURN(const nw_plugin_api* api, ReadEntryPoint(load_path));
  std::string problems = CheckVersionBlock(*api);
  if (!problems.empty()) return FailedPreconditionError(problems);
  NW_ASSIGN_OR_RETURN(
      layout::LayoutVerdict layout,
      layout::CheckMessageLayouts(*api, NEEDLEWORK_MESSAGE_FINGERPRINTS, SdkVersion()));
  NW_ASSIGN_OR_RETURN(Manifest manifest, Describe(*api));
  NW_RETURN_IF_ERROR(CheckHostVersion(manifest));
  return LoadedPlugin{load_path, api, std::move(manifest), std::move(layout)};
}

// The loader names the descriptor path; people want the file.
std::string NameTheFile(std::string reason, const std::string& load_path, const std::string& file) {
  for (size_t at = reason.find(load_path); at != std::string::npos;
       at = reason.find(load_path, at + file.size())) {
    reason.replace(at, load_path.size(), file);
  }
  return reason;
}

}  // namespace

const char* HostBuildKey() { return NEEDLEWORK_BUILD_KEY; }

std::string CheckVersionBlock(const nw_plugin_api& api) {
  std::vector<std::string> problems;
  if (api.struct_size < kVersionBlockSize) {
    return "struct_size " + std::to_string(api.struct_size) + " is too small for a version block";
  }
  if (api.abi_major != NEEDLEWORK_ABI_MAJOR) {
    problems.push_back("abi_major " + std::to_string(api.abi_major) + " differs from the host's " +
                       std::to_string(NEEDLEWORK_ABI_MAJOR));
  }
  if (api.abi_major == NEEDLEWORK_ABI_MAJOR && api.abi_minor > NEEDLEWORK_ABI_MINOR) {
    problems.push_back("abi_minor " + std::to_string(api.abi_minor) + " is newer than the host's " +
                       std::to_string(NEEDLEWORK_ABI_MINOR) + "; upgrade needlework-host");
  }
  std::string key = api.build_key != nullptr ? api.build_key : "(none)";
  if (key != HostBuildKey()) {
    problems.push_back("build_key '" + key + "' differs from the host's '" + HostBuildKey() + "'");
  }
  const size_t required = layout::RequiredApiSize(api.abi_minor);
  if (problems.empty() && api.struct_size < required) {
    problems.push_back("struct_size " + std::to_string(api.struct_size) +
                       " is smaller than ABI 1." + std::to_string(api.abi_minor) + " requires (" +
                       std::to_string(required) + ")");
  }
  return JoinProblems(problems);
}

Status CheckSdkLibrary() {
  Status same = layout::CheckAgainstGeneratedPool(NEEDLEWORK_MESSAGE_FINGERPRINTS);
  if (same.ok()) return same;
  return FailedPreconditionError("needlework-host and libneedlework_sdk.so " +
                                 std::string(SdkVersion()) +
                                 " come from different builds: " + same.message() +
                                 "; install the host and SDK library of one release");
}

Status ValidateManifest(const Manifest& manifest) {
  static const std::regex kReverseDns(R"(^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$)");
  // A DNS name's limit. Longer ids are refused before the regex: std::regex recurses once
  // per character and overflowed the stack on a 40 kB id (found by fuzz/manifest_fuzzer).
  constexpr size_t kMaxIdLength = 253;
  std::vector<std::string> problems;
  if (manifest.id().size() > kMaxIdLength) {
    problems.push_back("id is " + std::to_string(manifest.id().size()) +
                       " characters long; at most " + std::to_string(kMaxIdLength));
  } else if (!std::regex_match(manifest.id(), kReverseDns)) {
    problems.push_back("id '" + manifest.id() + "' is not reverse-DNS (e.g. com.acme.rf)");
  }
  if (manifest.version().empty()) {
    problems.push_back("version is empty");
  } else if (auto version = SemanticVersion::Parse(manifest.version()); !version.ok()) {
    problems.push_back(version.status().message());
  }
  if (auto range = VersionRange::Parse(manifest.host_versions()); !range.ok()) {
    problems.push_back("host_versions: " + range.status().message());
  }
  for (int hook : manifest.hooks()) {
    if (!needlework::plugin::v1::Hook_IsValid(hook) || hook == 0) {
      problems.push_back("hook " + std::to_string(hook) + " is unknown to this host");
    }
  }
  auto config = nlohmann::json::parse(
      manifest.default_config_json().empty() ? "{}" : manifest.default_config_json(), nullptr,
      false);
  if (!config.is_object()) problems.push_back("default_config_json is not a JSON object");
  if (problems.empty()) return OkStatus();
  return InvalidArgumentError("manifest: " + JoinProblems(problems));
}

StatusOr<Manifest> DecodeManifest(std::string_view bytes) {
  Manifest manifest;
  if (!manifest.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return FailedPreconditionError("describe returned a malformed Manifest");
  }
  Status valid = ValidateManifest(manifest);
  if (!valid.ok()) return FailedPreconditionError(valid.message());
  return manifest;
}

StatusOr<LoadedPlugin> LoadPluginLibrary(OpenedPlugin& plugin) {
  std::string load_path = plugin.LoadPath();
  plugin.Release();
  StatusOr<LoadedPlugin> loaded = LoadFrom(load_path);
  if (!loaded.ok()) {
    return FailedPreconditionError(
        NameTheFile(loaded.status().message(), load_path, plugin.file()));
  }
  loaded->file = plugin.file();
  return loaded;
}

StatusOr<LoadedPlugin> LoadPluginLibrary(const std::string& file) {
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return FailedPreconditionError("cannot load: " + file + ": " + std::strerror(errno));
  StatusOr<OpenedPlugin> sealed = OpenedPlugin::Seal(file, fd);
  ::close(fd);
  if (!sealed.ok()) return FailedPreconditionError("cannot load: " + sealed.status().message());
  return LoadPluginLibrary(*sealed);
}

}  // namespace needlework::host
