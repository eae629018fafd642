// The host's checks of a plugin's catalog answer, and what makes a plugin an add-on plugin.
#include "host/plugins/therapies.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "needlework/plugin/v1/catalog.pb.h"
#include "support/status_matchers.h"

namespace needlework::host {
namespace {

namespace types = needlework::types::v1;
using needlework::testing::IsOk;
using needlework::testing::StatusIs;
using ::testing::HasSubstr;

types::Therapy MakeTherapy(const std::string& code, types::TherapyKind kind, int minutes = 10) {
  types::Therapy therapy;
  therapy.mutable_code()->set_system("https://needlework.dev/fhir/CodeSystem/procedure");
  therapy.mutable_code()->set_code(code);
  therapy.set_display_name("Therapy " + code);
  therapy.set_kind(kind);
  therapy.set_minutes(minutes);
  return therapy;
}

std::string Answer(const std::vector<types::Therapy>& therapies) {
  needlework::plugin::v1::CatalogResponse response;
  for (const auto& t : therapies) *response.add_therapies() = t;
  return response.SerializeAsString();
}

Codings Codes(const std::vector<std::string>& codes) {
  Codings out;
  for (const auto& code : codes) *out.Add() = MakeTherapy(code, types::THERAPY_KIND_ADD_ON).code();
  return out;
}

TEST(CheckCatalogTest, AcceptsAWellFormedCatalog) {
  auto rf = MakeTherapy("rf", types::THERAPY_KIND_ADD_ON, 15);
  auto* device = rf.add_requirements();
  device->set_type(types::RESOURCE_TYPE_DEVICE);
  device->set_device_kind("rf-unit");
  auto checked = CheckCatalog("org.example.rf", Answer({rf}));
  ASSERT_THAT(checked.status(), IsOk());
  ASSERT_EQ(checked->size(), 1u);
  EXPECT_EQ((*checked)[0].requirements(0).device_kind(), "rf-unit");
}

TEST(CheckCatalogTest, RefusesMalformedEntriesNamingThePluginAndTheProblem) {
  auto no_code = MakeTherapy("", types::THERAPY_KIND_ADD_ON);
  auto no_kind = MakeTherapy("a", types::THERAPY_KIND_UNSPECIFIED);
  auto too_long = MakeTherapy("b", types::THERAPY_KIND_ADD_ON, 601);
  auto negative = MakeTherapy("c", types::THERAPY_KIND_ADD_ON, -1);
  auto kindless_device = MakeTherapy("d", types::THERAPY_KIND_ADD_ON);
  kindless_device.add_requirements()->set_type(types::RESOURCE_TYPE_DEVICE);
  auto no_name = MakeTherapy("e", types::THERAPY_KIND_ADD_ON);
  no_name.clear_display_name();
  auto same = MakeTherapy("f", types::THERAPY_KIND_ADD_ON);
  const std::pair<std::vector<types::Therapy>, const char*> cases[] = {
      {{no_code}, "no code"},          {{no_kind}, "no kind"},
      {{too_long}, "minutes 601"},     {{negative}, "minutes -1"},
      {{kindless_device}, "its kind"}, {{no_name}, "no display_name"},
      {{same, same}, "listed twice"}};
  for (const auto& [therapies, problem] : cases) {
    auto checked = CheckCatalog("org.example.bad", Answer(therapies));
    EXPECT_THAT(checked.status(), StatusIs(StatusCode::kInternal, HasSubstr(problem))) << problem;
    EXPECT_THAT(checked.status().message(), HasSubstr("org.example.bad"));
  }
  EXPECT_THAT(CheckCatalog("org.example.bad", "\xff\xff garbage").status(),
              StatusIs(StatusCode::kInternal, HasSubstr("malformed CatalogResponse")));
}

TEST(TherapiesTest, OnlyAPluginOfferingAddOnsAndNoBaseIsAnAddOnPlugin) {
  auto base = MakeTherapy("microneedling", types::THERAPY_KIND_BASE);
  auto rf = MakeTherapy("rf", types::THERAPY_KIND_ADD_ON);
  EXPECT_TRUE(OffersOnlyAddOns({rf}));
  EXPECT_FALSE(OffersOnlyAddOns({base, rf}));
  EXPECT_FALSE(OffersOnlyAddOns({base}));
  EXPECT_FALSE(OffersOnlyAddOns({}));
}

TEST(TherapiesTest, OffersAnyOfMatchesSystemAndCodeOfAddOnsOnly) {
  auto base = MakeTherapy("microneedling", types::THERAPY_KIND_BASE);
  auto rf = MakeTherapy("rf", types::THERAPY_KIND_ADD_ON);
  EXPECT_TRUE(OffersAnyOf({rf}, Codes({"prp", "rf"})));
  EXPECT_FALSE(OffersAnyOf({rf}, Codes({"prp"})));
  EXPECT_FALSE(OffersAnyOf({base}, Codes({"microneedling"})));
  Codings other_system = Codes({"rf"});
  other_system.Mutable(0)->set_system("http://example.org/other");
  EXPECT_FALSE(OffersAnyOf({rf}, other_system));
  Codings display_only = Codes({"rf"});
  display_only.Mutable(0)->set_display("Something else entirely");
  EXPECT_TRUE(OffersAnyOf({rf}, display_only)) << "display never counts";
}

}  // namespace
}  // namespace needlework::host
