// libFuzzer target: decoding and validating a plugin's manifest (DecodeManifest in
// host/plugins/plugin_library.h), the bytes a plugin's describe() hands the host.
#include <google/protobuf/stubs/logging.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "host/plugins/plugin_library.h"

// protobuf logs every string field with invalid UTF-8 it parses; the noise hides findings.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)needlework::host::DecodeManifest(bytes);
  return 0;
}
