#include "hook_messages.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/util/json_util.h>

#include <cctype>

#include "host/fhir/normalize.h"
#include "host/fhir/rxnorm_map.h"
#include "host/plugins/hook_deadlines.h"

namespace needlework::harness {
namespace {

namespace pb = google::protobuf;
namespace pv1 = needlework::plugin::v1;

// "check_booking" -> "CheckBooking".
std::string PascalCase(const std::string& name) {
  std::string out;
  bool upper = true;
  for (char c : name) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

const pb::Message* Prototype(const std::string& full_name) {
  const pb::Descriptor* descriptor =
      pb::DescriptorPool::generated_pool()->FindMessageTypeByName(full_name);
  if (descriptor == nullptr) return nullptr;
  return pb::MessageFactory::generated_factory()->GetPrototype(descriptor);
}

std::string HookList() {
  std::string list;
  for (int i = pv1::Hook_MIN + 1; i <= pv1::Hook_MAX; ++i) {
    if (!pv1::Hook_IsValid(i)) continue;
    list += (list.empty() ? "" : ", ") + host::HookName(i);
  }
  return list;
}

Status SetPatient(const std::string& fhir_json, pb::Message* request) {
  const pb::FieldDescriptor* field = request->GetDescriptor()->FindFieldByName("patient");
  if (field == nullptr || field->message_type() == nullptr) {
    return InvalidArgumentError("--fhir is for hooks whose request has a patient (screen, plan); " +
                                request->GetTypeName() + " has none");
  }
  auto facts = fhir::NormalizeFhir({fhir_json}, {}, nullptr);
  if (!facts.ok()) return InvalidArgumentError("the FHIR input: " + facts.status().message());
  NW_ASSIGN_OR_RETURN(auto rxnorm, fhir::RxNormIngredientMap::BuiltIn());
  rxnorm.FillIngredients(&*facts);
  request->GetReflection()->MutableMessage(request, field)->CopyFrom(*facts);
  return OkStatus();
}

}  // namespace

StatusOr<HookMessages> FindHookMessages(const std::string& name) {
  for (int i = pv1::Hook_MIN + 1; i <= pv1::Hook_MAX; ++i) {
    if (!pv1::Hook_IsValid(i) || host::HookName(i) != name) continue;
    const std::string prefix = "needlework.plugin.v1." + PascalCase(name);
    HookMessages hook{static_cast<pv1::Hook>(i), Prototype(prefix + "Request"),
                      Prototype(prefix + "Response")};
    if (hook.request == nullptr || hook.response == nullptr) {
      return InternalError("this SDK has no messages " + prefix + "Request/Response");
    }
    return hook;
  }
  return InvalidArgumentError("unknown hook \"" + name + "\"; the hooks are " + HookList());
}

StatusOr<std::unique_ptr<pb::Message>> BuildRequest(const HookMessages& hook,
                                                    const std::string& request_json,
                                                    const std::string& fhir_json) {
  std::unique_ptr<pb::Message> request(hook.request->New());
  if (!request_json.empty()) {
    auto parsed = pb::util::JsonStringToMessage(request_json, request.get());
    if (!parsed.ok()) {
      return InvalidArgumentError("the request is not a " + request->GetTypeName() +
                                  " in proto3 JSON: " + parsed.ToString());
    }
  }
  if (!fhir_json.empty()) NW_RETURN_IF_ERROR(SetPatient(fhir_json, request.get()));
  return request;
}

StatusOr<std::string> AnswerAsJson(const HookMessages& hook, const std::string& bytes) {
  std::unique_ptr<pb::Message> answer(hook.response->New());
  if (!answer->ParseFromString(bytes)) {
    return InternalError("the plugin answered OK with bytes that are no " + answer->GetTypeName());
  }
  pb::util::JsonPrintOptions options;
  options.add_whitespace = true;
  std::string json;
  (void)pb::util::MessageToJsonString(*answer, &json, options);
  return json;
}

}  // namespace needlework::harness
