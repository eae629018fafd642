// `needlework-host --seed-demo`: a ready-to-try clinic for `make run` and the README.
#ifndef NEEDLEWORK_HOST_SERVER_DEMO_SEED_H_
#define NEEDLEWORK_HOST_SERVER_DEMO_SEED_H_

#include <string>

#include "host/server/host_context.h"

namespace needlework::host {

struct DemoCredentials {
  std::string clinic_id;
  std::string emr_token;
  std::string admin_token;
};

// On first use: creates clinic "demo" (Europe/London, two practitioners, two rooms, a
// microneedling pen, weekday and Saturday hours), enables every loaded plugin for it, issues one
// `emr` and one `admin` token and keeps them in <data_dir>/demo-credentials.json (mode 0600; the
// store itself keeps only hashes). Later: reads that file. Idempotent.
StatusOr<DemoCredentials> SeedDemo(HostContext& host);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_SERVER_DEMO_SEED_H_
