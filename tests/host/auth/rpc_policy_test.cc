// The authorization matrix covers every RPC: a method of any needlework.v1 service without
// an entry in host/auth/rpc_policy.cc fails here, and so does an entry naming no method.
#include "host/auth/rpc_policy.h"

#include <google/protobuf/descriptor.h>
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "needlework/v1/admin.grpc.pb.h"
#include "needlework/v1/aftercare.grpc.pb.h"
#include "needlework/v1/catalog.grpc.pb.h"
#include "needlework/v1/planning.grpc.pb.h"
#include "needlework/v1/scheduling.grpc.pb.h"
#include "needlework/v1/screening.grpc.pb.h"

namespace needlework::host {
namespace {

// One message of each API file: naming it links the file's descriptors into the pool.
const google::protobuf::FileDescriptor* const* ApiFiles() {
  namespace v1 = needlework::v1;
  static const google::protobuf::FileDescriptor* const kFiles[] = {
      v1::ListPluginsRequest::descriptor()->file(),
      v1::GetAftercarePlanRequest::descriptor()->file(),
      v1::ListTherapiesRequest::descriptor()->file(),
      v1::ProposePlanRequest::descriptor()->file(),
      v1::FindSlotsRequest::descriptor()->file(),
      v1::ScreenRequest::descriptor()->file(),
      nullptr};
  return kFiles;
}

// "/pkg.Service/Method" for every method of every service in the API's files, found
// through the generated descriptor pool.
std::set<std::string> ApiMethods() {
  std::set<std::string> methods;
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  for (auto* const* linked = ApiFiles(); *linked != nullptr; ++linked) {
    const auto* file = pool->FindFileByName((*linked)->name());
    EXPECT_EQ(file, *linked);
    for (int s = 0; s < file->service_count(); ++s) {
      const auto* service = file->service(s);
      for (int m = 0; m < service->method_count(); ++m) {
        methods.insert("/" + service->full_name() + "/" + service->method(m)->name());
      }
    }
  }
  return methods;
}

TEST(RpcPolicyTest, EveryApiMethodHasAnEntry) {
  std::set<std::string> methods = ApiMethods();
  EXPECT_GT(methods.size(), 30u);
  for (const std::string& method : methods) {
    EXPECT_NE(FindRpcPolicy(method), nullptr) << method << " has no entry in rpc_policy.cc";
  }
}

TEST(RpcPolicyTest, EveryEntryNamesAnApiMethodOnce) {
  std::set<std::string> methods = ApiMethods();
  std::set<std::string> seen;
  for (const RpcPolicy& policy : AllRpcPolicies()) {
    std::string method(policy.method);
    EXPECT_TRUE(methods.contains(method)) << method << " is not an RPC of needlework.v1";
    EXPECT_TRUE(seen.insert(method).second) << method << " is listed twice";
    EXPECT_NE(policy.roles, 0) << method << " allows no role";
    if (policy.scope == ClinicScope::kRequest) {
      EXPECT_FALSE(policy.clinic_field.empty()) << method << " names no clinic field";
    }
  }
}

TEST(RpcPolicyTest, ClinicalCallsAreForEmrTokensOnlyAndAdminCallsNever) {
  for (const RpcPolicy& policy : AllRpcPolicies()) {
    bool admin_service = policy.method.starts_with("/needlework.v1.AdminService/");
    EXPECT_EQ((policy.roles & RoleBit(Role::kEmr)) != 0, !admin_service) << policy.method;
    if (!admin_service) {
      EXPECT_EQ(policy.scope, ClinicScope::kToken) << policy.method;
    }
  }
}

TEST(RpcPolicyTest, UnknownMethodHasNoEntry) {
  EXPECT_EQ(FindRpcPolicy("/needlework.v1.AdminService/DropEverything"), nullptr);
  EXPECT_EQ(FindRpcPolicy(""), nullptr);
}

}  // namespace
}  // namespace needlework::host
