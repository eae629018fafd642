// Reading a real host's audit log as an admin: the integration tests' shared calls.
#ifndef NEEDLEWORK_TESTS_INTEGRATION_AUDIT_HELPERS_H_
#define NEEDLEWORK_TESTS_INTEGRATION_AUDIT_HELPERS_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "security_helpers.h"

namespace needlework::testing {

inline std::unique_ptr<v1::AdminService::Stub> Admin(const HostProcess& host) {
  return v1::AdminService::NewStub(host.channel());
}

// The records of `rpc` (and of `clinic`, and whose object reference holds `object_ref`,
// when given), oldest first, up to 1,000.
inline std::vector<v1::AuditRecord> Records(const HostProcess& host, const std::string& rpc,
                                            const std::string& clinic = "",
                                            const std::string& object_ref = "") {
  v1::QueryAuditRequest request;
  request.set_rpc(rpc);
  request.set_clinic_id(clinic);
  request.set_object_ref(object_ref);
  request.set_limit(1000);
  v1::QueryAuditResponse response;
  auto status =
      Admin(host)->QueryAudit(AuthorizedContext(host.admin_token()).get(), request, &response);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return {response.records().begin(), response.records().end()};
}

// VerifyAudit's answer; a failed call is a test failure.
inline v1::VerifyAuditResponse Verify(const HostProcess& host) {
  v1::VerifyAuditResponse response;
  auto status = Admin(host)->VerifyAudit(AuthorizedContext(host.admin_token()).get(),
                                         v1::VerifyAuditRequest(), &response);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return response;
}

}  // namespace needlework::testing

#endif  // NEEDLEWORK_TESTS_INTEGRATION_AUDIT_HELPERS_H_
