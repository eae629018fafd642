// Transport security through the real host: TLS and mutual TLS from the config (certificates
// made with openssl for each run), and the plaintext rule. Every connection goes to
// 127.0.0.1, also for a host bound to 0.0.0.0.
#include <gmock/gmock.h>

#include <filesystem>
#include <fstream>

#include "integration/api_helpers.h"
#include "support/test_certs.h"

namespace needlework::testing {
namespace {

using ::testing::HasSubstr;

// A Screen call over `channel` with the demo clinic's EMR token.
grpc::Status ScreenOver(const std::shared_ptr<grpc::Channel>& channel, const HostProcess& host) {
  auto stub = v1::ScreeningService::NewStub(channel);
  auto context = AuthorizedContext(host.emr_token());
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  v1::ScreenResponse response;
  return stub->Screen(context.get(), FactsWithConditions({}), &response);
}

class TransportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    certs_ = TestCerts::Make();
    ASSERT_NE(certs_, nullptr);
  }

  // A host serving TLS (mutual when asked) on `listen`; channel() trusts the test CA.
  std::unique_ptr<HostProcess> StartTls(bool mutual, const std::string& listen = "127.0.0.1:0") {
    HostOptions options;
    options.listen = listen;
    options.extra_config = certs_->HostConfig(mutual);
    options.channel_credentials = certs_->ServerOnly();
    options.ssl_target_name = "localhost";
    return HostProcess::Start(options);
  }

  std::unique_ptr<TestCerts> certs_;
};

TEST_F(TransportTest, TlsServesAClientTrustingTheCaAndRefusesPlaintext) {
  auto host = StartTls(/*mutual=*/false, "0.0.0.0:0");  // TLS may listen on a network
  ASSERT_NE(host, nullptr);
  grpc::Status tls = ScreenOver(host->channel(), *host);
  EXPECT_TRUE(tls.ok()) << tls.error_message();
  grpc::Status plaintext = ScreenOver(host->ChannelWith(grpc::InsecureChannelCredentials()), *host);
  EXPECT_EQ(plaintext.error_code(), grpc::StatusCode::UNAVAILABLE) << plaintext.error_message();
  EXPECT_THAT(host->Log(), HasSubstr("\"security\":\"tls\""));
}

TEST_F(TransportTest, MutualTlsServesOnlyAClientCertificateTheCaSigned) {
  auto host = StartTls(/*mutual=*/true);
  ASSERT_NE(host, nullptr);
  grpc::Status without_cert = ScreenOver(host->channel(), *host);
  EXPECT_EQ(without_cert.error_code(), grpc::StatusCode::UNAVAILABLE);
  grpc::Status stranger = ScreenOver(host->ChannelWith(certs_->WithStrangerCert()), *host);
  EXPECT_EQ(stranger.error_code(), grpc::StatusCode::UNAVAILABLE);
  grpc::Status plaintext = ScreenOver(host->ChannelWith(grpc::InsecureChannelCredentials()), *host);
  EXPECT_EQ(plaintext.error_code(), grpc::StatusCode::UNAVAILABLE);
  grpc::Status valid = ScreenOver(host->ChannelWith(certs_->WithClientCert()), *host);
  EXPECT_TRUE(valid.ok()) << valid.error_message();
  EXPECT_THAT(host->Log(), HasSubstr("\"security\":\"mtls\""));
}

TEST_F(TransportTest, AnUnreadableCertificateStopsTheHostNamingTheKey) {
  TempDir dir;
  std::ofstream(dir.File("host.yaml")) << "listen: 127.0.0.1:0\ndata_dir: " << dir.File("data")
                                       << "\ntls:\n  cert_file: " << dir.File("missing.pem")
                                       << "\n  key_file: " << certs_->server_key_file() << "\n";
  std::string err;
  EXPECT_EQ(RunHostBinary({"--config", dir.File("host.yaml")}, nullptr, &err), 1);
  EXPECT_THAT(err, HasSubstr("tls.cert_file"));
  EXPECT_THAT(err, HasSubstr(dir.File("missing.pem")));
}

TEST_F(TransportTest, NeedleworkctlSpeaksMutualTlsWithItsTlsFlags) {
  auto host = StartTls(/*mutual=*/true);
  ASSERT_NE(host, nullptr);
  std::vector<std::string> args = {"plugins",         "--address",         host->address(),
                                   "--token",         host->admin_token(), "--tls-ca",
                                   certs_->ca_file(), "--tls-server-name", "localhost"};
  std::string out, err;
  EXPECT_EQ(RunCtlBinary(args, &out, &err), 1) << "no client certificate: refused";
  args.insert(args.end(),
              {"--tls-cert", certs_->client_cert_file(), "--tls-key", certs_->client_key_file()});
  EXPECT_EQ(RunCtlBinary(args, &out, &err), 0) << err;
  EXPECT_THAT(out, HasSubstr("org.needlework.screening"));
}

TEST(PlaintextRuleTest, PlaintextOnANetworkAddressStopsTheHostBeforeItListens) {
  TempDir dir;
  std::ofstream(dir.File("host.yaml"))
      << "listen: 0.0.0.0:0\ndata_dir: " << dir.File("data") << "\n";
  std::string err;
  EXPECT_EQ(RunHostBinary({"--config", dir.File("host.yaml")}, nullptr, &err), 1);
  EXPECT_THAT(err, HasSubstr("0.0.0.0:0 is not loopback"));
  EXPECT_THAT(err, HasSubstr("allow_plaintext_non_loopback: true"));
  EXPECT_FALSE(std::filesystem::exists(dir.File("data")));  // refused before the store opened
}

TEST(PlaintextRuleTest, AnExplicitOptInServesPlaintextOnANetworkAddressWithAWarning) {
  HostOptions options;
  options.listen = "0.0.0.0:0";
  options.extra_config = "allow_plaintext_non_loopback: true";
  auto host = HostProcess::Start(options);  // dialled on 127.0.0.1
  ASSERT_NE(host, nullptr);
  grpc::Status status = ScreenOver(host->channel(), *host);
  EXPECT_TRUE(status.ok()) << status.error_message();
  EXPECT_THAT(host->Log(), HasSubstr("PLAINTEXT gRPC on a network address"));
}

}  // namespace
}  // namespace needlework::testing
