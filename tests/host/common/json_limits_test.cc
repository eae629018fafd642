#include "host/common/json_limits.h"

#include <gmock/gmock.h>

#include <string>

namespace needlework::host {
namespace {

using ::testing::HasSubstr;

constexpr JsonLimits kSmall = {100, 3};

std::string Nested(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

TEST(JsonLimitsTest, TextWithinBothLimitsPasses) {
  EXPECT_TRUE(CheckJsonLimits(R"({"a":{"b":[1]}})", "config_json", kSmall).ok());
  EXPECT_TRUE(CheckJsonLimits("", "config_json", kSmall).ok());
}

TEST(JsonLimitsTest, TooManyBytesIsRefusedNamingTheLimit) {
  Status status = CheckJsonLimits(std::string(101, ' '), "config_json", kSmall);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("config_json is 101 bytes; at most 100"));
}

TEST(JsonLimitsTest, NestingDeeperThanTheLimitIsRefused) {
  EXPECT_TRUE(CheckJsonLimits(Nested(3), "config_json", kSmall).ok());
  Status status = CheckJsonLimits(Nested(4), "config_json", kSmall);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("more than 3 levels deep"));
}

TEST(JsonLimitsTest, BracketsInsideStringsDoNotCount) {
  EXPECT_TRUE(CheckJsonLimits(R"({"a":"[[[[[[\"{{{{"})", "config_json", kSmall).ok());
}

TEST(JsonLimitsTest, SiblingsDoNotAddUp) {
  EXPECT_TRUE(CheckJsonLimits(R"([[[1]],[[2]],[[3]]])", "config_json", kSmall).ok());
}

TEST(JsonLimitsTest, TheHostsPluginConfigLimitRefusesAHugeNestedPatch) {
  std::string deep = std::string(300'000, '[') + std::string(300'000, ']');
  EXPECT_EQ(CheckJsonLimits(deep, "config_json", kPluginConfigLimits).code(),
            StatusCode::kInvalidArgument);
  EXPECT_TRUE(CheckJsonLimits(R"({"rules":{"active-acne":{"outcome":"refer"}}})", "config_json",
                              kPluginConfigLimits)
                  .ok());
}

}  // namespace
}  // namespace needlework::host
