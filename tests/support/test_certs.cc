#include "support/test_certs.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "support/child_process.h"

namespace needlework::testing {
namespace {

constexpr char kKeyOptions[] = " -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";

}  // namespace

std::unique_ptr<TestCerts> TestCerts::Make() {
  std::unique_ptr<TestCerts> certs(new TestCerts());
  bool made =
      certs->MakeCa("ca") && certs->MakeCa("other-ca") &&
      certs->MakeLeaf("server", "ca", "/CN=localhost",
                      "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth") &&
      certs->MakeLeaf("client", "ca", "/CN=needlework-test-client",
                      "extendedKeyUsage=clientAuth") &&
      certs->MakeLeaf("stranger", "other-ca", "/CN=needlework-test-client",
                      "extendedKeyUsage=clientAuth");
  if (!made) return nullptr;
  return certs;
}

bool TestCerts::Run(const std::string& command) const {
  std::string line = "cd '" + dir_.path() + "' && " + command + " 2>>openssl.log";
  if (std::system(line.c_str()) == 0) return true;
  ADD_FAILURE() << "openssl failed: " << command << "\n" << ReadWholeFile(dir_.File("openssl.log"));
  return false;
}

bool TestCerts::MakeCa(const std::string& name) const {
  return Run("openssl req -x509" + std::string(kKeyOptions) + " -keyout " + name + ".key -out " +
             name + ".pem -days 1 -subj '/CN=Needlework test " + name +
             "' -addext basicConstraints=critical,CA:TRUE -addext keyUsage=keyCertSign,cRLSign");
}

bool TestCerts::MakeLeaf(const std::string& name, const std::string& ca, const std::string& subject,
                         const std::string& extensions) const {
  std::ofstream(dir_.File(name + ".ext")) << extensions << "\n";
  return Run("openssl req" + std::string(kKeyOptions) + " -keyout " + name + ".key -out " + name +
             ".csr -subj '" + subject + "'") &&
         Run("openssl x509 -req -in " + name + ".csr -CA " + ca + ".pem -CAkey " + ca +
             ".key -CAcreateserial -days 1 -out " + name + ".pem -extfile " + name + ".ext");
}

std::string TestCerts::HostConfig(bool mutual) const {
  std::string yaml =
      "tls:\n  cert_file: " + server_cert_file() + "\n  key_file: " + server_key_file() + "\n";
  if (mutual) yaml += "  client_ca_file: " + ca_file() + "\n";
  return yaml;
}

std::shared_ptr<grpc::ChannelCredentials> TestCerts::Credentials(const std::string& name) const {
  grpc::SslCredentialsOptions options;
  options.pem_root_certs = ReadWholeFile(ca_file());
  if (!name.empty()) {
    options.pem_cert_chain = ReadWholeFile(dir_.File(name + ".pem"));
    options.pem_private_key = ReadWholeFile(dir_.File(name + ".key"));
  }
  return grpc::SslCredentials(options);
}

std::shared_ptr<grpc::ChannelCredentials> TestCerts::ServerOnly() const { return Credentials(""); }

std::shared_ptr<grpc::ChannelCredentials> TestCerts::WithClientCert() const {
  return Credentials("client");
}

std::shared_ptr<grpc::ChannelCredentials> TestCerts::WithStrangerCert() const {
  return Credentials("stranger");
}

}  // namespace needlework::testing
