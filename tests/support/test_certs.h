// Throw-away certificates for TLS tests, made with the openssl CLI in a temp dir: never
// committed, valid for a day.
#ifndef NEEDLEWORK_TESTS_SUPPORT_TEST_CERTS_H_
#define NEEDLEWORK_TESTS_SUPPORT_TEST_CERTS_H_

#include <grpcpp/security/credentials.h>

#include <memory>
#include <string>

#include "support/temp_dir.h"

namespace needlework::testing {

// A CA, a server certificate it signed (CN localhost, SANs DNS:localhost and IP:127.0.0.1),
// a client certificate it signed, and a client certificate signed by another CA. EC P-256.
class TestCerts {
 public:
  // Makes them all; fails the current test (and returns nullptr) when openssl fails.
  static std::unique_ptr<TestCerts> Make();

  // PEM file names.
  std::string ca_file() const { return dir_.File("ca.pem"); }
  std::string server_cert_file() const { return dir_.File("server.pem"); }
  std::string server_key_file() const { return dir_.File("server.key"); }
  std::string client_cert_file() const { return dir_.File("client.pem"); }
  std::string client_key_file() const { return dir_.File("client.key"); }
  std::string stranger_cert_file() const { return dir_.File("stranger.pem"); }
  std::string stranger_key_file() const { return dir_.File("stranger.key"); }

  // The `tls:` map for a host config; with the CA as client_ca_file when `mutual`.
  std::string HostConfig(bool mutual) const;

  // Channel credentials trusting the CA, presenting no client certificate.
  std::shared_ptr<grpc::ChannelCredentials> ServerOnly() const;
  // The same, presenting the client certificate signed by the CA.
  std::shared_ptr<grpc::ChannelCredentials> WithClientCert() const;
  // The same, presenting the certificate signed by the other CA.
  std::shared_ptr<grpc::ChannelCredentials> WithStrangerCert() const;

 private:
  TestCerts() = default;
  bool Run(const std::string& command) const;
  bool MakeCa(const std::string& name) const;
  bool MakeLeaf(const std::string& name, const std::string& ca, const std::string& subject,
                const std::string& extensions) const;
  std::shared_ptr<grpc::ChannelCredentials> Credentials(const std::string& name) const;

  TempDir dir_;
};

}  // namespace needlework::testing

#endif  // NEEDLEWORK_TESTS_SUPPORT_TEST_CERTS_H_
