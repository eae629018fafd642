#include "expected_answer.h"

#include <google/protobuf/util/json_util.h>

#include <memory>
#include <nlohmann/json.hpp>

namespace needlework::conformance {
namespace {

using Json = nlohmann::json;
namespace pbutil = google::protobuf::util;

// `message` in the canonical proto3 JSON (lowerCamelCase names, enums by name, defaults left
// out), so an expected file written with either field spelling compares alike.
Json CanonicalJson(const google::protobuf::Message& message) {
  std::string text;
  (void)pbutil::MessageToJsonString(message, &text);
  return Json::parse(text);
}

bool Matches(const Json& expected, const Json& actual);

// Each expected element matches a distinct element of `actual`, in any order.
bool ListMatches(const Json& expected, const Json& actual) {
  std::vector<bool> used(actual.size(), false);
  for (const Json& want : expected) {
    bool found = false;
    for (size_t i = 0; i < actual.size() && !found; ++i) {
      if (!used[i] && Matches(want, actual[i])) used[i] = found = true;
    }
    if (!found) return false;
  }
  return true;
}

bool Matches(const Json& expected, const Json& actual) {
  if (expected.is_object()) {
    if (!actual.is_object()) return false;
    for (const auto& [key, value] : expected.items()) {
      if (!actual.contains(key) || !Matches(value, actual[key])) return false;
    }
    return true;
  }
  if (expected.is_array()) return actual.is_array() && ListMatches(expected, actual);
  return expected == actual;
}

// One line per top-level field of `expected` that `actual` does not match.
std::vector<std::string> Differences(const Json& expected, const Json& actual) {
  std::vector<std::string> problems;
  for (const auto& [key, value] : expected.items()) {
    if (!actual.contains(key)) {
      problems.push_back(key + ": expected " + value.dump() + ", the answer has none");
    } else if (!Matches(value, actual[key])) {
      problems.push_back(key + ": expected " + value.dump() + ", got " + actual[key].dump());
    }
  }
  return problems;
}

}  // namespace

std::vector<std::string> ExpectedAnswerProblems(const HookInfo& hook, const std::string& bytes,
                                                const std::string& expected_json) {
  std::unique_ptr<google::protobuf::Message> expected(hook.response->New());
  auto parsed = pbutil::JsonStringToMessage(expected_json, expected.get());
  if (!parsed.ok()) {
    return {"the expected answer is not a " + expected->GetTypeName() + " in proto3 JSON (" +
            parsed.ToString() + ")"};
  }
  std::unique_ptr<google::protobuf::Message> answer(hook.response->New());
  if (!answer->ParseFromString(bytes)) return {"the answer is not a " + answer->GetTypeName()};
  return Differences(CanonicalJson(*expected), CanonicalJson(*answer));
}

}  // namespace needlework::conformance
