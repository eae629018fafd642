#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "commands/clinic_setup.h"
#include "commands/clinics.h"
#include "render_helpers.h"
#include "session.h"

namespace needlework::ctl {
namespace {

using ::testing::HasSubstr;

v1::ListPluginsResponse LoadedAndRefused() {
  v1::ListPluginsResponse response;
  v1::InstalledPlugin* loaded = response.add_plugins();
  loaded->set_file("/opt/nw/plugins/libscreening.so");
  loaded->set_state(v1::InstalledPlugin::STATE_LOADED);
  loaded->mutable_manifest()->set_id("dev.needlework.screening");
  loaded->mutable_manifest()->set_version("0.1.0");
  loaded->mutable_manifest()->add_hooks("screen");
  loaded->mutable_manifest()->add_hooks("triage");
  loaded->set_trusted(true);
  loaded->set_isolation(v1::InstalledPlugin::ISOLATION_IN_PROCESS);
  v1::InstalledPlugin* refused = response.add_plugins();
  refused->set_file("/opt/nw/plugins/libold.so");
  refused->set_state(v1::InstalledPlugin::STATE_REFUSED);
  refused->set_refusal_reason("abi_major 2 differs from the host's 1\nbuild_key differs");
  return response;
}

TEST(RenderPluginsTest, TableThenRefusedWithReason) {
  EXPECT_EQ(Rendered(LoadedAndRefused(), RenderPlugins),
            "ID                        VERSION  STATE    TRUSTED  ISOLATION   HOOKS          FILE\n"
            "dev.needlework.screening  0.1.0    loaded   yes      in-process  screen,triage  "
            "/opt/nw/plugins/libscreening.so\n"
            "-                         -        refused  -        -           -              "
            "/opt/nw/plugins/libold.so\n"
            "\n"
            "Refused:\n"
            "  /opt/nw/plugins/libold.so:\n"
            "    abi_major 2 differs from the host's 1\n"
            "    build_key differs\n");
}

TEST(RenderPluginsTest, ProcessModeRunnersOnePerClinic) {
  v1::ListPluginsResponse response;
  v1::InstalledPlugin* plugin = response.add_plugins();
  plugin->set_file("/opt/acme/rf.so");
  plugin->set_state(v1::InstalledPlugin::STATE_LOADED);
  plugin->mutable_manifest()->set_id("com.acme.rf");
  plugin->mutable_manifest()->set_version("1.2.0");
  plugin->mutable_manifest()->add_hooks("screen");
  plugin->set_isolation(v1::InstalledPlugin::ISOLATION_PROCESS);
  v1::PluginRunner* running = plugin->add_runners();
  running->set_clinic_id("demo");
  running->set_state(v1::PluginRunner::STATE_RUNNING);
  running->set_pid(4242);
  v1::PluginRunner* crashed = plugin->add_runners();
  crashed->set_clinic_id("harbour");
  crashed->set_state(v1::PluginRunner::STATE_CRASHED);
  crashed->set_crash_count(5);
  crashed->set_last_crash_reason("killed by SIGSEGV");
  crashed->set_last_crash_at("2026-12-07T17:20:14Z");
  EXPECT_EQ(
      Rendered(response, RenderPlugins),
      "ID           VERSION  STATE   TRUSTED  ISOLATION  HOOKS   FILE\n"
      "com.acme.rf  1.2.0    loaded  no       process    screen  /opt/acme/rf.so\n"
      "\n"
      "Not trusted:\n"
      "  com.acme.rf 1.2.0: (no reason given)\n"
      "\n"
      "Runners (process isolation, one per clinic):\n"
      "  PLUGIN       CLINIC   RUNNER   PID   CRASHES  LAST CRASH\n"
      "  com.acme.rf  demo     running  4242  0        -\n"
      "  com.acme.rf  harbour  crashed  -     5        2026-12-07T17:20:14Z killed by SIGSEGV\n");
}

TEST(RenderPluginsTest, EachUntrustedPluginWithTheHostsReason) {
  v1::ListPluginsResponse response = LoadedAndRefused();
  v1::InstalledPlugin* dev = response.add_plugins();
  dev->set_file("/opt/nw/plugins/libdev.so");
  dev->set_state(v1::InstalledPlugin::STATE_LOADED);
  dev->mutable_manifest()->set_id("com.example.dev");
  dev->mutable_manifest()->set_version("0.2.0");
  dev->set_trust_reason("untrusted: development mode (plugin_trust.mode)");
  EXPECT_THAT(Rendered(response, RenderPlugins),
              HasSubstr("\nNot trusted:\n"
                        "  com.example.dev 0.2.0: development mode (plugin_trust.mode)\n"
                        "\nRefused:\n"));
}

TEST(RenderPluginsTest, None) {
  EXPECT_EQ(Rendered(v1::ListPluginsResponse(), RenderPlugins), "No plugins found by the host.\n");
}

TEST(RenderClinicsTest, Table) {
  v1::ListClinicsResponse response;
  v1::Clinic* clinic = response.add_clinics();
  clinic->set_clinic_id("aurora");
  clinic->set_display_name("Aurora Skin");
  clinic->set_created_at("2026-01-02T03:04:05Z");
  clinic->set_time_zone("Europe/London");
  response.add_clinics()->set_clinic_id("b2");
  EXPECT_EQ(Rendered(response, RenderClinics),
            "ID      NAME         TIME ZONE      CREATED\n"
            "aurora  Aurora Skin  Europe/London  2026-01-02T03:04:05Z\n"
            "b2      -            -              -\n");
}

TEST(RenderClinicsTest, NoneSaysHowToAddOne) {
  EXPECT_THAT(Rendered(v1::ListClinicsResponse(), RenderClinics),
              HasSubstr("needleworkctl clinic create"));
}

TEST(RenderCreatedClinicTest, ShowsTokenOnce) {
  v1::CreateClinicResponse response;
  response.mutable_clinic()->set_clinic_id("aurora");
  response.mutable_clinic()->set_display_name("Aurora Skin");
  response.mutable_clinic()->set_created_at("2026-01-02T03:04:05Z");
  response.mutable_clinic()->set_time_zone("Europe/London");
  response.set_emr_token("nw_emr_secret");
  EXPECT_EQ(Rendered(response, RenderCreatedClinic),
            "Created clinic:\n"
            "  id         aurora\n"
            "  name       Aurora Skin\n"
            "  time zone  Europe/London\n"
            "  created    2026-01-02T03:04:05Z\n"
            "\n"
            "EMR token (shown only this once; the host keeps only its hash, so store it now):\n"
            "  nw_emr_secret\n"
            "\n"
            "The clinic starts empty (every plugin off, no staff, rooms or hours). Give it a "
            "starting point:\n"
            "  needleworkctl clinic setup aurora --time-zone Europe/London\n");
}

TEST(RenderClinicPluginsTest, TableWithCompactOverrides) {
  v1::ListClinicPluginsResponse response;
  v1::ClinicPlugin* on = response.add_plugins();
  on->set_plugin_id("dev.needlework.screening");
  on->set_enabled(true);
  on->set_installed(true);
  on->set_plugin_version("0.1.0");
  on->set_config_json("{\n  \"max_depth_mm\": 1.5\n}");
  v1::ClinicPlugin* gone = response.add_plugins();
  gone->set_plugin_id("com.acme.rf");
  EXPECT_EQ(
      Rendered(response, RenderClinicPlugins),
      "PLUGIN                    ENABLED  VERSION  PINNED  INSTALLED  CONFIG OVERRIDES\n"
      "dev.needlework.screening  yes      0.1.0    -       yes        {\"max_depth_mm\":1.5}\n"
      "com.acme.rf               no       -        -       no         -\n");
}

TEST(RenderClinicPluginTest, AfterEnable) {
  v1::ClinicPlugin plugin;
  plugin.set_plugin_id("com.acme.rf");
  plugin.set_enabled(true);
  plugin.set_installed(true);
  plugin.set_plugin_version("2.0.0");
  plugin.set_config_json(R"({"depth": 1})");
  plugin.set_effective_config_json(R"({"depth": 1, "speed": 2})");
  plugin.set_updated_at("2026-01-02T03:04:05Z");
  std::ostringstream out;
  RenderClinicPlugin("aurora", plugin, out);
  EXPECT_EQ(out.str(),
            "Plugin com.acme.rf for clinic aurora: enabled\n"
            "  version           2.0.0\n"
            "  pinned            no: follows the newest version\n"
            "  installed         yes\n"
            "  config overrides  {\"depth\":1}\n"
            "  effective config  {\"depth\":1,\"speed\":2}\n"
            "  updated           2026-01-02T03:04:05Z\n");
}

TEST(RenderClinicPluginTest, NotInstalledSaysSo) {
  v1::ClinicPlugin plugin;
  plugin.set_plugin_id("com.acme.gone");
  std::ostringstream out;
  RenderClinicPlugin("aurora", plugin, out);
  EXPECT_THAT(out.str(), HasSubstr(": disabled\n"));
  EXPECT_THAT(out.str(), HasSubstr("installed         no: the host has no plugin of this id\n"));
}

TEST(ConfigChangesTest, LeavesAddedChangedAndRemovedArraysWhole) {
  EXPECT_THAT(ConfigChanges(R"({"a":{"b":1,"c":[1,2],"d":"x"},"e/f":true})",
                            R"({"a":{"b":2,"c":[1],"g":{"h":null}},"e/f":true})"),
              ::testing::ElementsAre("removed /a/d (was \"x\")", "changed /a/b: 1 -> 2",
                                     "changed /a/c: [1,2] -> [1]", "added   /a/g/h: null"));
  EXPECT_THAT(ConfigChanges("", R"({"k":{}})"), ::testing::ElementsAre("added   /k: {}"));
  EXPECT_THAT(ConfigChanges(R"({"x":{"y":1}})", "{}"),
              ::testing::ElementsAre("removed /x/y (was 1)"));
  EXPECT_THAT(ConfigChanges(R"({"a":1})", R"({"a":1})"), ::testing::IsEmpty());
}

TEST(RenderConfigChangeTest, OneLinePerChangeNotTheDocument) {
  v1::ClinicPlugin plugin;
  plugin.set_plugin_id("com.acme.rf");
  plugin.set_enabled(true);
  plugin.set_previous_config_json(R"({"depth": 1})");
  plugin.set_config_json(R"({"depth": 1.5, "speed": 2})");
  plugin.set_effective_config_json(R"({"depth": 1.5, "speed": 2, "long": "defaults"})");
  std::ostringstream out;
  RenderConfigChange("aurora", plugin, out);
  EXPECT_EQ(out.str(),
            "Plugin com.acme.rf for clinic aurora (enabled): 2 config overrides changed\n"
            "  changed /depth: 1 -> 1.5\n"
            "  added   /speed: 2\n");
  plugin.set_previous_config_json(plugin.config_json());
  std::ostringstream same;
  RenderConfigChange("aurora", plugin, same);
  EXPECT_EQ(
      same.str(),
      "Plugin com.acme.rf for clinic aurora (enabled): the config overrides are unchanged.\n");
}

TEST(RenderClinicTest, AfterTimeZone) {
  v1::Clinic clinic;
  clinic.set_clinic_id("aurora");
  clinic.set_display_name("Aurora Skin");
  clinic.set_time_zone("Europe/London");
  clinic.set_created_at("2026-01-02T03:04:05Z");
  EXPECT_EQ(Rendered(clinic, RenderClinic),
            "Clinic aurora:\n"
            "  name       Aurora Skin\n"
            "  time zone  Europe/London\n"
            "  created    2026-01-02T03:04:05Z\n");
}

TEST(RenderResourcesTest, Table) {
  v1::ListResourcesResponse response;
  v1::Resource* lee = response.add_resources();
  lee->set_resource_id("dr-lee");
  lee->set_type(types::v1::RESOURCE_TYPE_PRACTITIONER);
  lee->set_display_name("Dr Lee");
  lee->set_active(true);
  v1::Resource* pen = response.add_resources();
  pen->set_resource_id("pen-1");
  pen->set_type(types::v1::RESOURCE_TYPE_DEVICE);
  pen->set_device_kind("microneedling-pen");
  EXPECT_EQ(Rendered(response, RenderResources),
            "ID      TYPE          KIND               NAME    ACTIVE\n"
            "dr-lee  practitioner  -                  Dr Lee  yes\n"
            "pen-1   device        microneedling-pen  -       no\n");
}

TEST(RenderResourcesTest, NoneSaysHowToAddOne) {
  EXPECT_THAT(Rendered(v1::ListResourcesResponse(), RenderResources),
              HasSubstr("needleworkctl resource add <clinic-id> <resource-id> --type"));
}

TEST(RenderResourceTest, DeviceAndInactiveRoom) {
  v1::Resource pen;
  pen.set_resource_id("pen-1");
  pen.set_type(types::v1::RESOURCE_TYPE_DEVICE);
  pen.set_device_kind("microneedling-pen");
  pen.set_display_name("Pen 1");
  pen.set_active(true);
  EXPECT_EQ(Rendered(pen, RenderResource),
            "Resource pen-1: device\n"
            "  kind    microneedling-pen\n"
            "  name    Pen 1\n"
            "  active  yes\n");
  v1::Resource room;
  room.set_resource_id("room-2");
  room.set_type(types::v1::RESOURCE_TYPE_ROOM);
  EXPECT_EQ(Rendered(room, RenderResource),
            "Resource room-2: room\n"
            "  name    -\n"
            "  active  no: never offered for booking\n");
}

v1::OpeningSpan* AddSpan(v1::OpeningHours* hours, int weekday, const std::string& open,
                         const std::string& close) {
  v1::OpeningSpan* span = hours->add_spans();
  span->set_weekday(weekday);
  span->set_open(open);
  span->set_close(close);
  return span;
}

TEST(RenderOpeningHoursTest, MondayToSunday) {
  v1::OpeningHours hours;
  hours.set_clinic_id("aurora");
  AddSpan(&hours, 6, "10:00", "14:00");
  AddSpan(&hours, 1, "13:30", "18:00");
  AddSpan(&hours, 1, "09:00", "12:30");
  AddSpan(&hours, 5, "09:00", "17:00");
  EXPECT_EQ(Rendered(hours, RenderOpeningHours),
            "Opening hours of aurora (its wall-clock time):\n"
            "  mon  09:00-12:30, 13:30-18:00\n"
            "  tue  closed\n"
            "  wed  closed\n"
            "  thu  closed\n"
            "  fri  09:00-17:00\n"
            "  sat  10:00-14:00\n"
            "  sun  closed\n");
}

TEST(RenderOpeningHoursTest, NoneIsClosedEveryDay) {
  v1::OpeningHours hours;
  hours.set_clinic_id("aurora");
  EXPECT_EQ(Rendered(hours, RenderOpeningHours),
            "Opening hours of aurora (its wall-clock time):\n"
            "  none: the clinic is closed every day\n");
}

TEST(ToJsonTest, IncludesDefaultValuedFields) {
  v1::ClinicPlugin plugin;
  plugin.set_plugin_id("com.acme.rf");
  std::string json = ToJson(plugin);
  EXPECT_THAT(json, HasSubstr("\"pluginId\": \"com.acme.rf\""));
  EXPECT_THAT(json, HasSubstr("\"enabled\": false"));
  EXPECT_THAT(json, HasSubstr("\"installed\": false"));
  EXPECT_EQ(json.back(), '\n');
}

TEST(ToJsonTest, EnumsByName) {
  std::string json = ToJson(LoadedAndRefused());
  EXPECT_THAT(json, HasSubstr("\"state\": \"STATE_REFUSED\""));
  EXPECT_THAT(json, HasSubstr("\"refusalReason\": "));
}

}  // namespace
}  // namespace needlework::ctl
