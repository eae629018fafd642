// GET /cds-services, field by field against CDS Hooks 2.0 "Discovery": a services list, each
// with the REQUIRED hook, description and id (title is RECOMMENDED), prefetch templates as
// FHIR queries with {{context.patientId}}.
#include "host/cdshooks/discovery.h"

#include <gmock/gmock.h>

#include "host/cdshooks/cds_fixture.h"

namespace needlework::host {
namespace {

using fixtures::Json;
using ::testing::ElementsAre;

class DiscoveryTest : public fixtures::CdsServiceFixture {};

TEST_F(DiscoveryTest, ListsOneServicePerHookWithEveryField) {
  HttpRequest request;
  request.method = "GET";
  request.path = "/cds-services";
  HttpReply reply = service_->Handle(request);
  ASSERT_EQ(reply.status, 200);
  EXPECT_EQ(reply.content_type, "application/json");
  Json document = Json::parse(reply.body);
  ASSERT_EQ(document.size(), 1u);
  ASSERT_TRUE(document["services"].is_array());
  std::vector<std::string> hooks;
  for (const auto& service : document["services"]) {
    hooks.push_back(service["hook"]);
    EXPECT_EQ(service.size(), 5u) << service.dump();
    EXPECT_TRUE(service["title"].is_string());
    EXPECT_FALSE(service["description"].get<std::string>().empty());
    EXPECT_EQ(service["id"], "needlework-" + service["hook"].get<std::string>());
    const Json& prefetch = service["prefetch"];
    EXPECT_EQ(prefetch["patient"], "Patient/{{context.patientId}}");
    EXPECT_EQ(prefetch["conditions"], "Condition?patient={{context.patientId}}");
    EXPECT_EQ(prefetch["medicationRequests"], "MedicationRequest?patient={{context.patientId}}");
    EXPECT_EQ(prefetch["medicationStatements"],
              "MedicationStatement?patient={{context.patientId}}");
    EXPECT_EQ(prefetch["allergies"], "AllergyIntolerance?patient={{context.patientId}}");
    EXPECT_EQ(prefetch["observations"], "Observation?patient={{context.patientId}}");
    EXPECT_EQ(prefetch["procedures"], "Procedure?patient={{context.patientId}}");
    EXPECT_EQ(prefetch.size(), 7u);
  }
  EXPECT_THAT(hooks, ElementsAre("patient-view", "order-select", "order-sign", "appointment-book"));
}

TEST_F(DiscoveryTest, WrongMethodsAndUnknownServicesAreRefused) {
  HttpRequest request;
  request.method = "POST";
  request.path = "/cds-services";
  EXPECT_EQ(service_->Handle(request).status, 405);
  request.method = "GET";
  request.path = "/cds-services/needlework-patient-view";
  EXPECT_EQ(service_->Handle(request).status, 405);
  EXPECT_EQ(Post("/cds-services/no-such-service", Json::object()).status, 404);
  EXPECT_EQ(Post("/cds-services/needlework-patient-view/other", Json::object()).status, 404);
  EXPECT_EQ(Post("/cds-servicesX", Json::object()).status, 404);
}

// The metrics label never carries a path the caller made up.
TEST(CdsEndpointLabelTest, NamesOurEndpointsAndNothingElse) {
  EXPECT_EQ(CdsEndpointLabel("/cds-services"), "discovery");
  EXPECT_EQ(CdsEndpointLabel("/cds-services/"), "discovery");
  EXPECT_EQ(CdsEndpointLabel("/cds-services/needlework-patient-view"), "needlework-patient-view");
  EXPECT_EQ(CdsEndpointLabel("/cds-services/needlework-order-sign/feedback"),
            "needlework-order-sign/feedback");
  EXPECT_EQ(CdsEndpointLabel("/cds-services/made-up-id"), "unknown");
  EXPECT_EQ(CdsEndpointLabel("/cds-services/needlework-patient-view/other"), "unknown");
  EXPECT_EQ(CdsEndpointLabel("/cds-servicesX"), "unknown");
}

}  // namespace
}  // namespace needlework::host
