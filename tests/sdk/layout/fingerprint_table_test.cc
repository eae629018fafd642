// Fingerprint tables: the text form reads back, each malformed entry is named, and only
// messages both tables know are compared.
#include "sdk/layout/fingerprint_table.h"

#include <gmock/gmock.h>

#include "needlework/message_fingerprints.h"
#include "support/status_matchers.h"

namespace needlework::layout {
namespace {

using ::needlework::testing::IsOk;
using ::needlework::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

TEST(FingerprintTableTest, TheSdksTableReadsBackAsItIsWritten) {
  auto table = ParseFingerprintTable(NEEDLEWORK_MESSAGE_FINGERPRINTS);
  ASSERT_THAT(table, IsOk());
  EXPECT_EQ(FormatFingerprintTable(*table), NEEDLEWORK_MESSAGE_FINGERPRINTS);
  EXPECT_EQ(table->count("needlework.plugin.v1.ScreenRequest"), 1u);
  EXPECT_EQ(table->count("needlework.types.v1.Coding"), 1u);
}

TEST(FingerprintTableTest, EmptyTextIsTheEmptyTable) {
  auto table = ParseFingerprintTable("");
  ASSERT_THAT(table, IsOk());
  EXPECT_THAT(*table, IsEmpty());
  EXPECT_EQ(FormatFingerprintTable({}), "");
}

TEST(FingerprintTableTest, EachMalformedEntryIsNamed) {
  const std::string good = "a.B=0123456789abcdef";
  for (const std::string& bad :
       {std::string("a.B"), std::string("=0123456789abcdef"), std::string("a.B=0123456789ABCDEF"),
        std::string("a.B=0123456789abcde"), std::string("a.B=0123456789abcdef0"),
        std::string("a.B=0123456789abcdeg")}) {
    EXPECT_THAT(ParseFingerprintTable(good + ";" + bad),
                StatusIs(StatusCode::kInvalidArgument, HasSubstr("entry '" + bad + "'")))
        << bad;
  }
  EXPECT_THAT(ParseFingerprintTable(good + ";;" + good),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("entry ''")));
  EXPECT_THAT(ParseFingerprintTable(good + ";" + good),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("a.B is listed twice")));
}

TEST(FingerprintTableTest, OnlyMessagesBothKnowAreCompared) {
  FingerprintTable plugin = {{"a.Same", "0000000000000001"},
                             {"a.Changed", "0000000000000002"},
                             {"a.OnlyPlugin", "0000000000000003"},
                             {"a.AlsoChanged", "0000000000000004"}};
  FingerprintTable host = {{"a.Same", "0000000000000001"},
                           {"a.Changed", "00000000000000ff"},
                           {"a.AlsoChanged", "00000000000000fe"},
                           {"a.OnlyHost", "0000000000000005"}};
  EXPECT_THAT(DifferingMessages(plugin, host), ElementsAre("a.AlsoChanged", "a.Changed"));
  EXPECT_THAT(DifferingMessages(host, host), IsEmpty());
  EXPECT_THAT(DifferingMessages({}, host), IsEmpty());
}

}  // namespace
}  // namespace needlework::layout
