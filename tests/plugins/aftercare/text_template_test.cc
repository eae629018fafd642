// Placeholder filling: the plugin's are filled, anything else is left for the host.
#include "plugins/aftercare/text_template.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace needlework::aftercare {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(TextTemplateTest, FillsKnownAndKeepsUnknownPlaceholders) {
  EXPECT_EQ(FillTemplate("Session {session_number} at {clinic_name}{", {{"session_number", "2"}}),
            "Session 2 at {clinic_name}{");
  EXPECT_EQ(FillTemplate("{a}{a}{b}", {{"a", "x"}, {"b", "{a}"}}), "xx{a}");
  EXPECT_EQ(FillTemplate("", {{"a", "x"}}), "");
}

TEST(TextTemplateTest, ListsPlaceholderNames) {
  EXPECT_THAT(PlaceholderNames("{a} and {clinic_name}, {unclosed"),
              ElementsAre("a", "clinic_name"));
  EXPECT_THAT(PlaceholderNames("no braces"), IsEmpty());
}

}  // namespace
}  // namespace needlework::aftercare
