#include "host/common/request_limits.h"

#include <google/protobuf/descriptor.h>

#include <string>
#include <vector>

namespace needlework::host {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

// The error of a list over its limit; its path is prefixed on the way back up.
Status OverLimit(const FieldDescriptor& field, int size) {
  return InvalidArgumentError(field.name() + " has " + std::to_string(size) + " entries; at most " +
                              std::to_string(MaxListEntries(field.name())) +
                              " are accepted in one request");
}

// `child`'s error under `parent` ("conditions[3]" + "." + "codes has ...").
Status Under(const std::string& parent, const Status& child) {
  return InvalidArgumentError(parent + "." + child.message());
}

Status CheckMessage(const Message& message);

// Checks the set field `field` of `message`: its size, then each message it holds.
Status CheckField(const Message& message, const FieldDescriptor& field) {
  const auto* reflection = message.GetReflection();
  bool nested = field.cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE;
  if (!field.is_repeated()) {
    if (!nested) return OkStatus();
    Status status = CheckMessage(reflection->GetMessage(message, &field));
    return status.ok() ? status : Under(field.name(), status);
  }
  int size = reflection->FieldSize(message, &field);
  if (size > MaxListEntries(field.name())) return OverLimit(field, size);
  for (int i = 0; nested && i < size; ++i) {
    Status status = CheckMessage(reflection->GetRepeatedMessage(message, &field, i));
    if (!status.ok()) return Under(field.name() + "[" + std::to_string(i) + "]", status);
  }
  return OkStatus();
}

Status CheckMessage(const Message& message) {
  std::vector<const FieldDescriptor*> fields;
  message.GetReflection()->ListFields(message, &fields);  // only the fields that are set
  for (const FieldDescriptor* field : fields) {
    NW_RETURN_IF_ERROR(CheckField(message, *field));
  }
  return OkStatus();
}

}  // namespace

int MaxListEntries(std::string_view field) {
  for (const ListLimit& limit : kListLimits) {
    if (limit.field == field) return limit.max_entries;
  }
  return kDefaultMaxListEntries;
}

Status CheckListLimits(const Message& request) { return CheckMessage(request); }

}  // namespace needlework::host
