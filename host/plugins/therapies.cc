#include "host/plugins/therapies.h"

#include <algorithm>
#include <set>

#include "needlework/plugin/v1/catalog.pb.h"

namespace needlework::host {
namespace {

namespace types = needlework::types::v1;

constexpr int kMaxTherapyMinutes = 600;

// Empty when `therapy` is well-formed, else what is wrong with it.
std::string TherapyProblem(const types::Therapy& therapy) {
  if (therapy.code().system().empty() || therapy.code().code().empty()) {
    return "a therapy has no code (system and code are required)";
  }
  const std::string key = TherapyKey(therapy.code());
  if (therapy.kind() != types::THERAPY_KIND_BASE && therapy.kind() != types::THERAPY_KIND_ADD_ON) {
    return "therapy " + key + " has no kind (BASE or ADD_ON)";
  }
  if (therapy.display_name().empty()) return "therapy " + key + " has no display_name";
  if (therapy.minutes() < 0 || therapy.minutes() > kMaxTherapyMinutes) {
    return "therapy " + key + " has minutes " + std::to_string(therapy.minutes()) +
           " (must be 0 to " + std::to_string(kMaxTherapyMinutes) + ")";
  }
  for (const auto& requirement : therapy.requirements()) {
    if (requirement.type() == types::RESOURCE_TYPE_UNSPECIFIED ||
        !types::ResourceType_IsValid(requirement.type())) {
      return "therapy " + key + " has a requirement without a resource type";
    }
    if (requirement.type() == types::RESOURCE_TYPE_DEVICE && requirement.device_kind().empty()) {
      return "therapy " + key + " needs a device without saying its kind";
    }
  }
  return "";
}

}  // namespace

std::string TherapyKey(const types::Coding& code) { return code.system() + "|" + code.code(); }

StatusOr<std::vector<types::Therapy>> CheckCatalog(const std::string& plugin_id,
                                                   const std::string& serialized_response) {
  needlework::plugin::v1::CatalogResponse response;
  if (!response.ParseFromString(serialized_response)) {
    return InternalError(plugin_id + " answered a malformed CatalogResponse");
  }
  std::set<std::string> seen;
  for (const auto& therapy : response.therapies()) {
    std::string problem = TherapyProblem(therapy);
    if (problem.empty() && !seen.insert(TherapyKey(therapy.code())).second) {
      problem = "therapy " + TherapyKey(therapy.code()) + " is listed twice";
    }
    if (!problem.empty()) return InternalError(plugin_id + " has a malformed catalog: " + problem);
  }
  return std::vector<types::Therapy>(response.therapies().begin(), response.therapies().end());
}

bool OffersOnlyAddOns(const std::vector<types::Therapy>& therapies) {
  auto is = [&](types::TherapyKind kind) {
    return std::any_of(therapies.begin(), therapies.end(),
                       [&](const types::Therapy& t) { return t.kind() == kind; });
  };
  return is(types::THERAPY_KIND_ADD_ON) && !is(types::THERAPY_KIND_BASE);
}

bool OffersAnyOf(const std::vector<types::Therapy>& therapies, const Codings& add_ons) {
  for (const auto& add_on : add_ons) {
    for (const auto& therapy : therapies) {
      if (therapy.kind() == types::THERAPY_KIND_ADD_ON &&
          TherapyKey(therapy.code()) == TherapyKey(add_on)) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace needlework::host
