#include "plugin_file.h"

#include <dlfcn.h>

#include <boost/dll/shared_library.hpp>
#include <fstream>
#include <sstream>

#include "host/plugins/ed25519.h"
#include "needlework/build_key.h"
#include "needlework/message_fingerprints.h"
#include "needlework/plugin_abi.h"
#include "needlework/sdk_version.h"
#include "sdk/layout/plugin_layouts.h"

namespace needlework::ctl {
namespace {

void KeepText(void* context, const uint8_t* data, size_t size) {
  static_cast<std::string*>(context)->assign(reinterpret_cast<const char*>(data), size);
}

// The host refuses more (a newer minor); it names every problem in ListPlugins. Here only
// what describe needs to be safe to call: the major, the build key and the message layouts.
Status CheckVersionBlock(const nw_plugin_api& api) {
  if (api.struct_size < NEEDLEWORK_API_SIZE_1_0 || api.abi_major != NEEDLEWORK_ABI_MAJOR) {
    return FailedPreconditionError("the plugin's ABI major or table size is not this SDK's");
  }
  std::string key = api.build_key != nullptr ? api.build_key : "(none)";
  if (key != NEEDLEWORK_BUILD_KEY) {
    return FailedPreconditionError("build_key '" + key + "' differs from needleworkctl's '" +
                                   NEEDLEWORK_BUILD_KEY + "'");
  }
  return layout::CheckMessageLayouts(api, NEEDLEWORK_MESSAGE_FINGERPRINTS, SdkVersion()).status();
}

StatusOr<const nw_plugin_api*> EntryPoint(const std::string& file) {
  boost::system::error_code error;
  // Leaked on purpose: a plugin library is never unloaded.
  auto* library = new boost::dll::shared_library(
      file, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local, error);
  if (error) {
    const char* reason = ::dlerror();
    return FailedPreconditionError("cannot load " + file + ": " +
                                   std::string(reason ? reason : error.message()));
  }
  if (!library->has(NEEDLEWORK_ENTRY_POINT)) {
    return FailedPreconditionError(file + " has no entry point '" NEEDLEWORK_ENTRY_POINT "'");
  }
  const nw_plugin_api* api = library->get_alias<const nw_plugin_api*()>(NEEDLEWORK_ENTRY_POINT)();
  if (api == nullptr) return FailedPreconditionError("the entry point returned no API table");
  NW_RETURN_IF_ERROR(CheckVersionBlock(*api));
  return api;
}

}  // namespace

StatusOr<std::string> ReadWholeFile(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return NotFoundError("cannot read " + file);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

StatusOr<std::string> HashPluginFile(const std::string& file) {
  NW_ASSIGN_OR_RETURN(std::string bytes, ReadWholeFile(file));
  return signing::Sha256Hex(bytes);
}

StatusOr<needlework::plugin::v1::Manifest> ReadPluginManifest(const std::string& file) {
  NW_ASSIGN_OR_RETURN(const nw_plugin_api* api, EntryPoint(file));
  std::string text;
  nw_sink sink{&text, KeepText};
  if (api->describe == nullptr || api->describe(&sink) != NW_OK) {
    return FailedPreconditionError("the plugin's describe call failed: " + text);
  }
  needlework::plugin::v1::Manifest manifest;
  if (!manifest.ParseFromString(text)) {
    return FailedPreconditionError("describe returned a malformed Manifest");
  }
  return manifest;
}

}  // namespace needlework::ctl
