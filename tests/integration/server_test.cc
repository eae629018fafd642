// The server as a generic gRPC client sees it: health checking, reflection, a unix socket,
// and a clean stop on SIGTERM that lets in-flight calls finish.
#include <gmock/gmock.h>
#include <gtest/gtest-spi.h>

#include <thread>

#include "grpc/health/v1/health.grpc.pb.h"
#include "grpc/reflection/v1alpha/reflection.grpc.pb.h"
#include "integration/api_helpers.h"

namespace needlework::testing {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

TEST(ServerTest, HealthCheckSaysServing) {
  auto host = HostProcess::Start();
  ASSERT_NE(host, nullptr);
  auto health = grpc::health::v1::Health::NewStub(host->channel());
  grpc::health::v1::HealthCheckResponse response;
  auto status = health->Check(AuthorizedContext("").get(), {}, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.status(), grpc::health::v1::HealthCheckResponse::SERVING);
}

TEST(ServerTest, ReflectionListsTheApi) {
  auto host = HostProcess::Start();
  ASSERT_NE(host, nullptr);
  auto reflection = grpc::reflection::v1alpha::ServerReflection::NewStub(host->channel());
  auto context = AuthorizedContext("");
  auto stream = reflection->ServerReflectionInfo(context.get());
  grpc::reflection::v1alpha::ServerReflectionRequest request;
  request.set_list_services("");
  ASSERT_TRUE(stream->Write(request));
  stream->WritesDone();
  grpc::reflection::v1alpha::ServerReflectionResponse response;
  ASSERT_TRUE(stream->Read(&response));
  std::vector<std::string> names;
  for (const auto& service : response.list_services_response().service()) {
    names.push_back(service.name());
  }
  EXPECT_THAT(names, Contains("needlework.v1.ScreeningService"));
  EXPECT_THAT(names, Contains("needlework.v1.AdminService"));
  EXPECT_TRUE(stream->Finish().ok());
}

TEST(ServerTest, ServesOnAUnixSocket) {
  TempDir dir;
  HostOptions options;
  options.listen = "unix:" + dir.File("needlework.sock");
  auto host = HostProcess::Start(options);
  ASSERT_NE(host, nullptr);
  EXPECT_EQ(host->address(), options.listen);
  auto reply = Api(*host).Screen(host->emr_token(), FactsWithConditions({"88616000"}));
  ASSERT_TRUE(reply.status.ok()) << reply.status.error_message();
  EXPECT_EQ(reply.response.outcome(), types::OUTCOME_DEFER);
}

TEST(ServerTest, SigtermLetsTheInFlightCallFinish) {
  HostOptions options;
  options.plugin_dirs = {NEEDLEWORK_BINARY_DIR "/test-plugins/behaviour", NEEDLEWORK_PLUGIN_DIR};
  options.hook_deadlines_ms = {{"screen", 10000}};
  auto host = HostProcess::Start(options);
  ASSERT_NE(host, nullptr);
  Api api(*host);
  ASSERT_TRUE(api.Configure(host->admin_token(), "demo", "org.needlework.test.alpha",
                            R"({"sleep_ms":1500})")
                  .status.ok());
  Reply<v1::ScreenResponse> in_flight;
  std::thread call([&] { in_flight = api.Screen(host->emr_token(), FactsWithConditions({})); });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // the call is in alpha now
  EXPECT_EQ(host->Stop(), 0);
  call.join();
  ASSERT_TRUE(in_flight.status.ok()) << in_flight.status.error_message();
  EXPECT_EQ(in_flight.response.outcome(), types::OUTCOME_ELIGIBLE);
  EXPECT_THAT(host->Log(), HasSubstr("\"event\":\"stopped\""));
}

TEST(ServerTest, PlaintextOnANetworkAddressIsRefused) {
  HostOptions options;
  options.listen = "0.0.0.0:0";
  std::unique_ptr<HostProcess> host;
  EXPECT_NONFATAL_FAILURE(host = HostProcess::Start(options), "exited during start-up");
  EXPECT_EQ(host, nullptr);
}

}  // namespace
}  // namespace needlework::testing
