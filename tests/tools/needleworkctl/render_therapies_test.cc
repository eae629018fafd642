// Rendering of the clinic's therapies, and of the session shape proposals and slots show.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "commands/planning.h"
#include "commands/scheduling.h"
#include "commands/screening.h"
#include "needlework/code_systems.h"
#include "render.h"
#include "render_helpers.h"
#include "session.h"

namespace needlework::ctl {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

void AddDevice(google::protobuf::RepeatedPtrField<types::v1::ResourceRequirement>* requirements,
               const std::string& kind) {
  types::v1::ResourceRequirement* device = requirements->Add();
  device->set_type(types::v1::RESOURCE_TYPE_DEVICE);
  device->set_device_kind(kind);
}

types::v1::Therapy* AddTherapy(v1::ListTherapiesResponse* response, const std::string& code,
                               const std::string& name, int minutes, const std::string& plugin) {
  v1::OfferedTherapy* offered = response->add_therapies();
  offered->set_plugin_id(plugin);
  offered->set_plugin_version("1.0.0");
  types::v1::Therapy* therapy = offered->mutable_therapy();
  *therapy->mutable_code() = Procedure(code);
  therapy->set_display_name(name);
  therapy->set_kind(types::v1::THERAPY_KIND_ADD_ON);
  therapy->set_minutes(minutes);
  return therapy;
}

v1::ListTherapiesResponse Catalog() {
  v1::ListTherapiesResponse response;
  types::v1::Therapy* base =
      AddTherapy(&response, "microneedling", "Microneedling", 60, "org.needlework.scheduling");
  base->set_kind(types::v1::THERAPY_KIND_BASE);
  base->add_requirements()->set_type(types::v1::RESOURCE_TYPE_PRACTITIONER);
  AddDevice(base->mutable_requirements(), "microneedling-pen");
  types::v1::Therapy* ha = AddTherapy(&response, "ha-serum", "HA serum", 5, "com.acme.serums");
  ha->set_record_product_lot(true);
  types::v1::Therapy* rf =
      AddTherapy(&response, "rf-microneedling", "Radiofrequency microneedling", 15, "com.acme.rf");
  AddDevice(rf->mutable_requirements(), "rf-unit");
  return response;
}

TEST(RenderTherapiesTest, TableThenHowToUseAnAddOn) {
  EXPECT_EQ(Rendered(Catalog(), RenderTherapies),
            "CODE              NAME                          KIND    MINUTES  NEEDS              "
            "                     LOT RECORDED  PLUGIN\n"
            "microneedling     Microneedling                 base    60       practitioner, "
            "device microneedling-pen  no            org.needlework.scheduling\n"
            "ha-serum          HA serum                      add-on  +5       -                  "
            "                     yes           com.acme.serums\n"
            "rf-microneedling  Radiofrequency microneedling  add-on  +15      device rf-unit     "
            "                     no            com.acme.rf\n"
            "\n"
            "Give an add-on's code to --add-on of screen, plan propose and plan create.\n");
}

TEST(RenderTherapiesTest, UnavailablePluginsWithTheirReasons) {
  v1::ListTherapiesResponse response = Catalog();
  v1::UnavailableTherapyPlugin* prp = response.add_unavailable();
  prp->set_plugin_id("com.acme.prp");
  prp->set_reason("quarantined: a call ran past its deadline");
  response.add_unavailable()->set_plugin_id("com.acme.led");
  std::string text = Rendered(response, RenderTherapies);
  EXPECT_THAT(text, HasSubstr("com.acme.rf\n"
                              "\n"
                              "Unavailable plugins (2):\n"
                              "  com.acme.prp: quarantined: a call ran past its deadline\n"
                              "  com.acme.led: (no reason given)\n"
                              "\n"
                              "Give an add-on's code"));
}

TEST(RenderTherapiesTest, NothingOnOffer) {
  v1::ListTherapiesResponse response;
  EXPECT_EQ(Rendered(response, RenderTherapies),
            "No therapies on offer: no plugin enabled for the clinic offers one.\n");
  response.add_unavailable()->set_plugin_id("com.acme.rf");
  EXPECT_THAT(Rendered(response, RenderTherapies),
              HasSubstr("offers one.\n\nUnavailable plugins (1):\n  com.acme.rf: "));
}

TEST(RenderTherapiesTest, BaseAloneNeedsNoAddOnHint) {
  v1::ListTherapiesResponse response = Catalog();
  response.mutable_therapies()->DeleteSubrange(1, 2);
  EXPECT_THAT(Rendered(response, RenderTherapies), Not(HasSubstr("--add-on")));
}

TEST(RenderTherapiesTest, JsonForScripts) {
  std::string json = ToJson(Catalog());
  EXPECT_THAT(json, HasSubstr("\"kind\": \"THERAPY_KIND_ADD_ON\""));
  EXPECT_THAT(json, HasSubstr("\"recordProductLot\": true"));
  EXPECT_THAT(json, HasSubstr("\"code\": \"rf-microneedling\""));
  EXPECT_THAT(json, HasSubstr("\"unavailable\": []"));
}

types::v1::SessionShape Shape() {
  types::v1::SessionShape shape;
  shape.set_minutes(80);
  shape.add_requirements()->set_type(types::v1::RESOURCE_TYPE_PRACTITIONER);
  shape.add_requirements()->set_type(types::v1::RESOURCE_TYPE_ROOM);
  AddDevice(shape.mutable_requirements(), "microneedling-pen");
  AddDevice(shape.mutable_requirements(), "rf-unit");
  *shape.add_add_ons() = Procedure("rf-microneedling", "Radiofrequency microneedling");
  *shape.add_add_ons() = Procedure("ha-serum");
  return shape;
}

TEST(RenderSessionShapeTest, MinutesNeedsAndAddOns) {
  std::ostringstream out;
  RenderSessionShape("Session", Shape(), out);
  EXPECT_EQ(out.str(),
            "Session: 80 minutes; needs practitioner, room, device microneedling-pen, device "
            "rf-unit\n"
            "  add-ons: rf-microneedling (Radiofrequency microneedling), ha-serum\n");
}

TEST(RenderSessionShapeTest, AddOnsNoLongerOffered) {
  types::v1::SessionShape shape;
  shape.set_minutes(60);
  *shape.add_unavailable_add_ons() = Procedure("prp-serum");
  types::v1::Coding* other = shape.add_unavailable_add_ons();
  other->set_system("http://example.org/t");
  other->set_code("led");
  std::ostringstream out;
  RenderSessionShape("Session", shape, out);
  EXPECT_EQ(out.str(),
            "Session: 60 minutes\n"
            "  no longer offered: prp-serum, http://example.org/t|led; left out of the session\n");
}

TEST(RenderSessionShapeTest, SlotsShowTheSessionBeforeTheTable) {
  v1::FindSlotsResponse response;
  response.set_time_zone("Europe/London");
  *response.mutable_session() = Shape();
  response.mutable_session()->clear_add_ons();
  *response.mutable_session()->add_unavailable_add_ons() = Procedure("prp-serum");
  v1::Slot* slot = response.add_slots();
  slot->set_start("2026-03-09T09:00:00+00:00");
  slot->set_end("2026-03-09T10:20:00+00:00");
  EXPECT_THAT(Rendered(response, RenderSlots),
              HasSubstr("1 free slot (times in Europe/London).\n"
                        "Session: 80 minutes; needs practitioner, room, device microneedling-pen, "
                        "device rf-unit\n"
                        "  no longer offered: prp-serum; left out of the session\n"
                        "\n"
                        "DAY  START "));
  response.clear_slots();
  EXPECT_THAT(Rendered(response, RenderSlots),
              HasSubstr("left out of the session\nTry wider dates"));
}

TEST(RenderSessionShapeTest, ProposalShowsEachSessionWithItsAddOns) {
  v1::ProposePlanResponse response;
  response.mutable_plan()->set_session_count(4);
  response.mutable_plan()->set_session_minutes(60);
  response.mutable_plan()->add_requirements()->set_type(types::v1::RESOURCE_TYPE_PRACTITIONER);
  *response.mutable_plan()->add_add_ons() = Procedure("rf-microneedling");
  *response.mutable_session() = Shape();
  std::string text = Rendered(response, RenderProposal);
  EXPECT_THAT(text, HasSubstr("  add-ons      rf-microneedling\n"
                              "  sessions     4\n"));
  EXPECT_THAT(text, HasSubstr("  minutes      60 each (without add-ons)\n"
                              "  needs        practitioner (without add-ons)\n"));
  EXPECT_THAT(text, HasSubstr("\n\nEach session: 80 minutes; needs practitioner, room, device "
                              "microneedling-pen, device rf-unit\n"
                              "  add-ons: rf-microneedling (Radiofrequency microneedling), "
                              "ha-serum\n"
                              "\n"
                              "Plugin runs (0):\n"));
}

}  // namespace
}  // namespace needlework::ctl
