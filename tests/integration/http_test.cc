// The HTTP listener through the real host over real HTTP (cpp-httplib's client): probes,
// the request limits, JSON errors, TLS from the host's certificate, the plaintext rule and
// a clean shutdown.
#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <httplib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "support/host_process.h"
#include "support/test_certs.h"

namespace needlework::testing {
namespace {

using ::testing::HasSubstr;

constexpr char kSmallLimits[] =
    "http:\n  listen: 127.0.0.1:0\n  max_body_bytes: 4096\n  max_header_bytes: 4096\n";

std::unique_ptr<HostProcess> StartWithHttp(const std::string& http_config = kSmallLimits) {
  HostOptions options;
  options.extra_config = http_config;
  return HostProcess::Start(options);
}

// A client for the host's HTTP address ("127.0.0.1:PORT").
httplib::Client ClientFor(const HostProcess& host) {
  httplib::Client client("http://" + host.http_address());
  client.set_connection_timeout(std::chrono::seconds(10));
  client.set_read_timeout(std::chrono::seconds(10));
  return client;
}

// The `error.code` of a JSON error body.
std::string ErrorCode(const httplib::Result& result) {
  auto body = nlohmann::json::parse(result->body, nullptr, /*allow_exceptions=*/false);
  if (!body.is_object() || !body.contains("error")) return "not a JSON error: " + result->body;
  return body["error"].value("code", "");
}

// A TCP connection to `address` ("127.0.0.1:PORT") with a 10 s receive timeout; -1 on error.
int ConnectTo(const std::string& address) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in peer{};
  peer.sin_family = AF_INET;
  peer.sin_port = htons(static_cast<uint16_t>(std::stoi(address.substr(address.rfind(':') + 1))));
  ::inet_pton(AF_INET, "127.0.0.1", &peer.sin_addr);
  timeval timeout{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
  if (::connect(fd, reinterpret_cast<sockaddr*>(&peer), sizeof(peer)) == 0) return fd;
  ::close(fd);
  return -1;
}

// Sends `request` as written to the host at `address` ("127.0.0.1:PORT") and returns what it
// answers until it closes the connection (or 10 s pass). For requests the client library
// would not send as they are.
std::string ExchangeRaw(const std::string& address, const std::string& request) {
  int fd = ConnectTo(address);
  std::string reply;
  if (fd >= 0 && ::send(fd, request.data(), request.size(), MSG_NOSIGNAL) ==
                     static_cast<ssize_t>(request.size())) {
    char buffer[4096];
    for (ssize_t n; (n = ::recv(fd, buffer, sizeof(buffer), 0)) > 0;) reply.append(buffer, n);
  }
  if (fd >= 0) ::close(fd);
  return reply;
}

TEST(HttpListenerTest, ProbesAnswerOnTheAddressInTheReadyFile) {
  auto host = StartWithHttp();
  ASSERT_NE(host, nullptr);
  ASSERT_THAT(host->http_address(), ::testing::StartsWith("127.0.0.1:"));
  auto client = ClientFor(*host);
  auto health = client.Get("/healthz");
  ASSERT_TRUE(health) << httplib::to_string(health.error());
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(nlohmann::json::parse(health->body)["status"], "serving");
  auto ready = client.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200) << ready->body;
  EXPECT_EQ(ready->get_header_value("Content-Type"), "application/json");
}

TEST(HttpListenerTest, NoListenerUnlessConfigured) {
  auto host = HostProcess::Start();
  ASSERT_NE(host, nullptr);
  EXPECT_EQ(host->http_address(), "");
  EXPECT_THAT(host->Log(), ::testing::Not(HasSubstr("http_listening")));
}

TEST(HttpListenerTest, ReadyzIs503NamingAnEnabledPluginThatIsNotInstalled) {
  auto host = StartWithHttp();
  ASSERT_NE(host, nullptr);
  TempDir empty;  // the demo clinic's plugins are enabled in the store, but gone from disk
  HostOptions options;
  options.plugin_dirs = {empty.path()};
  options.seed_demo = false;
  options.extra_config = kSmallLimits;
  ASSERT_TRUE(host->RestartWith(options));
  auto client = ClientFor(*host);
  auto ready = client.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 503);
  auto body = nlohmann::json::parse(ready->body);
  EXPECT_EQ(body["status"], "not ready");
  EXPECT_THAT(body["reasons"].dump(), HasSubstr("org.needlework.screening"));
  EXPECT_EQ(client.Get("/healthz")->status, 200) << "the process still serves";
}

TEST(HttpListenerTest, UnknownPathIs404AndWrongMethodIs405AsJson) {
  auto host = StartWithHttp();
  ASSERT_NE(host, nullptr);
  auto client = ClientFor(*host);
  auto missing = client.Get("/no/such/path");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(ErrorCode(missing), "NOT_FOUND");
  auto wrong = client.Post("/healthz", "{}", "application/json");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 405);
  EXPECT_EQ(wrong->get_header_value("Allow"), "GET");
}

TEST(HttpListenerTest, ABodyOverTheLimitIs413AndOneAtTheLimitIsRead) {
  auto host = StartWithHttp();
  ASSERT_NE(host, nullptr);
  auto client = ClientFor(*host);
  auto big = client.Post("/healthz", std::string(4097, 'x'), "application/json");
  ASSERT_TRUE(big) << httplib::to_string(big.error());
  EXPECT_EQ(big->status, 413);
  EXPECT_EQ(ErrorCode(big), "RESOURCE_EXHAUSTED");
  EXPECT_THAT(big->body, HasSubstr("http.max_body_bytes"));
  auto at_limit = client.Post("/healthz", std::string(4096, 'x'), "application/json");
  ASSERT_TRUE(at_limit);
  EXPECT_EQ(at_limit->status, 405) << "read in full, then routed";
}

TEST(HttpListenerTest, AChunkedBodyIsRefusedOnItsHeadAlone) {
  auto host = StartWithHttp();
  ASSERT_NE(host, nullptr);
  // Only the head is sent: the refusal must come before any of the body is read.
  std::string reply = ExchangeRaw(host->http_address(),
                                  "POST /healthz HTTP/1.1\r\nHost: localhost\r\n"
                                  "Transfer-Encoding: chunked\r\n\r\n");
  EXPECT_THAT(reply, ::testing::StartsWith("HTTP/1.1 411"));
  EXPECT_THAT(reply, HasSubstr("Content-Length"));
  reply = ExchangeRaw(host->http_address(), "POST /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");
  EXPECT_THAT(reply, ::testing::StartsWith("HTTP/1.1 411")) << "no length: read to EOF";
}

TEST(HttpListenerTest, AHeadOverTheLimitIs431) {
  auto host = StartWithHttp();
  ASSERT_NE(host, nullptr);
  auto client = ClientFor(*host);
  httplib::Headers headers;
  for (int i = 0; i < 6; ++i)
    headers.emplace("X-Padding-" + std::to_string(i), std::string(1000, 'p'));
  auto big = client.Get("/healthz", headers);
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 431);
  EXPECT_THAT(big->body, HasSubstr("http.max_header_bytes"));
}

TEST(HttpListenerTest, StopsCleanlyWhileAClientHoldsAnIdleConnection) {
  auto host = StartWithHttp("http:\n  listen: 127.0.0.1:0\n  idle_timeout_seconds: 1\n");
  ASSERT_NE(host, nullptr);
  int idle = ConnectTo(host->http_address());
  ASSERT_GE(idle, 0);
  EXPECT_EQ(host->Stop(), 0) << host->Log();  // the idle connection ends at idle_timeout
  ::close(idle);
}

TEST(HttpListenerTest, ServesTlsWithTheHostCertificateAndNoPlaintext) {
  auto certs = TestCerts::Make();
  ASSERT_NE(certs, nullptr);
  auto host =
      StartWithHttp(certs->HostConfig(/*mutual=*/false) + "\nhttp:\n  listen: 127.0.0.1:0\n");
  ASSERT_NE(host, nullptr);
  std::string port = host->http_address().substr(host->http_address().rfind(':') + 1);
  httplib::SSLClient tls("127.0.0.1", std::stoi(port));
  tls.set_ca_cert_path(certs->ca_file().c_str());
  tls.enable_server_certificate_verification(true);
  auto health = tls.Get("/healthz");
  ASSERT_TRUE(health) << httplib::to_string(health.error());
  EXPECT_EQ(health->status, 200);
  auto plaintext = ClientFor(*host).Get("/healthz");
  EXPECT_FALSE(plaintext && plaintext->status == 200) << "plaintext must not be served";
}

TEST(HttpListenerTest, PlaintextHttpOnANetworkAddressStopsTheHost) {
  TempDir dir;
  std::ofstream(dir.File("host.yaml"))
      << "listen: 127.0.0.1:0\ndata_dir: " << dir.File("data") << "\nhttp:\n  listen: 0.0.0.0:0\n";
  std::string err;
  EXPECT_EQ(RunHostBinary({"--config", dir.File("host.yaml")}, nullptr, &err), 1);
  EXPECT_THAT(err, HasSubstr("http.listen address 0.0.0.0:0 is not loopback"));
  EXPECT_THAT(err, HasSubstr("allow_plaintext_non_loopback"));
}

}  // namespace
}  // namespace needlework::testing
