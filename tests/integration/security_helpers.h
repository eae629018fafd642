// Helpers for the security tests: any RPC by name with a minimal request, and tokens.
#ifndef NEEDLEWORK_TESTS_INTEGRATION_SECURITY_HELPERS_H_
#define NEEDLEWORK_TESTS_INTEGRATION_SECURITY_HELPERS_H_

#include <google/protobuf/descriptor.h>
#include <google/protobuf/dynamic_message.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/support/byte_buffer.h>
#include <gtest/gtest.h>

#include <future>
#include <memory>
#include <string>

#include "needlework/v1/admin.grpc.pb.h"
#include "support/host_process.h"

namespace needlework::testing {

namespace v1 = needlework::v1;

// Sets the string at `path` ("clinic_id", "hours.clinic_id") of `message`.
inline void SetFieldAtPath(google::protobuf::Message& message, const std::string& path,
                           const std::string& value) {
  google::protobuf::Message* current = &message;
  std::string rest = path;
  for (size_t dot = rest.find('.'); dot != std::string::npos; dot = rest.find('.')) {
    const auto* field = current->GetDescriptor()->FindFieldByName(rest.substr(0, dot));
    ASSERT_NE(field, nullptr) << path;
    current = current->GetReflection()->MutableMessage(current, field);
    rest = rest.substr(dot + 1);
  }
  const auto* field = current->GetDescriptor()->FindFieldByName(rest);
  ASSERT_NE(field, nullptr) << path;
  current->GetReflection()->SetString(current, field, value);
}

// A default request of `method`'s input type (a generated message, owned by the caller).
inline std::unique_ptr<google::protobuf::Message> MinimalRequest(std::string_view method) {
  // "/needlework.v1.AdminService/IssueToken" -> "needlework.v1.AdminService.IssueToken"
  std::string dotted(method.substr(1));
  dotted[dotted.find('/')] = '.';
  const auto* descriptor =
      google::protobuf::DescriptorPool::generated_pool()->FindMethodByName(dotted);
  EXPECT_NE(descriptor, nullptr) << method;
  if (descriptor == nullptr) return nullptr;
  return std::unique_ptr<google::protobuf::Message>(
      google::protobuf::MessageFactory::generated_factory()
          ->GetPrototype(descriptor->input_type())
          ->New());
}

// Calls `method` with `request` (serialized as is) and returns the status.
inline grpc::Status CallByName(const HostProcess& host, const std::string& token,
                               const std::string& method,
                               const google::protobuf::Message& request) {
  grpc::GenericStub stub(host.channel());
  std::string bytes = request.SerializeAsString();
  grpc::Slice slice(bytes);
  grpc::ByteBuffer in(&slice, 1), out;
  auto context = AuthorizedContext(token);
  std::promise<grpc::Status> done;
  stub.UnaryCall(context.get(), method, grpc::StubOptions(), &in, &out,
                 [&](grpc::Status status) { done.set_value(std::move(status)); });
  return done.get_future().get();
}

// IssueToken; fails the test unless it succeeds.
inline v1::IssueTokenResponse IssueToken(const HostProcess& host, const std::string& by,
                                         const std::string& role, const std::string& clinic,
                                         int64_t expires_in_seconds = 0) {
  v1::IssueTokenRequest request;
  request.set_role(role);
  request.set_clinic_id(clinic);
  request.set_label("test " + role);
  request.set_expires_in_seconds(expires_in_seconds);
  v1::IssueTokenResponse response;
  auto status = v1::AdminService::NewStub(host.channel())
                    ->IssueToken(AuthorizedContext(by).get(), request, &response);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return response;
}

}  // namespace needlework::testing

#endif  // NEEDLEWORK_TESTS_INTEGRATION_SECURITY_HELPERS_H_
