// The kit's config reader (needlework/kit/config_reader.h): a refusal names where each
// problem is, the top level included.
#include "needlework/kit/config_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace needlework::config {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST(ConfigReaderTest, AnUnknownTopLevelKeyIsNamedUnderConfig) {
  ConfigErrors errors("lumen config");
  RejectUnknownKeys(Json::parse(R"({"colour": "red"})"), "", {"avoid_sun_hours"}, errors);
  const Status status = errors.ToStatus();
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(),
              StartsWith("lumen config refused: config: unknown key \"colour\" (known keys: "
                         "avoid_sun_hours)"));
}

TEST(ConfigReaderTest, ATopLevelValueIsNamedByItsKey) {
  ConfigErrors errors("lumen config");
  ReadInt(Json::parse(R"({"avoid_sun_hours": 0})"), "", "avoid_sun_hours", 1, 168, 24, errors);
  EXPECT_THAT(errors.ToStatus().message(),
              HasSubstr("refused: avoid_sun_hours: must be from 1 to 168, not 0"));
}

TEST(ConfigReaderTest, ANestedUnknownKeyNamesItsWholePath) {
  ConfigErrors errors("acme config");
  RejectUnknownKeys(Json::parse(R"({"x": 1})"), "rules.eczema", {"enabled"}, errors);
  EXPECT_THAT(errors.ToStatus().message(), HasSubstr("refused: rules.eczema: unknown key \"x\""));
}

}  // namespace
}  // namespace needlework::config
