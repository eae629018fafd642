// ParseArgs for `token issue --expires-in` (the units, and the host's 10-year ceiling) and for
// `audit verify --db`.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "command.h"
#include "commands/security.h"
#include "parse_helpers.h"

namespace needlework::ctl {
namespace {

using ::testing::HasSubstr;

std::vector<std::string> IssueFor(const std::string& expires_in) {
  return {"token", "issue", "--role", "emr", "--clinic", "demo", "--expires-in", expires_in};
}

TEST(ParseArgsTest, ExpiresInTakesDaysHoursMinutesAndSeconds) {
  EXPECT_EQ(Parse<SecurityArgs>(IssueFor("30d")).expires_in_seconds, 30 * 86400);
  EXPECT_EQ(Parse<SecurityArgs>(IssueFor("12h")).expires_in_seconds, 12 * 3600);
  EXPECT_EQ(Parse<SecurityArgs>(IssueFor("90m")).expires_in_seconds, 90 * 60);
  EXPECT_EQ(Parse<SecurityArgs>(IssueFor("45")).expires_in_seconds, 45);
}

TEST(ParseArgsTest, ExpiresInUpToTheHostsTenYears) {
  EXPECT_EQ(Parse<SecurityArgs>(IssueFor("3650d")).expires_in_seconds, 3650 * 86400);
  EXPECT_THAT(Problem(IssueFor("3651d")), HasSubstr("'3651d' is longer than 10 years (3650d)"));
  EXPECT_THAT(Problem(IssueFor("0d")), HasSubstr("is not a duration"));
}

TEST(ParseArgsTest, AuditVerifyTakesAStoreFileToCheckOffline) {
  EXPECT_EQ(Parse<SecurityArgs>({"audit", "verify"}).db_file, "");
  EXPECT_EQ(Parse<SecurityArgs>({"audit", "verify", "--db", "copy.db"}).db_file, "copy.db");
  EXPECT_THAT(Problem({"audit", "verify", "--db"}), HasSubstr("--db"));
}

}  // namespace
}  // namespace needlework::ctl
