// needleworkctl's TLS flags and variables, and the checks made before any channel is built.
#include "tls_options.h"

#include <gmock/gmock.h>

#include <fstream>

#include "client.h"
#include "commands/clinics.h"
#include "parse_helpers.h"
#include "support/temp_dir.h"

namespace needlework::ctl {
namespace {

using ::testing::HasSubstr;

TEST(TlsOptionsTest, FlagsSetTheFilesAndWinOverTheEnvironment) {
  Environment env;
  env.tls.ca_file = "/env/ca.pem";
  env.tls.server_name = "env.example";
  auto command = Parse<ClinicArgs>(
      {"plugins", "--tls-ca", "/etc/nw/ca.pem", "--tls-cert", "c.pem", "--tls-key", "k.pem"}, env);
  EXPECT_EQ(command.options.tls.ca_file, "/etc/nw/ca.pem");
  EXPECT_EQ(command.options.tls.cert_file, "c.pem");
  EXPECT_EQ(command.options.tls.key_file, "k.pem");
  EXPECT_EQ(command.options.tls.server_name, "env.example");
  EXPECT_TRUE(command.options.tls.enabled());
  EXPECT_FALSE(Parse<ClinicArgs>({"plugins"}).options.tls.enabled());
}

TEST(TlsOptionsTest, ACertNeedsItsKeyAndAServerNameNeedsTls) {
  TlsOptions cert_only{.cert_file = "c.pem"};
  EXPECT_EQ(LoadTlsFiles(&cert_only).message(), "--tls-cert needs --tls-key");
  TlsOptions key_only{.ca_file = "ca.pem", .key_file = "k.pem"};
  EXPECT_EQ(LoadTlsFiles(&key_only).message(), "--tls-key needs --tls-cert");
  TlsOptions name_only{.server_name = "localhost"};
  EXPECT_THAT(LoadTlsFiles(&name_only).message(), HasSubstr("--tls-server-name needs --tls-ca"));
  TlsOptions off;
  EXPECT_TRUE(LoadTlsFiles(&off).ok());
}

TEST(TlsOptionsTest, LoadingNamesTheFlagAndTheUnreadableFile) {
  testing::TempDir dir;
  std::ofstream(dir.File("ca.pem")) << "-----BEGIN CERTIFICATE-----\n";
  TlsOptions tls{.ca_file = dir.File("ca.pem"),
                 .cert_file = dir.File("missing.pem"),
                 .key_file = dir.File("missing.key")};
  Status status = LoadTlsFiles(&tls);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "--tls-cert: cannot read " + dir.File("missing.pem"));
  EXPECT_EQ(tls.ca_pem, "-----BEGIN CERTIFICATE-----\n");
}

TEST(TlsOptionsTest, NoInsecureTokenWarningOverTls) {
  GlobalOptions options;
  options.token = "t";
  options.address = "10.0.0.5:50051";
  options.tls.ca_file = "ca.pem";
  EXPECT_EQ(InsecureTokenWarning(options), "");
}

}  // namespace
}  // namespace needlework::ctl
