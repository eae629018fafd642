#include "host/cdshooks/treatment_asked.h"

#include <absl/time/time.h>

#include <set>
#include <vector>

#include "host/cdshooks/json_read.h"
#include "needlework/code_systems.h"

namespace needlework::host {
namespace {

using Json = nlohmann::json;
namespace cs = needlework::code_systems;

constexpr char kMicroneedling[] = "microneedling";

// The codings of a CodeableConcept (or a list of them) in `system`.
void AddCodings(const Json& concepts, std::string_view system, Codings* out) {
  if (concepts.is_array()) {
    for (const auto& concept_json : concepts) AddCodings(concept_json, system, out);
    return;
  }
  const Json& codings = ValueAt(concepts, "coding");
  if (!codings.is_array()) return;
  for (const auto& coding : codings) {
    if (!coding.is_object() || StringAt(coding, "system") != system) continue;
    std::string code = StringAt(coding, "code");
    if (code.empty()) continue;
    auto* added = out->Add();
    added->set_system(std::string(system));
    added->set_code(code);
    added->set_display(StringAt(coding, "display"));
  }
}

// The resources of type `type` in the Bundle at context.<field>; INVALID_ARGUMENT when it is
// not a Bundle.
StatusOr<std::vector<Json>> BundleResources(const HookRequest& request, const char* field,
                                            const std::string& type) {
  auto bundle = request.context.find(field);
  if (bundle == request.context.end() || !bundle->is_object() ||
      StringAt(*bundle, "resourceType") != "Bundle") {
    return InvalidArgumentError(std::string("context.") + field + " must be a FHIR Bundle");
  }
  std::vector<Json> out;
  auto entries = bundle->find("entry");
  if (entries == bundle->end() || !entries->is_array()) return out;
  for (const auto& entry : *entries) {
    if (!entry.is_object() || !entry.contains("resource")) continue;
    const Json& resource = entry["resource"];
    if (resource.is_object() && StringAt(resource, "resourceType") == type) {
      out.push_back(resource);
    }
  }
  return out;
}

// The procedure codings of `concepts`, split into microneedling (true when present) and the
// others (add-ons).
bool SplitProcedures(const Json& concepts, Codings* add_ons) {
  Codings all;
  AddCodings(concepts, cs::kProcedure, &all);
  bool treatment = false;
  for (const auto& code : all) {
    if (code.code() == kMicroneedling) {
      treatment = true;
    } else {
      *add_ons->Add() = code;
    }
  }
  return treatment;
}

StatusOr<std::set<std::string>> Selections(const HookRequest& request) {
  std::set<std::string> out;
  auto selections = request.context.find("selections");
  if (selections == request.context.end()) return out;
  if (!selections->is_array()) {
    return InvalidArgumentError("context.selections must be a list of references");
  }
  for (const auto& item : *selections) {
    if (!item.is_string()) {
      return InvalidArgumentError("context.selections must be a list of references");
    }
    out.insert(item.get<std::string>());
  }
  return out;
}

std::string RefOf(const Json& resource) {
  return StringAt(resource, "resourceType") + "/" + StringAt(resource, "id");
}

StatusOr<std::optional<int64_t>> Instant(const Json& resource, const char* field) {
  auto it = resource.find(field);
  if (it == resource.end()) return std::optional<int64_t>();
  absl::Time time;
  std::string error;
  if (!it->is_string() ||
      !absl::ParseTime(absl::RFC3339_full, it->get<std::string>(), &time, &error)) {
    return InvalidArgumentError(RefOf(resource) + "." + field + " is not an RFC 3339 instant");
  }
  return std::optional<int64_t>(absl::ToUnixSeconds(time));
}

}  // namespace

StatusOr<std::optional<TreatmentAsked>> TreatmentOfOrders(const HookRequest& request,
                                                          bool selections_only) {
  NW_ASSIGN_OR_RETURN(auto orders, BundleResources(request, "draftOrders", "ServiceRequest"));
  NW_ASSIGN_OR_RETURN(auto selected, Selections(request));
  TreatmentAsked asked;
  bool found = false;
  bool touched = !selections_only;
  for (const auto& order : orders) {
    Codings add_ons;
    bool treatment = SplitProcedures(ValueAt(order, "code"), &add_ons);
    if (!treatment && add_ons.empty()) continue;  // not a procedure we know
    touched |= selected.contains(RefOf(order));
    if (treatment && !found) {
      found = true;
      asked.source = RefOf(order);
      AddCodings(ValueAt(order, "reasonCode"), cs::kConcern, &asked.concerns);
      AddCodings(ValueAt(order, "bodySite"), cs::kTreatmentArea, &asked.areas);
    }
    for (auto& code : add_ons) *asked.add_ons.Add() = std::move(code);
  }
  if (!found || !touched) return std::optional<TreatmentAsked>();
  return std::optional<TreatmentAsked>(std::move(asked));
}

StatusOr<std::optional<TreatmentAsked>> TreatmentOfAppointments(const HookRequest& request) {
  NW_ASSIGN_OR_RETURN(auto appointments, BundleResources(request, "appointments", "Appointment"));
  for (const auto& appointment : appointments) {
    TreatmentAsked asked;
    if (!SplitProcedures(ValueAt(appointment, "serviceType"), &asked.add_ons)) continue;
    asked.source = RefOf(appointment);
    AddCodings(ValueAt(appointment, "reasonCode"), cs::kConcern, &asked.concerns);
    NW_ASSIGN_OR_RETURN(asked.start, Instant(appointment, "start"));
    NW_ASSIGN_OR_RETURN(asked.end, Instant(appointment, "end"));
    return std::optional<TreatmentAsked>(std::move(asked));
  }
  return std::optional<TreatmentAsked>();
}

}  // namespace needlework::host
