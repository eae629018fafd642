// A vendor's expected answer to one of its samples: `<sample>.expected.json` beside
// `<sample>.json` holds the part of the <Hook>Response the plugin must give, in proto3 JSON.
#ifndef NEEDLEWORK_SDK_TESTING_EXPECTED_ANSWER_H_
#define NEEDLEWORK_SDK_TESTING_EXPECTED_ANSWER_H_

#include <string>
#include <vector>

#include "hooks.h"

namespace needlework::conformance {

// Every way the serialized answer `bytes` to `hook` differs from `expected_json`, one line
// each (empty when it gives what is expected). The expected answer is a pattern: each field
// it sets must be in the answer with that value, an object matches an object that has at
// least its fields, and each element of an expected list must match its own element of the
// answer's list, in any order (the answer may hold more). So
//   {"outcome": "OUTCOME_CONTRAINDICATED", "findings": [{"ruleId": "cold-urticaria"}]}
// passes any contraindicating answer with a cold-urticaria finding. An expected file that
// is not a <Hook>Response is a problem of its own.
std::vector<std::string> ExpectedAnswerProblems(const HookInfo& hook, const std::string& bytes,
                                                const std::string& expected_json);

}  // namespace needlework::conformance

#endif  // NEEDLEWORK_SDK_TESTING_EXPECTED_ANSWER_H_
