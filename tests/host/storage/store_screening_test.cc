// Screening records and reviews in the store: scoped to their clinic, reviews only of a
// stored screening, oldest first; the recency a clinic sets.
#include <gmock/gmock.h>

#include "host/storage/sqlite_store.h"
#include "support/temp_dir.h"

namespace needlework::host {
namespace {

TokenRecord Token(const std::string& id, const std::string& clinic) {
  return TokenRecord{id, "hash-" + id, "emr", clinic, "label", 1};
}

class StoreScreeningTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = SqliteStore::Open(dir_.path());
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(*opened);
    ASSERT_TRUE(store_->CreateClinic({"a", "A", 1}, Token("t1", "a")).ok());
    ASSERT_TRUE(store_->CreateClinic({"b", "B", 1}, Token("t2", "b")).ok());
    ASSERT_TRUE(
        store_->InsertScreening({"scr_1", "a", "Patient/1", 3, "bytes", "digest", 100}).ok());
  }

  ReviewRow Review(const std::string& id, const std::string& clinic, int64_t at) {
    return ReviewRow{id, "scr_1", clinic, 1, {"rule-a", "rule-b"}, "Dr Lee", "why", "t1", at};
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreScreeningTest, ARecordIsReadOnlyByItsClinic) {
  auto row = store_->GetScreening("a", "scr_1");
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  EXPECT_EQ(row->patient_ref, "Patient/1");
  EXPECT_EQ(row->outcome, 3);
  EXPECT_EQ(row->result_bytes, "bytes");
  EXPECT_EQ(row->input_digest, "digest");
  EXPECT_EQ(row->created_at, 100);
  EXPECT_EQ(store_->GetScreening("b", "scr_1").status().code(), StatusCode::kNotFound);
}

TEST_F(StoreScreeningTest, ReviewsNeedAStoredScreeningOfTheClinicAndListOldestFirst) {
  EXPECT_EQ(store_->InsertReview(Review("rev_x", "b", 5)).code(), StatusCode::kNotFound);
  ASSERT_TRUE(store_->InsertReview(Review("rev_2", "a", 20)).ok());
  ASSERT_TRUE(store_->InsertReview(Review("rev_1", "a", 10)).ok());
  auto reviews = store_->ListReviews("a", "scr_1");
  ASSERT_TRUE(reviews.ok());
  ASSERT_EQ(reviews->size(), 2u);
  EXPECT_EQ((*reviews)[0].review_id, "rev_1");
  EXPECT_THAT((*reviews)[0].overridden_rule_ids, ::testing::ElementsAre("rule-a", "rule-b"));
  EXPECT_TRUE(store_->ListReviews("b", "scr_1")->empty());
}

TEST_F(StoreScreeningTest, RecencyDefaultsToThirtyDaysAndIsSetPerClinic) {
  EXPECT_EQ(store_->GetClinic("a")->screening_recency_days, 30);
  ASSERT_TRUE(store_->SetScreeningRecency("a", 7).ok());
  EXPECT_EQ(store_->GetClinic("a")->screening_recency_days, 7);
  EXPECT_EQ(store_->GetClinic("b")->screening_recency_days, 30);
  EXPECT_EQ(store_->SetScreeningRecency("nope", 7).code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace needlework::host
