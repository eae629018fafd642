// IsLoopbackAddress: the exact parse behind the plaintext rule (issue 15: any name starting
// with "127." used to count as loopback).
#include "host/server/transport.h"

#include <gtest/gtest.h>

#include <string>

namespace needlework::host {
namespace {

struct Case {
  const char* listen;
  bool loopback;
};

TEST(IsLoopbackAddressTest, ParsesTheListenAddressExactly) {
  const Case cases[] = {
      // IPv4 literals in 127.0.0.0/8, with or without a port.
      {"127.0.0.1:50051", true},
      {"127.0.0.1:0", true},
      {"127.255.255.254:1", true},
      {"127.1.2.3", true},
      // The IPv6 loopback, bracketed, in any spelling.
      {"[::1]:50051", true},
      {"[0:0:0:0:0:0:0:1]:50051", true},
      {"[::1]", true},
      {"localhost:50051", true},
      {"localhost", true},
      {"unix:/run/needlework/host.sock", true},
      // Names that merely start like loopback.
      {"127.evil.example.com:50051", false},
      {"127.0.0.1.nip.io:1", false},
      {"127.0.0.1.:50051", false},
      {"localhost.evil.example.com:50051", false},
      // Not four valid octets.
      {"127.0.0:50051", false},
      {"127.0.0.256:50051", false},
      {"127.0.0.01:50051", false},
      {"127:50051", false},
      {"0x7f.0.0.1:50051", false},
      // Other addresses.
      {"0.0.0.0:50051", false},
      {"10.0.0.5:50051", false},
      {"128.0.0.1:50051", false},
      {"[::]:50051", false},
      {"[::ffff:10.0.0.1]:50051", false},
      {"[fe80::1]:50051", false},
      {"::1:50051", false},  // IPv6 needs brackets
      {"[::1:50051", false},
      {"db.clinic.example:50051", false},
      // Malformed ports and empty parts.
      {"127.0.0.1:", false},
      {"127.0.0.1:http", false},
      {"127.0.0.1:5005100", false},
      {":50051", false},
      {"", false},
      {"unix:", false},
      {"dns:///localhost:50051", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(IsLoopbackAddress(c.listen), c.loopback) << '"' << c.listen << '"';
  }
}

TEST(CheckTransportTest, RefusesPlaintextOnANameThatOnlyStartsWith127) {
  HostConfig config;
  config.listen = "127.evil.example.com:50051";
  Status status = CheckTransport(config);
  EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(std::string(status.message()).find("127.evil.example.com:50051 is not loopback"),
            std::string::npos)
      << status.message();
  config.listen = "127.0.0.1:50051";
  EXPECT_TRUE(CheckTransport(config).ok());
}

}  // namespace
}  // namespace needlework::host
