// Feedback on cards: an override records a REVIEWED_PROCEED review (reason and clinician)
// on the card's screening record, an acceptance a DECLINED one, both in the audit log; a
// card of another clinic is not found.
#include "host/cdshooks/feedback.h"

#include <gmock/gmock.h>

#include "host/cdshooks/cds_fixture.h"
#include "needlework/v1/screening.pb.h"

namespace needlework::host {
namespace {

using fixtures::ExamplePatient;
using fixtures::HookBody;
using fixtures::Json;
using ::testing::HasSubstr;

class FeedbackTest : public fixtures::CdsServiceFixture {
 protected:
  // The one card patient-view shows for the warfarin patient, at clinic a.
  Json WarfarinCard() {
    Json cards =
        Cards("needlework-patient-view", HookBody("patient-view", ExamplePatient("warfarin")));
    EXPECT_EQ(cards.size(), 1u);
    return cards.empty() ? Json::object() : cards[0];
  }

  static Json Feedback(const std::string& card, const std::string& outcome) {
    Json item = {
        {"card", card}, {"outcome", outcome}, {"outcomeTimestamp", "2026-12-08T02:40:00Z"}};
    if (outcome == "overridden") {
      item["overrideReason"] = {
          {"reason",
           {{"system", "https://needlework.dev/fhir/CodeSystem/cds-override-reason"},
            {"code", "reviewed-proceed"},
            {"display", "Clinician reviewed the findings; proceed"}}},
          {"userComment", "INR stable for a year"}};
    }
    return {{"feedback", {item}}};
  }
};

TEST_F(FeedbackTest, AnOverrideIsAReviewOnTheScreeningRecordAndAnAuditRecord) {
  Json card = WarfarinCard();
  std::string screening_id = card["source"]["topic"]["code"];
  HttpReply reply =
      Post("/cds-services/needlework-patient-view/feedback", Feedback(card["uuid"], "overridden"));
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto reviews = store_->ListReviews("a", screening_id);
  ASSERT_TRUE(reviews.ok());
  ASSERT_EQ(reviews->size(), 1u);
  EXPECT_EQ((*reviews)[0].decision, needlework::v1::REVIEW_DECISION_REVIEWED_PROCEED);
  EXPECT_EQ((*reviews)[0].reviewer, "Practitioner/dr-lee");
  EXPECT_THAT((*reviews)[0].reason, HasSubstr("Clinician reviewed the findings; proceed"));
  EXPECT_THAT((*reviews)[0].reason, HasSubstr("INR stable for a year"));
  AuditFilter filter;
  filter.rpc = "cds-hooks/needlework-patient-view/feedback";
  auto audit = store_->QueryAudit(filter);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ((*audit)[0].clinic_id, "a");
  EXPECT_THAT((*audit)[0].object_ref, HasSubstr("screening_id=" + screening_id));
  EXPECT_THAT((*audit)[0].object_ref, HasSubstr("outcome=overridden"));
}

TEST_F(FeedbackTest, AnAcceptanceDeclinesTreatment) {
  Json card = WarfarinCard();
  ASSERT_EQ(
      Post("/cds-services/needlework-patient-view/feedback", Feedback(card["uuid"], "accepted"))
          .status,
      200);
  auto reviews = store_->ListReviews("a", card["source"]["topic"]["code"].get<std::string>());
  ASSERT_TRUE(reviews.ok());
  ASSERT_EQ(reviews->size(), 1u);
  EXPECT_EQ((*reviews)[0].decision, needlework::v1::REVIEW_DECISION_DECLINED);
}

TEST_F(FeedbackTest, FeedbackOnAnEligibleCardIsAuditedOnly) {
  Json cards =
      Cards("needlework-patient-view", HookBody("patient-view", ExamplePatient("eligible")));
  ASSERT_EQ(cards.size(), 1u);
  ASSERT_EQ(
      Post("/cds-services/needlework-patient-view/feedback", Feedback(cards[0]["uuid"], "accepted"))
          .status,
      200);
  auto reviews = store_->ListReviews("a", cards[0]["source"]["topic"]["code"].get<std::string>());
  ASSERT_TRUE(reviews.ok());
  EXPECT_TRUE(reviews->empty());
  AuditFilter filter;
  filter.rpc = "cds-hooks/needlework-patient-view/feedback";
  auto audit = store_->QueryAudit(filter);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_THAT((*audit)[0].detail, HasSubstr("\"outcome\":\"accepted\""));
}

TEST_F(FeedbackTest, AnotherClinicsCardIsNotFoundAndNothingIsRecorded) {
  Json card = WarfarinCard();
  HttpReply reply = Post("/cds-services/needlework-patient-view/feedback",
                         Feedback(card["uuid"], "overridden"), /*clinic=*/"b");
  EXPECT_EQ(reply.status, 404);
  auto reviews = store_->ListReviews("a", card["source"]["topic"]["code"].get<std::string>());
  ASSERT_TRUE(reviews.ok());
  EXPECT_TRUE(reviews->empty());
}

TEST_F(FeedbackTest, MalformedFeedbackIsRefused) {
  EXPECT_EQ(Post("/cds-services/needlework-patient-view/feedback", Json::object()).status, 400);
  Json item = Feedback("not-a-uuid", "overridden");
  EXPECT_EQ(Post("/cds-services/needlework-patient-view/feedback", item).status, 400);
  Json card = WarfarinCard();
  item = Feedback(card["uuid"], "ignored");
  EXPECT_EQ(Post("/cds-services/needlework-patient-view/feedback", item).status, 400);
  item = Feedback(card["uuid"], "overridden");
  item["feedback"][0].erase("outcomeTimestamp");
  EXPECT_EQ(Post("/cds-services/needlework-patient-view/feedback", item).status, 400);
}

}  // namespace
}  // namespace needlework::host
