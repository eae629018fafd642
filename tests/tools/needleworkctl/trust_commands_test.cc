// needleworkctl plugin keygen | sign | verify | hash: parsing, rendering, and the local runs
// that need no host (keygen, hash, verify of a file with no or a foreign signature, sign
// refusing a plugin built against another SDK's messages). Signing real plugins is covered
// through the host in tests/integration/trust_test.cc.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "commands/trust.h"
#include "ctl.h"
#include "host/plugins/ed25519.h"
#include "host/plugins/signature.h"
#include "parse_helpers.h"
#include "temp_files.h"

namespace needlework::ctl {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;

TEST(ParseTrustTest, Keygen) {
  auto command = Parse<TrustArgs>({"plugin", "keygen", "--out", "keys", "--name", "acme"});
  EXPECT_EQ(command.name, "plugin keygen");
  EXPECT_EQ(command.out_dir, "keys");
  EXPECT_EQ(command.display_name, "acme");
  EXPECT_THAT(Problem({"plugin", "keygen"}), HasSubstr("--out"));
}

TEST(ParseTrustTest, SignAndVerifyNeedAFileAndAKey) {
  auto sign = Parse<TrustArgs>({"plugin", "sign", "rf.so", "--key", "k.pem"});
  EXPECT_EQ(sign.name, "plugin sign");
  EXPECT_THAT(sign.plugin_files, ElementsAre("rf.so"));
  EXPECT_EQ(sign.key_file, "k.pem");
  EXPECT_EQ(Parse<TrustArgs>({"plugin", "verify", "rf.so", "--key", "p.pem"}).name,
            "plugin verify");
  EXPECT_THAT(Problem({"plugin", "sign", "rf.so"}), HasSubstr("--key"));
  EXPECT_THAT(Problem({"plugin", "verify", "--key", "p.pem"}), HasSubstr("plugin-file"));
}

TEST(ParseTrustTest, HashTakesSeveralFiles) {
  auto command = Parse<TrustArgs>({"plugin", "hash", "a.so", "b.so"});
  EXPECT_EQ(command.name, "plugin hash");
  EXPECT_THAT(command.plugin_files, ElementsAre("a.so", "b.so"));
  EXPECT_THAT(Problem({"plugin", "hash"}), HasSubstr("plugin-file"));
}

TEST(RenderTrustTest, HashLineIsSha256sumFormat) {
  std::ostringstream out;
  RenderHashLine("ab12", "/p/rf.so", out);
  EXPECT_EQ(out.str(), "ab12  /p/rf.so\n");
}

TEST(RenderTrustTest, SignedNamesPluginHashesKeyAndSigFile) {
  std::ostringstream out;
  RenderSigned({"rf.so", "com.acme.rf", "1.2.0", "f1", "m2", "ed25519:0011"}, "rf.so.sig", out);
  EXPECT_EQ(out.str(),
            "Signed rf.so\n"
            "  plugin:          com.acme.rf 1.2.0\n"
            "  file-sha256:     f1\n"
            "  manifest-sha256: m2\n"
            "  key:             ed25519:0011\n"
            "  signature:       rf.so.sig  (ship it beside the plugin)\n");
}

class TrustRunTest : public TempFilesTest {
 protected:
  int Run(const std::vector<std::string>& args) {
    out_.str("");
    err_.str("");
    return RunCtl(args, Environment(), out_, err_);
  }
  std::ostringstream out_, err_;
};

TEST_F(TrustRunTest, KeygenWritesAPrivateKeyOnlyTheOwnerReadsAndRefusesToOverwrite) {
  ASSERT_EQ(Run({"plugin", "keygen", "--out", PathOf("keys")}), kExitOk) << err_.str();
  EXPECT_THAT(out_.str(), MatchesRegex("Key ed25519:[0-9a-f]{16}\n(.|\n)*"));
  struct stat info {};
  ASSERT_EQ(::stat(PathOf("keys/signing.key.pem").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  ASSERT_EQ(::stat(PathOf("keys/signing.pub.pem").c_str(), &info), 0);
  EXPECT_EQ(Run({"plugin", "keygen", "--out", PathOf("keys")}), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("not overwriting a key"));
}

TEST_F(TrustRunTest, KeygenCreatesThePrivateKey0600EvenUnderAnOpenUmask) {
  mode_t old_umask = ::umask(0);
  int exit_code = Run({"plugin", "keygen", "--out", PathOf("keys")});
  ::umask(old_umask);
  ASSERT_EQ(exit_code, kExitOk) << err_.str();
  struct stat info {};
  ASSERT_EQ(::stat(PathOf("keys/signing.key.pem").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  ASSERT_EQ(::stat(PathOf("keys/signing.pub.pem").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0644);
}

TEST_F(TrustRunTest, KeygenRefusesToWriteThroughASymlink) {
  std::string victim = Write("victim", "not a key");
  std::filesystem::create_directories(PathOf("keys"));
  std::filesystem::create_symlink(victim, PathOf("keys/signing.key.pem"));
  EXPECT_EQ(Run({"plugin", "keygen", "--out", PathOf("keys")}), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr(PathOf("keys/signing.key.pem") + " is a symlink"));
  std::ifstream in(victim);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), "not a key");
  EXPECT_FALSE(std::filesystem::exists(PathOf("keys/signing.pub.pem")));
}

TEST_F(TrustRunTest, SignRefusesAPluginBuiltAgainstAnotherSdksMessages) {
  // The host would refuse it before describe; needleworkctl checks the same before signing.
  ASSERT_EQ(Run({"plugin", "keygen", "--out", PathOf("keys")}), kExitOk) << err_.str();
  const std::string plugin = NEEDLEWORK_BINARY_DIR "/test-plugins/abi/older_layout.so";
  EXPECT_NE(Run({"plugin", "sign", plugin, "--key", PathOf("keys/signing.key.pem")}), kExitOk);
  EXPECT_THAT(err_.str(),
              HasSubstr("built against another SDK: needlework.plugin.v1.ScreenRequest"));
  EXPECT_FALSE(std::filesystem::exists(plugin + ".sig"));
}

TEST_F(TrustRunTest, HashPrintsTheSha256OfTheBytes) {
  std::string file = Write("x.so", "abc");
  ASSERT_EQ(Run({"plugin", "hash", file}), kExitOk);
  EXPECT_EQ(out_.str(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  " + file + "\n");
  EXPECT_EQ(Run({"plugin", "hash", PathOf("missing.so")}), kExitUsage);
}

TEST_F(TrustRunTest, VerifyRefusesAMissingOrForeignSignatureBeforeLoading) {
  ASSERT_EQ(Run({"plugin", "keygen", "--out", PathOf("keys"), "--name", "a"}), kExitOk);
  ASSERT_EQ(Run({"plugin", "keygen", "--out", PathOf("keys"), "--name", "b"}), kExitOk);
  // Not a plugin at all: if verify loaded it before checking, the error would say so.
  std::string file = Write("fake.so", "not an ELF file");
  EXPECT_EQ(Run({"plugin", "verify", file, "--key", PathOf("keys/a.pub.pem")}), kExitRpcError);
  EXPECT_THAT(err_.str(), HasSubstr("cannot read " + file + ".sig"));
  std::string hash = signing::Sha256Hex("not an ELF file");
  std::ifstream key_in(PathOf("keys/b.key.pem"));
  std::stringstream key;
  key << key_in.rdbuf();
  auto signature = signing::SignPlugin(key.str(), hash, std::string(64, '0'));
  ASSERT_TRUE(signature.ok());
  Write("fake.so.sig", signing::FormatSignature(*signature));
  EXPECT_EQ(Run({"plugin", "verify", file, "--key", PathOf("keys/a.pub.pem")}), kExitRpcError);
  EXPECT_THAT(err_.str(), HasSubstr("NOT verified: signed by key ed25519:"));
}

}  // namespace
}  // namespace needlework::ctl
