#include "table.h"

#include <gtest/gtest.h>

#include <sstream>

#include "text.h"

namespace needlework::ctl {
namespace {

std::string Printed(const Table& table, std::string_view indent = "") {
  std::ostringstream out;
  table.Print(out, indent);
  return out.str();
}

TEST(TableTest, AlignsColumnsToTheWidestCellWithoutTrailingSpaces) {
  Table table({"ID", "VERSION", "FILE"});
  table.AddRow({"com.acme.rf", "1.2.0", "/p/librf.so"});
  table.AddRow({"x", "10.0.0-beta", "/p/libx.so"});
  EXPECT_EQ(Printed(table),
            "ID           VERSION      FILE\n"
            "com.acme.rf  1.2.0        /p/librf.so\n"
            "x            10.0.0-beta  /p/libx.so\n");
}

TEST(TableTest, WithoutHeaderAndIndented) {
  Table table;
  table.AddRow({"version", "1.0"});
  table.AddRow({"config overrides", "{}"});
  EXPECT_EQ(Printed(table, "  "),
            "  version           1.0\n"
            "  config overrides  {}\n");
}

TEST(TableTest, EmptyLastCellLeavesNoTrailingSpaces) {
  Table table({"A", "B"});
  table.AddRow({"long-value", ""});
  table.AddRow({"x"});  // short rows are padded with empty cells
  EXPECT_EQ(Printed(table),
            "A           B\n"
            "long-value\n"
            "x\n");
}

TEST(TableTest, CountsUtf8CodePointsNotBytes) {
  Table table({"NAME", "ID"});
  table.AddRow({"Clínica Ñandú", "a"});
  table.AddRow({"Plain", "b"});
  EXPECT_EQ(Printed(table),
            "NAME           ID\n"
            "Clínica Ñandú  a\n"
            "Plain          b\n");
}

TEST(TableTest, ControlCharactersCannotBreakLinesOrReachTheTerminal) {
  Table table;
  table.AddRow({"a\nb", "\x1b[31mred"});
  EXPECT_EQ(Printed(table), "a b   [31mred\n");
}

TEST(DisplayWidthTest, CodePoints) {
  EXPECT_EQ(DisplayWidth(""), 0u);
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("Ñandú"), 5u);
}

TEST(TextTest, EnumLabel) {
  EXPECT_EQ(EnumLabel("STATE_TIMED_OUT", "STATE_"), "timed-out");
  EXPECT_EQ(EnumLabel("INDICATOR_CRITICAL", "INDICATOR_"), "critical");
  EXPECT_EQ(EnumLabel("", "STATE_"), "unknown");
}

TEST(TextTest, CompactJsonKeepsStringsAndOrder) {
  EXPECT_EQ(CompactJson("{\n  \"b\": \"two words\",\n  \"a\": [1, 2]\n}\n"),
            R"({"b":"two words","a":[1,2]})");
  EXPECT_EQ(CompactJson(R"({"q": "say \"hi there\"", "n": 1})"),
            R"({"q":"say \"hi there\"","n":1})");
  EXPECT_EQ(CompactJson(R"({"p": "C:\\ dir"})"), R"({"p":"C:\\ dir"})");
  EXPECT_EQ(CompactJson(""), "");
}

TEST(TextTest, FormatMicros) {
  EXPECT_EQ(FormatMicros(0), "0 us");
  EXPECT_EQ(FormatMicros(850), "850 us");
  EXPECT_EQ(FormatMicros(12'345), "12.3 ms");
  EXPECT_EQ(FormatMicros(1'500'000), "1.50 s");
}

}  // namespace
}  // namespace needlework::ctl
