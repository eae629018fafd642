// HttpGet against a real socket on loopback: the URL rule, the size and time bounds, and an
// unreachable server.
#include "host/http/http_client.h"

#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

namespace needlework::host {
namespace {

using ::testing::HasSubstr;

// A one-connection server on 127.0.0.1: answers `reply` (raw HTTP) to the first request, or
// holds the connection without answering when `reply` is empty, until destroyed.
class OneShotServer {
 public:
  explicit OneShotServer(std::string reply) : reply_(std::move(reply)) {
    listener_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof(address));
    socklen_t size = sizeof(address);
    getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &size);
    port_ = ntohs(address.sin_port);
    listen(listener_, 1);
    thread_ = std::thread([this] { Serve(); });
  }
  ~OneShotServer() {
    shutdown(listener_, SHUT_RDWR);
    if (client_ >= 0) shutdown(client_, SHUT_RDWR);
    thread_.join();
    close(listener_);
    if (client_ >= 0) close(client_);
  }
  std::string Url() const {
    return "http://127.0.0.1:" + std::to_string(port_) + "/fhir/Patient/1";
  }

 private:
  void Serve() {
    client_ = accept(listener_, nullptr, nullptr);
    if (client_ < 0) return;
    char buffer[4096];
    if (read(client_, buffer, sizeof(buffer)) <= 0 || reply_.empty()) return;
    for (size_t sent = 0; sent < reply_.size();) {
      ssize_t n = write(client_, reply_.data() + sent, reply_.size() - sent);
      if (n <= 0) return;
      sent += static_cast<size_t>(n);
    }
  }

  std::string reply_;
  int listener_ = -1;
  int client_ = -1;
  int port_ = 0;
  std::thread thread_;
};

std::string Reply(const std::string& body) {
  return "HTTP/1.1 200 OK\r\nContent-Type: application/fhir+json\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

TEST(HttpClientTest, OnlyHttpsOrLoopbackHttpIsCalled) {
  EXPECT_TRUE(UrlAllowed("https://fhir.example.org/r4"));
  EXPECT_TRUE(UrlAllowed("http://127.0.0.1:8080/fhir"));
  EXPECT_TRUE(UrlAllowed("http://localhost/fhir"));
  EXPECT_TRUE(UrlAllowed("http://[::1]:9/fhir"));
  EXPECT_FALSE(UrlAllowed("http://fhir.example.org/r4"));
  EXPECT_FALSE(UrlAllowed("ftp://127.0.0.1/x"));
  EXPECT_FALSE(UrlAllowed("file:///etc/passwd"));
  EXPECT_FALSE(UrlAllowed("not a url"));
  auto refused = HttpGet("http://fhir.example.org/r4", {}, {});
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
}

TEST(HttpClientTest, ReadsTheBodyAndStatus) {
  OneShotServer server(Reply(R"({"resourceType":"Patient","id":"1"})"));
  auto reply = HttpGet(server.Url(), {"Authorization: Bearer t"}, {});
  ASSERT_TRUE(reply.ok()) << reply.status().ToString();
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->body, R"({"resourceType":"Patient","id":"1"})");
}

TEST(HttpClientTest, ABodyOverTheLimitIsRefused) {
  OneShotServer server(Reply(std::string(64 * 1024, 'x')));
  auto reply = HttpGet(server.Url(), {}, {std::chrono::milliseconds(5000), 1024});
  EXPECT_EQ(reply.status().code(), StatusCode::kResourceExhausted) << reply.status().ToString();
}

TEST(HttpClientTest, AServerThatDoesNotAnswerTimesOut) {
  OneShotServer server("");
  auto reply = HttpGet(server.Url(), {}, {std::chrono::milliseconds(200), 1024});
  EXPECT_EQ(reply.status().code(), StatusCode::kDeadlineExceeded) << reply.status().ToString();
}

TEST(HttpClientTest, AnUnreachableServerIsUnavailable) {
  auto reply = HttpGet("http://127.0.0.1:9/fhir", {}, {std::chrono::milliseconds(2000), 1024});
  EXPECT_EQ(reply.status().code(), StatusCode::kUnavailable) << reply.status().ToString();
  EXPECT_THAT(reply.status().message(), HasSubstr("127.0.0.1:9"));
}

}  // namespace
}  // namespace needlework::host
