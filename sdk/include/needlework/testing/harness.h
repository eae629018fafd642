// A plugin's answers in a vendor's own GoogleTest tests (Needlework::plugin_testing):
//
//   #include "needlework/testing/harness.h"
//   using namespace needlework::testing;
//
//   TEST(ColdRules, ContraindicateColdUrticaria) {
//     PluginHarness plugin({.plugin_path = "build/acme.so", .requests_dir = "tests/requests"});
//     ASSERT_EQ(plugin.problem(), "");
//     EXPECT_THAT(Screen(plugin, "cold-urticaria.json"),
//                 HasFinding("cold-urticaria", types::v1::OUTCOME_CONTRAINDICATED));
//   }
//
// The plugin is loaded the way needlework-host loads it (the version block checked first,
// then the manifest) and every call runs in a forked child process, as the conformance kit
// runs them: a crash or a hang fails that call with a status naming it, never the test
// program. Requests are files of proto3 JSON, as the conformance kit's samples are.
#ifndef NEEDLEWORK_TESTING_HARNESS_H_
#define NEEDLEWORK_TESTING_HARNESS_H_

#include <gmock/gmock.h>

#include <memory>
#include <string>

#include "needlework/plugin/v1/aftercare.pb.h"
#include "needlework/plugin/v1/catalog.pb.h"
#include "needlework/plugin/v1/check_booking.pb.h"
#include "needlework/plugin/v1/manifest.pb.h"
#include "needlework/plugin/v1/plan.pb.h"
#include "needlework/plugin/v1/screen.pb.h"
#include "needlework/status.h"

namespace needlework::conformance {
class PluginUnderTest;
}

namespace needlework::testing {

struct HarnessOptions {
  std::string plugin_path;  // the built plugin, e.g. build/acme.so
  // Where a relative request file is looked up ("" : the working directory).
  std::string requests_dir;
  // A JSON merge patch over the plugin's default config, as a clinic's patch is applied.
  std::string config_patch = "{}";
  int deadline_ms = 500;  // a call still running after four times this (>= 1 s) has hung
};

class PluginHarness {
 public:
  // Loads the plugin and checks that its default config, patched, makes an instance. Never
  // fails: problem() says what went wrong, and each call then answers FAILED_PRECONDITION.
  explicit PluginHarness(HarnessOptions options);
  ~PluginHarness();
  PluginHarness(const PluginHarness&) = delete;
  PluginHarness& operator=(const PluginHarness&) = delete;

  // Empty when the plugin loaded and accepted its config; otherwise why not.
  const std::string& problem() const { return problem_; }

  // Sends `hook` the request in `request_file` (proto3 JSON of its <Hook>Request) and parses
  // the answer into `response`. The plugin's error with its code and message; INVALID_ARGUMENT
  // for a file that is not such a request; INTERNAL for a crash, a hang, or an answer that
  // is not a <Hook>Response.
  Status Call(plugin::v1::Hook hook, const std::string& request_file,
              google::protobuf::Message* response) const;

 private:
  HarnessOptions options_;
  std::string config_;  // the effective config
  std::unique_ptr<conformance::PluginUnderTest> plugin_;
  std::string problem_;
};

// One call of each hook; see PluginHarness::Call.
StatusOr<plugin::v1::ScreenResponse> Screen(const PluginHarness& plugin, const std::string& file);
StatusOr<plugin::v1::PlanResponse> Plan(const PluginHarness& plugin, const std::string& file);
StatusOr<plugin::v1::CheckBookingResponse> CheckBooking(const PluginHarness& plugin,
                                                        const std::string& file);
StatusOr<plugin::v1::AftercareResponse> Aftercare(const PluginHarness& plugin,
                                                  const std::string& file);
StatusOr<plugin::v1::TriageResponse> Triage(const PluginHarness& plugin, const std::string& file);
StatusOr<plugin::v1::CatalogResponse> Catalog(const PluginHarness& plugin, const std::string& file);

namespace internal {
// The answer inside `arg` (a response or a StatusOr of one); nullptr, with the status
// explained to `listener`, when the call failed.
template <typename Response>
const Response* Answer(const Response& arg, ::testing::MatchResultListener*) {
  return &arg;
}
template <typename Response>
const Response* Answer(const StatusOr<Response>& arg, ::testing::MatchResultListener* listener) {
  if (arg.ok()) return &*arg;
  *listener << "the call failed: " << arg.status().ToString();
  return nullptr;
}
}  // namespace internal

// A screen answer with a finding of `rule_id` (and, when given, that finding's outcome).
MATCHER_P(HasFinding, rule_id, "has a finding " + ::testing::PrintToString(rule_id)) {
  const auto* answer = internal::Answer(arg, result_listener);
  if (answer == nullptr) return false;
  for (const auto& finding : answer->findings()) {
    if (finding.rule_id() == rule_id) return true;
  }
  *result_listener << "whose findings are " << ::testing::PrintToString(answer->findings_size());
  return false;
}
MATCHER_P2(HasFinding, rule_id, outcome,
           "has a finding " + ::testing::PrintToString(rule_id) + " with outcome " +
               types::v1::Outcome_Name(outcome)) {
  const auto* answer = internal::Answer(arg, result_listener);
  if (answer == nullptr) return false;
  for (const auto& finding : answer->findings()) {
    if (finding.rule_id() != rule_id) continue;
    if (finding.outcome() == outcome) return true;
    *result_listener << "whose outcome is " << types::v1::Outcome_Name(finding.outcome());
    return false;
  }
  *result_listener << "with no such finding among " << answer->findings_size();
  return false;
}
// A screen answer whose overall outcome is `outcome`.
MATCHER_P(HasOutcome, outcome, "has the outcome " + types::v1::Outcome_Name(outcome)) {
  const auto* answer = internal::Answer(arg, result_listener);
  if (answer == nullptr) return false;
  *result_listener << "whose outcome is " << types::v1::Outcome_Name(answer->outcome());
  return answer->outcome() == outcome;
}
// An aftercare answer with an instruction of id `id`.
MATCHER_P(HasInstruction, id, "has the instruction " + ::testing::PrintToString(id)) {
  const auto* answer = internal::Answer(arg, result_listener);
  if (answer == nullptr) return false;
  for (const auto& line : answer->instructions()) {
    if (line.id() == id) return true;
  }
  return false;
}
// A triage answer of `level`.
MATCHER_P(HasTriageLevel, level, "has the level " + types::v1::TriageLevel_Name(level)) {
  const auto* answer = internal::Answer(arg, result_listener);
  if (answer == nullptr) return false;
  *result_listener << "whose level is " << types::v1::TriageLevel_Name(answer->level());
  return answer->level() == level;
}
// A check_booking answer with a violation of code `code`.
MATCHER_P(HasViolation, code, "has the violation " + ::testing::PrintToString(code)) {
  const auto* answer = internal::Answer(arg, result_listener);
  if (answer == nullptr) return false;
  for (const auto& violation : answer->violations()) {
    if (violation.code() == code) return true;
  }
  return false;
}

}  // namespace needlework::testing

#endif  // NEEDLEWORK_TESTING_HARNESS_H_
