// Plugin trust through the real host: approved and signed plugins load and serve; unsigned,
// badly signed, foreign-signed, unapproved and tampered files are refused before their code
// runs, with the reason in ListPlugins; development mode loads and marks untrusted; unsafe
// plugin directories are refused.
#include <gmock/gmock.h>
#include <unistd.h>

#include "integration/api_helpers.h"
#include "integration/trust_helpers.h"

namespace needlework::testing {
namespace {

using ::testing::HasSubstr;

using TrustTest = TrustFixture;

TEST_F(TrustTest, SignedAndApprovedLoadsAndServesTheRestAreRefusedWithTheReason) {
  std::string good = CopyPlugin("screening", Dir("good"));
  Sign(good);
  std::string unsigned_file = CopyPlugin("scheduling", Dir("unsigned"));
  std::string bad = CopyPlugin("aftercare", Dir("bad"));
  Sign(bad);
  CorruptSignature(bad + ".sig");
  std::string foreign = CopyPlugin("prp", Dir("foreign"));
  Sign(foreign, "other");
  std::string unapproved = CopyPlugin("serums", Dir("unapproved"));
  Sign(unapproved);
  std::string tampered = CopyPlugin("radiofrequency", Dir("tampered"));
  Sign(tampered);
  FlipOneByte(tampered);

  auto host = Start({Dir("good"), Dir("unsigned"), Dir("bad"), Dir("foreign"), Dir("unapproved"),
                     Dir("tampered")},
                    Enforce({HashOf(good), HashOf(unsigned_file), HashOf(bad), HashOf(foreign),
                             HashOf(tampered)}));
  ASSERT_NE(host, nullptr);
  auto list = Api(*host).ListPlugins(host->admin_token());
  ASSERT_TRUE(list.status.ok()) << list.status.error_message();

  const auto* loaded = Entry(list.response, good);
  EXPECT_EQ(loaded->state(), v1::InstalledPlugin::STATE_LOADED) << loaded->refusal_reason();
  EXPECT_TRUE(loaded->trusted());
  EXPECT_EQ(loaded->sha256(), HashOf(good));
  EXPECT_THAT(loaded->trust_reason(), HasSubstr("signed by acme"));
  auto screened = Api(*host).Screen(host->emr_token(), FactsWithConditions({"88616000"}));
  EXPECT_TRUE(screened.status.ok()) << screened.status.error_message();

  auto refusal = [&](const std::string& file) {
    const auto* entry = Entry(list.response, file);
    EXPECT_EQ(entry->state(), v1::InstalledPlugin::STATE_REFUSED) << file;
    EXPECT_FALSE(entry->trusted()) << file;
    return entry->refusal_reason();
  };
  EXPECT_THAT(refusal(unsigned_file), HasSubstr("unsigned: no signature file"));
  EXPECT_THAT(refusal(bad), HasSubstr("the signature is invalid"));
  EXPECT_THAT(refusal(foreign), HasSubstr("not in plugin_trust.signers"));
  EXPECT_THAT(refusal(unapproved), HasSubstr("not approved: sha256 " + HashOf(unapproved)));
  EXPECT_THAT(refusal(tampered), HasSubstr("changed after signing"));
  EXPECT_THAT(host->Log(), HasSubstr("\"event\":\"plugin_refused\""));
}

TEST_F(TrustTest, NoTrustConfigMeansEnforceAndTheRefusalNamesTheKey) {
  std::string file = CopyPlugin("screening", Dir("plugins"));
  auto host = Start({Dir("plugins")}, "");
  ASSERT_NE(host, nullptr);
  auto list = Api(*host).ListPlugins(host->admin_token());
  ASSERT_TRUE(list.status.ok());
  const auto* entry = Entry(list.response, file);
  EXPECT_EQ(entry->state(), v1::InstalledPlugin::STATE_REFUSED);
  EXPECT_THAT(entry->refusal_reason(), HasSubstr("the config has no plugin_trust section"));
  EXPECT_THAT(entry->refusal_reason(), HasSubstr("plugin_trust.mode: development"));
}

TEST_F(TrustTest, DevelopmentModeLoadsUnsignedButMarksItUntrusted) {
  std::string file = CopyPlugin("screening", Dir("plugins"));
  auto host = Start({Dir("plugins")}, "  mode: development\n");
  ASSERT_NE(host, nullptr);
  auto list = Api(*host).ListPlugins(host->admin_token());
  ASSERT_TRUE(list.status.ok());
  const auto* entry = Entry(list.response, file);
  EXPECT_EQ(entry->state(), v1::InstalledPlugin::STATE_LOADED);
  EXPECT_FALSE(entry->trusted());
  EXPECT_THAT(entry->trust_reason(), HasSubstr("development mode"));
  EXPECT_EQ(entry->sha256(), HashOf(file));
  EXPECT_THAT(host->Log(), HasSubstr("plugin_trust_development"));
}

TEST_F(TrustTest, WorldWritableAndSymlinkedDirectoriesAndFilesAreRefused) {
  std::string open_dir = Dir("open");
  CopyPlugin("screening", open_dir);
  ASSERT_EQ(::chmod(open_dir.c_str(), 0777), 0);
  std::string real = Dir("real");
  std::string linked_file = real + "/linked.so";
  CopyPlugin("scheduling", real);
  ASSERT_EQ(::symlink((real + "/needlework_scheduling.so").c_str(), linked_file.c_str()), 0);
  std::string link_dir = Dir("link");
  ASSERT_EQ(::symlink(real.c_str(), link_dir.c_str()), 0);

  auto host = Start({open_dir, link_dir, real}, "  mode: development\n");
  ASSERT_NE(host, nullptr);
  auto list = Api(*host).ListPlugins(host->admin_token());
  ASSERT_TRUE(list.status.ok());
  EXPECT_THAT(Entry(list.response, open_dir)->refusal_reason(), HasSubstr("world-writable"));
  EXPECT_THAT(Entry(list.response, link_dir)->refusal_reason(), HasSubstr("is a symlink"));
  EXPECT_THAT(Entry(list.response, linked_file)->refusal_reason(),
              HasSubstr("plugin file is a symlink"));
  EXPECT_EQ(Entry(list.response, real + "/needlework_scheduling.so")->state(),
            v1::InstalledPlugin::STATE_LOADED);
}

}  // namespace
}  // namespace needlework::testing
