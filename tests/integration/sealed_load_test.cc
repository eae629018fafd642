// Sealed loading through the real host: a plugin file rewritten in place (same path, same
// inode) after it was approved and signed is refused at the next start, naming both hashes;
// a plugin file rewritten in place while the host runs it changes nothing the host executes;
// plugin files and directories others could write are refused in enforce mode and warned
// about in development mode.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <sys/stat.h>
#include <unistd.h>

#include "integration/api_helpers.h"
#include "integration/trust_helpers.h"

namespace needlework::testing {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

// Writes `bytes` over `file` as its owner or a writable group could: the same inode, opened
// O_WRONLY, with O_TRUNC when `truncate` (else the old bytes past `bytes` stay).
void RewriteInPlace(const std::string& file, const std::string& bytes, bool truncate) {
  struct stat before {};
  ASSERT_EQ(::stat(file.c_str(), &before), 0);
  int fd = ::open(file.c_str(), O_WRONLY | O_CLOEXEC | (truncate ? O_TRUNC : 0));
  ASSERT_GE(fd, 0) << file;
  EXPECT_EQ(::write(fd, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
  ::close(fd);
  struct stat after {};
  ASSERT_EQ(::stat(file.c_str(), &after), 0);
  EXPECT_EQ(after.st_ino, before.st_ino) << "not rewritten in place";
}

std::string BuiltIn(const std::string& name) {
  return std::string(NEEDLEWORK_PLUGIN_DIR) + "/needlework_" + name + ".so";
}

// What the screening plugin answered, without what differs between calls of the same facts.
std::string AnswerOf(const v1::ScreenResponse& response) {
  std::string answer = types::Outcome_Name(response.outcome());
  for (const auto& finding : response.findings()) answer += " | " + finding.ShortDebugString();
  for (const auto& run : response.plugin_runs()) {
    answer += " | " + run.plugin_id() + " " + v1::PluginRun::State_Name(run.state());
  }
  return answer;
}

class SealedLoadTest : public TrustFixture {
 protected:
  std::string Screen(HostProcess& host) {
    auto reply = Api(host).Screen(host.emr_token(), FactsWithConditions({"88616000"}));
    EXPECT_TRUE(reply.status.ok()) << reply.status.error_message();
    return AnswerOf(reply.response);
  }
  v1::ListPluginsResponse List(HostProcess& host) {
    auto list = Api(host).ListPlugins(host.admin_token());
    EXPECT_TRUE(list.status.ok()) << list.status.error_message();
    return list.response;
  }
};

TEST_F(SealedLoadTest, APluginRewrittenInPlaceAfterApprovalIsRefusedAtTheNextStart) {
  std::string kept = CopyPlugin("screening", Dir("plugins"));
  std::string patched = CopyPlugin("scheduling", Dir("plugins"));
  std::string replaced = CopyPlugin("aftercare", Dir("plugins"));
  for (const auto& file : {kept, patched, replaced}) Sign(file);
  std::string patched_hash = HashOf(patched), replaced_hash = HashOf(replaced);
  auto host = Start({Dir("plugins")}, Enforce({HashOf(kept), patched_hash, replaced_hash}));
  ASSERT_NE(host, nullptr);
  for (const auto& file : {kept, patched, replaced}) {
    EXPECT_EQ(Entry(List(*host), file)->state(), v1::InstalledPlugin::STATE_LOADED) << file;
  }

  std::string bytes = ReadWholeFile(patched);
  bytes[bytes.size() / 2] ^= 0x01;
  RewriteInPlace(patched, bytes, /*truncate=*/false);
  RewriteInPlace(replaced, ReadWholeFile(BuiltIn("prp")), /*truncate=*/true);
  ASSERT_TRUE(host->Restart());

  auto list = List(*host);
  EXPECT_EQ(Entry(list, kept)->state(), v1::InstalledPlugin::STATE_LOADED);
  using Approved = std::pair<std::string, std::string>;  // a file, the hash approved for it
  for (const auto& [file, approved] :
       std::vector<Approved>{{patched, patched_hash}, {replaced, replaced_hash}}) {
    const auto* entry = Entry(list, file);
    EXPECT_EQ(entry->state(), v1::InstalledPlugin::STATE_REFUSED) << file;
    EXPECT_THAT(
        entry->refusal_reason(),
        AllOf(HasSubstr("not approved: sha256 " + HashOf(file) + " differs from the approved " +
                        approved + " that " + file + ".sig was made for"),
              HasSubstr("changed after it was approved and signed")));
  }
}

// Loaded through a descriptor of the file, the host would run whatever the file holds now:
// another plugin's code at the same offsets, or a SIGBUS past a truncated end.
TEST_F(SealedLoadTest, RewritingALoadedPluginChangesNothingTheHostRuns) {
  std::string file = CopyPlugin("screening", Dir("plugins"));
  Sign(file);
  std::string hash = HashOf(file);
  auto host = Start({Dir("plugins")}, Enforce({hash}));
  ASSERT_NE(host, nullptr);
  std::string answer = Screen(*host);
  ASSERT_THAT(answer, AllOf(HasSubstr("OUTCOME_DEFER"), HasSubstr("active-acne"),
                            HasSubstr("org.needlework.screening STATE_OK")));

  RewriteInPlace(file, ReadWholeFile(BuiltIn("scheduling")), /*truncate=*/false);
  for (int call = 0; call < 3; ++call) EXPECT_EQ(Screen(*host), answer) << "another plugin's bytes";
  RewriteInPlace(file, std::string(4096, '\xcc'), /*truncate=*/true);
  for (int call = 0; call < 3; ++call) EXPECT_EQ(Screen(*host), answer) << "truncated to garbage";

  EXPECT_TRUE(host->running());
  auto list = List(*host);
  const auto* entry = Entry(list, file);
  EXPECT_EQ(entry->state(), v1::InstalledPlugin::STATE_LOADED);
  EXPECT_EQ(entry->sha256(), hash);
}

TEST_F(SealedLoadTest, GroupWritablePluginsAreRefusedInEnforceAndWarnedAboutInDevelopment) {
  std::string open_dir = Dir("shared");
  std::string in_open_dir = CopyPlugin("screening", open_dir);
  ASSERT_EQ(::chmod(open_dir.c_str(), 0775), 0);
  std::string open_file = CopyPlugin("scheduling", Dir("plugins"));
  ASSERT_EQ(::chmod(open_file.c_str(), 0664), 0);
  for (const auto& file : {in_open_dir, open_file}) Sign(file);
  std::vector<std::string> dirs = {open_dir, Dir("plugins")};

  auto enforcing = Start(dirs, Enforce({HashOf(in_open_dir), HashOf(open_file)}));
  ASSERT_NE(enforcing, nullptr);
  auto list = List(*enforcing);
  EXPECT_THAT(Entry(list, open_dir)->refusal_reason(),
              AllOf(HasSubstr("mode 0775"), HasSubstr("writable by its group"),
                    HasSubstr("run chmod g-w " + open_dir)));
  EXPECT_THAT(Entry(list, open_file)->refusal_reason(),
              AllOf(HasSubstr("plugin file " + open_file), HasSubstr("mode 0664"),
                    HasSubstr("run chmod g-w " + open_file)));
  enforcing.reset();

  auto developing = Start(dirs, "  mode: development\n");
  ASSERT_NE(developing, nullptr);
  list = List(*developing);
  EXPECT_EQ(Entry(list, in_open_dir)->state(), v1::InstalledPlugin::STATE_LOADED);
  EXPECT_EQ(Entry(list, open_file)->state(), v1::InstalledPlugin::STATE_LOADED);
  EXPECT_THAT(developing->Log(), AllOf(HasSubstr("\"event\":\"plugin_permissions\""),
                                       HasSubstr("refused in enforce mode")));
}

TEST_F(SealedLoadTest, APluginOwnedByAnotherUserIsRefusedInEnforce) {
  if (::geteuid() != 0) GTEST_SKIP() << "chown to another uid needs root";
  std::string file = CopyPlugin("screening", Dir("plugins"));
  Sign(file);
  ASSERT_EQ(::chown(file.c_str(), 4242, static_cast<gid_t>(-1)), 0);
  auto host = Start({Dir("plugins")}, Enforce({HashOf(file)}));
  ASSERT_NE(host, nullptr);
  auto list = List(*host);
  const auto* entry = Entry(list, file);
  EXPECT_EQ(entry->state(), v1::InstalledPlugin::STATE_REFUSED);
  EXPECT_THAT(entry->refusal_reason(),
              AllOf(HasSubstr("owner uid 4242"), HasSubstr("run chown root " + file)));
}

}  // namespace
}  // namespace needlework::testing
