// The plugin needlework-plugin-new scaffolded and built against the installed SDK (fixture
// SdkScaffoldBuildsAndPassesItsTests, scaffold_plugin.sh) loads in the real host, and its
// example screen rule answers over gRPC once a clinic enables it, for a session with its
// add-on.
#include <gmock/gmock.h>

#include "integration/api_helpers.h"

namespace needlework::testing {
namespace {

using ::testing::UnorderedElementsAre;

constexpr char kThing[] = "com.acme.thing";

TEST(ScaffoldPluginTest, LoadsAndItsExampleRuleAnswers) {
  HostOptions options;
  options.plugin_dirs = {NEEDLEWORK_SCAFFOLD_PLUGIN_DIR, NEEDLEWORK_PLUGIN_DIR};
  auto host = HostProcess::Start(options);
  ASSERT_NE(host, nullptr);
  Api api(*host);
  auto listed = api.ListPlugins(host->admin_token());
  ASSERT_TRUE(listed.status.ok()) << listed.status.error_message();
  const v1::InstalledPlugin* thing = nullptr;
  for (const auto& plugin : listed.response.plugins()) {
    if (plugin.manifest().id() == kThing) thing = &plugin;
  }
  ASSERT_NE(thing, nullptr) << host->Log();
  EXPECT_EQ(thing->state(), v1::InstalledPlugin::STATE_LOADED) << thing->refusal_reason();
  EXPECT_THAT(thing->manifest().hooks(), UnorderedElementsAre("screen", "aftercare", "triage",
                                                              "catalog", "plan", "check_booking"));

  ASSERT_TRUE(api.Enable(host->admin_token(), "demo", kThing).status.ok());
  v1::ScreenRequest request = FactsWithConditions({});
  auto* condition = request.mutable_facts()->add_conditions();
  auto* code = condition->add_codes();
  code->set_system("https://acme.example/fhir/CodeSystem/condition");
  code->set_code("example-condition");
  condition->set_clinical_status(types::CONDITION_STATUS_ACTIVE);
  condition->set_source_ref("Condition/example");
  auto* add_on = request.add_add_ons();
  add_on->set_system(std::string(code_systems::kProcedure));
  add_on->set_code("thing-add-on");
  auto reply = api.Screen(host->emr_token(), request);
  ASSERT_TRUE(reply.status.ok()) << reply.status.error_message();
  auto findings = FindingsFrom(reply.response, kThing);
  ASSERT_EQ(findings.size(), 1u) << reply.response.DebugString();
  EXPECT_EQ(findings[0].rule_id(), "example-condition");
}

}  // namespace
}  // namespace needlework::testing
