// The demo clinic's tokens, which `needlework-host --seed-demo` writes into its data dir.
// Free of GoogleTest, so bench/ links it too.
#ifndef NEEDLEWORK_TESTS_SUPPORT_DEMO_CREDENTIALS_H_
#define NEEDLEWORK_TESTS_SUPPORT_DEMO_CREDENTIALS_H_

#include <string>

#include "needlework/status.h"

namespace needlework::testing {

struct DemoCredentials {
  std::string emr_token;
  std::string admin_token;
};

// Reads <data_dir>/demo-credentials.json; an error naming the dir when it is missing or is not
// a JSON object.
StatusOr<DemoCredentials> ReadDemoCredentials(const std::string& data_dir);

}  // namespace needlework::testing

#endif  // NEEDLEWORK_TESTS_SUPPORT_DEMO_CREDENTIALS_H_
