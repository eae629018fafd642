#include "host/storage/store.h"

#include <gmock/gmock.h>

#include "support/temp_dir.h"

namespace needlework::host {
namespace {

using ::testing::HasSubstr;

TokenRecord Token(const std::string& id, const std::string& clinic) {
  return TokenRecord{id, "hash-" + id, "emr", clinic, "label", 1};
}

TEST(StoreTest, ClinicsSettingsAndTokensRoundTripAcrossReopen) {
  testing::TempDir dir;
  {
    auto store = Store::Open(dir.path());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->CreateClinic({"a", "Clinic A", 10}, Token("t1", "a")).ok());
    ASSERT_TRUE((*store)->UpsertPluginSetting({"a", "org.x", true, R"({"k":1})", 11}).ok());
    ASSERT_TRUE((*store)->UpsertPluginSetting({"a", "org.x", false, R"({"k":2})", 12}).ok());
  }
  auto store = Store::Open(dir.path());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto clinic = (*store)->GetClinic("a");
  ASSERT_TRUE(clinic.ok());
  EXPECT_EQ(clinic->display_name, "Clinic A");
  auto settings = (*store)->ListPluginSettings("a");
  ASSERT_TRUE(settings.ok());
  ASSERT_EQ(settings->size(), 1u);
  EXPECT_FALSE((*settings)[0].enabled);
  EXPECT_EQ((*settings)[0].config_json, R"({"k":2})");
  auto tokens = (*store)->ListTokens();
  ASSERT_TRUE(tokens.ok());
  ASSERT_EQ(tokens->size(), 1u);
  EXPECT_EQ((*tokens)[0].clinic_id, "a");
}

TEST(StoreTest, DuplicateClinicIsAlreadyExistsAndWritesNothing) {
  testing::TempDir dir;
  auto store = Store::Open(dir.path());
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->CreateClinic({"a", "A", 1}, Token("t1", "a")).ok());
  Status again = (*store)->CreateClinic({"a", "A again", 2}, Token("t2", "a"));
  EXPECT_EQ(again.code(), StatusCode::kAlreadyExists);
  EXPECT_EQ((*store)->ListTokens()->size(), 1u);  // the second token was rolled back
}

TEST(StoreTest, UnknownClinicIsNotFound) {
  testing::TempDir dir;
  auto store = Store::Open(dir.path());
  ASSERT_TRUE(store.ok());
  EXPECT_EQ((*store)->GetClinic("nope").status().code(), StatusCode::kNotFound);
}

TEST(StoreTest, SecondOpenOfOneDataDirIsRefused) {
  testing::TempDir dir;
  auto first = Store::Open(dir.path());
  ASSERT_TRUE(first.ok());
  auto second = Store::Open(dir.path());
  EXPECT_EQ(second.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(second.status().message(), HasSubstr("in use by another needlework-host"));
}

}  // namespace
}  // namespace needlework::host
