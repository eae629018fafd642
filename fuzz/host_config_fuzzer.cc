// libFuzzer target: the host config loader (host/config/host_config.h) on any YAML text.
// It must answer OK or INVALID_ARGUMENT, never throw or crash; paths are not opened.
#include <cstddef>
#include <cstdint>
#include <string>

#include "host/config/host_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto config = needlework::host::ParseHostConfig(text, "/etc/needlework");
  if (config.ok()) (void)config->DeadlineFor("screen");
  return 0;
}
