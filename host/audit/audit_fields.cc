#include "host/audit/audit_fields.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/util/json_util.h>

#include <array>
#include <set>
#include <string_view>

#include "needlework/status.h"

namespace needlework::host {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

constexpr std::array<std::string_view, 8> kRefFields = {
    "patient_ref", "plan_id",  "appointment_id", "plugin_id",
    "resource_id", "token_id", "message_ids",    "screening_id"};
constexpr int kMaxListedIds = 10;

bool IsRefField(std::string_view name) {
  for (auto ref : kRefFields) {
    if (ref == name) return true;
  }
  return false;
}

std::string JoinedValue(const Message& message, const FieldDescriptor* field) {
  const auto* reflection = message.GetReflection();
  if (!field->is_repeated()) return reflection->GetString(message, field);
  std::string joined;
  int size = reflection->FieldSize(message, field);
  for (int i = 0; i < size && i < kMaxListedIds; ++i) {
    if (!joined.empty()) joined += ',';
    joined += reflection->GetRepeatedString(message, field, i);
  }
  if (size > kMaxListedIds) joined += ",+" + std::to_string(size - kMaxListedIds);
  return joined;
}

void Collect(const Message& message, int depth, std::set<std::string>& seen, std::string& out) {
  const auto* descriptor = message.GetDescriptor();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const FieldDescriptor* field = descriptor->field(i);
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && !field->is_repeated() &&
        depth < 1 && message.GetReflection()->HasField(message, field)) {
      Collect(message.GetReflection()->GetMessage(message, field), depth + 1, seen, out);
      continue;
    }
    if (field->cpp_type() != FieldDescriptor::CPPTYPE_STRING || !IsRefField(field->name())) {
      continue;
    }
    std::string value = JoinedValue(message, field);
    if (value.empty() || !seen.insert(field->name()).second) continue;
    if (!out.empty()) out += ' ';
    out += field->name() + "=" + value;
  }
}

}  // namespace

std::string ObjectRefOf(const Message& request, const Message* response) {
  std::set<std::string> seen;
  std::string out;
  Collect(request, 0, seen, out);
  if (response != nullptr) Collect(*response, 0, seen, out);
  return out;
}

std::string CodeName(int code) {
  return std::string(StatusCodeName(static_cast<StatusCode>(code)));
}

std::string ToJson(const Message& message) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  if (!google::protobuf::util::MessageToJsonString(message, &json, options).ok()) return "null";
  return json;
}

}  // namespace needlework::host
