#include "host/slots/ical_text.h"

#include <gmock/gmock.h>

namespace needlework::host::slots {
namespace {

std::string Folded(std::string_view line) {
  std::string out;
  AppendFoldedLine(line, out);
  return out;
}

TEST(EscapeTextTest, EscapesBackslashSemicolonCommaAndLineBreaks) {
  EXPECT_EQ(EscapeText("a\\b;c,d"), "a\\\\b\\;c\\,d");
  EXPECT_EQ(EscapeText("line 1\nline 2\r\nline 3\rline 4"), "line 1\\nline 2\\nline 3\\nline 4");
  EXPECT_EQ(EscapeText("time: 10:00 \"quoted\""), "time: 10:00 \"quoted\"");  // no escaping
  EXPECT_EQ(EscapeText(""), "");
}

TEST(EscapeTextTest, KeepsTabAndUtf8DropsControlsReplacesBadBytes) {
  EXPECT_EQ(EscapeText("a\tb"), "a\tb");
  EXPECT_EQ(EscapeText(std::string("a\x01"
                                   "b\x7F"
                                   "c\0d",
                                   7)),
            "abcd");
  EXPECT_EQ(EscapeText("Grüße 😀 ✓"), "Grüße 😀 ✓");
  EXPECT_EQ(EscapeText("a\xFF"
                       "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(EscapeText("a\xC3"), "a\xEF\xBF\xBD");                // truncated sequence
  EXPECT_EQ(EscapeText("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
  EXPECT_EQ(EscapeText("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
}

TEST(AppendFoldedLineTest, ShortLinesAreNotFolded) {
  EXPECT_EQ(Folded("BEGIN:VEVENT"), "BEGIN:VEVENT\r\n");
  std::string exactly75(75, 'x');
  EXPECT_EQ(Folded(exactly75), exactly75 + "\r\n");
}

TEST(AppendFoldedLineTest, LongAsciiLinesFoldAtSeventyFiveOctets) {
  std::string line(75 + 74 + 10, 'x');
  EXPECT_EQ(Folded(line), std::string(75, 'x') + "\r\n " + std::string(74, 'x') + "\r\n " +
                              std::string(10, 'x') + "\r\n");
}

TEST(AppendFoldedLineTest, NeverSplitsAUtf8Sequence) {
  // 74 octets, then "é" (2 octets) would straddle the 75th: the fold comes before it.
  std::string line = std::string(74, 'a') + "é" + "b";
  EXPECT_EQ(Folded(line), std::string(74, 'a') + "\r\n éb\r\n");
  // 73 octets then a 4-octet emoji: folds after 73.
  line = std::string(73, 'a') + "😀";
  EXPECT_EQ(Folded(line), std::string(73, 'a') + "\r\n 😀\r\n");
}

}  // namespace
}  // namespace needlework::host::slots
