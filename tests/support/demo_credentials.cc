#include "support/demo_credentials.h"

#include <nlohmann/json.hpp>

#include "support/child_process.h"

namespace needlework::testing {

StatusOr<DemoCredentials> ReadDemoCredentials(const std::string& data_dir) {
  auto json =
      nlohmann::json::parse(ReadWholeFile(data_dir + "/demo-credentials.json"), nullptr, false);
  if (!json.is_object()) return InternalError("no demo credentials in " + data_dir);
  return DemoCredentials{json.value("emr_token", ""), json.value("admin_token", "")};
}

}  // namespace needlework::testing
