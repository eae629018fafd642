// Semantic versions and host ranges (host/plugins/plugin_version.h).
#include "host/plugins/plugin_version.h"

#include <gmock/gmock.h>

#include "support/status_matchers.h"

namespace needlework::host {
namespace {

using ::testing::HasSubstr;

SemanticVersion V(const std::string& text) { return SemanticVersion::Parse(text).value(); }

TEST(SemanticVersionTest, NumbersCompareAsNumbersNotText) {
  EXPECT_LT(V("0.1.9"), V("0.1.10"));
  EXPECT_LT(V("0.9.0"), V("0.10.0"));
  EXPECT_LT(V("9.0.0"), V("10.0.0"));
  EXPECT_EQ(V("1.0.0+build.7"), V("1.0.0"));
}

// semver.org 11.4's own example order.
TEST(SemanticVersionTest, PreReleasesSortBeforeTheirRelease) {
  std::vector<std::string> ordered = {"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
                                      "1.0.0-beta",  "1.0.0-beta.2",  "1.0.0-beta.11",
                                      "1.0.0-rc.1",  "1.0.0"};
  for (size_t i = 1; i < ordered.size(); ++i) {
    EXPECT_LT(V(ordered[i - 1]), V(ordered[i])) << ordered[i - 1] << " < " << ordered[i];
  }
}

TEST(SemanticVersionTest, RefusesWhatIsNotASemanticVersion) {
  for (const char* text : {"", "1", "1.0", "01.0.0", "1.0.0-", "v1.0.0", "1.0.0.0", "one"}) {
    auto parsed = SemanticVersion::Parse(text);
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument) << text;
    EXPECT_THAT(parsed.status().message(), HasSubstr("is not a semantic version")) << text;
  }
}

TEST(VersionRangeTest, EveryComparatorMustHold) {
  auto range = VersionRange::Parse(">=0.1.0 <0.3.0").value();
  EXPECT_TRUE(range.Contains(V("0.1.0")));
  EXPECT_TRUE(range.Contains(V("0.2.9")));
  EXPECT_FALSE(range.Contains(V("0.3.0")));
  EXPECT_FALSE(range.Contains(V("0.0.9")));
  EXPECT_TRUE(VersionRange::Parse("=1.2.3").value().Contains(V("1.2.3")));
  EXPECT_FALSE(VersionRange::Parse(">1.2.3").value().Contains(V("1.2.3")));
  EXPECT_TRUE(VersionRange::Parse("<=1.2.3").value().Contains(V("1.2.3")));
  EXPECT_TRUE(VersionRange::Parse("").value().Contains(V("0.0.1"))) << "empty: any";
}

TEST(VersionRangeTest, RefusesAMalformedComparatorNamingIt) {
  auto no_operator = VersionRange::Parse(">=0.1.0 0.3.0");
  EXPECT_EQ(no_operator.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(no_operator.status().message(), HasSubstr("'0.3.0' does not start with >="));
  auto bad_version = VersionRange::Parse("<0.3");
  EXPECT_THAT(bad_version.status().message(),
              HasSubstr("version range '<0.3': version '0.3' is not a semantic version"));
}

}  // namespace
}  // namespace needlework::host
