// `clinic setup`: its command line, and the plan it makes against what a clinic has (which
// steps are needed, and when a clinic with a setup of its own is refused). The command
// against the real host is in tests/integration/clinic_setup_test.cc.
#include "commands/clinic_template.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "parse_helpers.h"

namespace needlework::ctl {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

ClinicTemplateArgs SetupLine(std::vector<std::string> extra = {}) {
  std::vector<std::string> line = {"clinic", "setup", "harbour", "--time-zone", "Europe/London"};
  line.insert(line.end(), extra.begin(), extra.end());
  return Parse<ClinicTemplateArgs>(line);
}

// What each step prints when applied ("  what: done", or "already so").
std::vector<std::string> Lines(const std::vector<SetupStep>& steps) {
  std::vector<std::string> lines;
  for (const SetupStep& step : steps) {
    std::ostringstream out;
    RenderStep(step, true, out);
    lines.push_back(out.str());
  }
  return lines;
}

size_t Needed(const std::vector<SetupStep>& steps) {
  return std::count_if(steps.begin(), steps.end(), [](const auto& s) { return s.needed; });
}

// The state the template leaves: every step applied to `state`.
ClinicState Applied(ClinicState state, const std::vector<SetupStep>& steps) {
  for (const SetupStep& step : steps) {
    if (const auto* zone = std::get_if<v1::SetClinicTimeZoneRequest>(&step.request)) {
      state.clinic.set_time_zone(zone->time_zone());
    } else if (const auto* plugin = std::get_if<v1::EnablePluginRequest>(&step.request)) {
      v1::ClinicPlugin& added = state.plugins.emplace_back();
      added.set_plugin_id(plugin->plugin_id());
      added.set_enabled(true);
    } else if (const auto* resource = std::get_if<v1::UpsertResourceRequest>(&step.request)) {
      state.resources.push_back(resource->resource());
    } else if (const auto* hours = std::get_if<v1::SetOpeningHoursRequest>(&step.request)) {
      state.hours = hours->hours();
    }
  }
  return state;
}

ClinicState NewClinic() {
  ClinicState state;
  state.clinic.set_clinic_id("harbour");
  state.clinic.set_time_zone("UTC");
  return state;
}

TEST(ClinicSetupParseTest, DefaultsAndFlags) {
  ClinicTemplateArgs defaults = SetupLine();
  EXPECT_EQ(defaults.time_zone, "Europe/London");
  EXPECT_EQ(defaults.practitioner_id, "practitioner-1");
  EXPECT_EQ(defaults.room_id, "room-1");
  EXPECT_EQ(defaults.pen_id, "pen-1");
  EXPECT_EQ(defaults.opening_spans.size(), 5u);  // mon-fri 09:00-17:00
  EXPECT_FALSE(defaults.overwrite);

  ClinicTemplateArgs own =
      SetupLine({"--practitioner", "dr-rivera", "--practitioner-name", "Dr Sam Rivera", "--hours",
                 "mon-fri 09:00-17:00", "--hours", "sat 10:00-14:00", "--overwrite"});
  EXPECT_EQ(own.practitioner_id, "dr-rivera");
  EXPECT_EQ(own.practitioner_name, "Dr Sam Rivera");
  EXPECT_EQ(own.opening_spans.size(), 6u);
  EXPECT_TRUE(own.overwrite);
}

TEST(ClinicSetupParseTest, UsageErrors) {
  EXPECT_THAT(Problem({"clinic", "setup", "harbour"}), HasSubstr("--time-zone"));
  EXPECT_THAT(Problem({"clinic", "setup", "harbour", "--time-zone", "Europe London"}),
              HasSubstr("--time-zone"));
  EXPECT_THAT(Problem({"clinic", "setup", "harbour", "--time-zone", "UTC", "--hours",
                       "fri-mon "
                       "09:00-17:00"}),
              HasSubstr("fri-mon"));
  EXPECT_THAT(Problem({"--json", "clinic", "setup", "harbour", "--time-zone", "UTC"}),
              HasSubstr("text only"));
}

TEST(ClinicSetupPlanTest, NewClinicNeedsEveryStep) {
  std::vector<SetupStep> steps = PlanClinicSetup(SetupLine(), NewClinic());
  EXPECT_THAT(Lines(steps),
              ElementsAre("  time zone Europe/London: set (was UTC)\n",
                          "  plugin org.needlework.screening: enabled\n",
                          "  plugin org.needlework.scheduling: enabled\n",
                          "  plugin org.needlework.aftercare: enabled\n",
                          "  practitioner practitioner-1 (Practitioner): added\n",
                          "  room room-1 (Treatment room 1): added\n",
                          "  device pen-1 (Microneedling pen): added\n",
                          "  opening hours mon-fri 09:00-17:00: set (was closed every day)\n"));
  EXPECT_TRUE(CheckOverwrite(SetupLine(), NewClinic(), steps).ok());
}

TEST(ClinicSetupPlanTest, SecondRunNeedsNothing) {
  ClinicTemplateArgs args = SetupLine();
  ClinicState done = Applied(NewClinic(), PlanClinicSetup(args, NewClinic()));
  std::reverse(done.hours.mutable_spans()->begin(), done.hours.mutable_spans()->end());
  std::vector<SetupStep> again = PlanClinicSetup(args, done);
  EXPECT_EQ(Needed(again), 0u);  // the host's order of the spans does not matter
  EXPECT_THAT(Lines(again)[0], "  time zone Europe/London: already so\n");
  EXPECT_TRUE(CheckOverwrite(args, done, again).ok());
}

TEST(ClinicSetupPlanTest, FinishesWhatAnEarlierRunLeft) {
  ClinicTemplateArgs args = SetupLine();
  std::vector<SetupStep> first = PlanClinicSetup(args, NewClinic());
  first.pop_back();  // the hours were refused, say
  ClinicState partial = Applied(NewClinic(), first);
  std::vector<SetupStep> again = PlanClinicSetup(args, partial);
  EXPECT_EQ(Needed(again), 1u);
  EXPECT_TRUE(CheckOverwrite(args, partial, again).ok());
}

TEST(ClinicSetupPlanTest, RefusesAClinicWithItsOwnSetup) {
  ClinicState own = NewClinic();
  v1::Resource& resource = own.resources.emplace_back();
  resource.set_resource_id("dr-lee");
  resource.set_type(types::v1::RESOURCE_TYPE_PRACTITIONER);
  v1::OpeningSpan& span = *own.hours.add_spans();
  span.set_weekday(6);
  span.set_open("10:00");
  span.set_close("14:00");
  ClinicTemplateArgs args = SetupLine();
  std::vector<SetupStep> steps = PlanClinicSetup(args, own);
  Status refused = CheckOverwrite(args, own, steps);
  EXPECT_EQ(refused.code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(refused.message(), HasSubstr("resources dr-lee and opening hours sat 10:00-14:00"));
  EXPECT_THAT(refused.message(), HasSubstr("--overwrite"));
  EXPECT_TRUE(CheckOverwrite(SetupLine({"--overwrite"}), own, steps).ok());
}

TEST(ClinicSetupPlanTest, ReplacesAResourceOfTheSameIdThatDiffers) {
  ClinicState state = NewClinic();
  v1::Resource& room = state.resources.emplace_back();
  room.set_resource_id("room-1");
  room.set_type(types::v1::RESOURCE_TYPE_ROOM);
  room.set_display_name("Back room");
  room.set_active(true);
  std::vector<SetupStep> steps = PlanClinicSetup(SetupLine(), state);
  EXPECT_EQ(Lines(steps)[5],
            "  room room-1 (Treatment room 1): replaced (was room room-1 (Back room))\n");
  EXPECT_FALSE(CheckOverwrite(SetupLine(), state, steps).ok());
}

}  // namespace
}  // namespace needlework::ctl
