#include "host/catalog/add_ons.h"

#include <algorithm>
#include <set>

namespace needlework::host {
namespace {

namespace types = needlework::types::v1;

std::string OfferedList(const ClinicPlugins& plugins) {
  std::string list;
  for (const auto& offered : plugins.therapies()) {
    if (offered.therapy.kind() != types::THERAPY_KIND_ADD_ON) continue;
    list += (list.empty() ? "" : ", ") + offered.therapy.code().code();
  }
  return list.empty() ? "none" : list;
}

bool SameRequirement(const types::ResourceRequirement& a, const types::ResourceRequirement& b) {
  return a.type() == b.type() && a.device_kind() == b.device_kind();
}

void AddRequirement(const types::ResourceRequirement& requirement, types::SessionShape& shape) {
  bool known = std::any_of(shape.requirements().begin(), shape.requirements().end(),
                           [&](const auto& r) { return SameRequirement(r, requirement); });
  if (!known) *shape.add_requirements() = requirement;
}

}  // namespace

std::string DisplayOf(const types::Coding& code) {
  return code.display().empty() ? code.code() : code.display();
}

StatusOr<Codings> CheckRequestedAddOns(const ClinicPlugins& plugins, const Codings& add_ons,
                                       const std::string& field) {
  Codings checked;
  std::set<std::string> seen;
  for (int i = 0; i < add_ons.size(); ++i) {
    const auto& add_on = add_ons.Get(i);
    const std::string at = field + "[" + std::to_string(i) + "]";
    if (add_on.system().empty() || add_on.code().empty()) {
      return InvalidArgumentError(at + " needs a system and a code (see CatalogService)");
    }
    if (!seen.insert(TherapyKey(add_on)).second) {
      return InvalidArgumentError(at + " names " + add_on.code() + " a second time");
    }
    const OfferedTherapy* offered = plugins.FindAddOn(add_on);
    if (offered == nullptr) {
      return FailedPreconditionError(
          "the add-on " + TherapyKey(add_on) +
          " is not offered by this clinic now (offered add-ons: " + OfferedList(plugins) + ")");
    }
    *checked.Add() = offered->therapy.code();
    if (checked.rbegin()->display().empty()) {
      checked.rbegin()->set_display(offered->therapy.display_name());
    }
  }
  return checked;
}

types::SessionShape ComposeSession(const types::SeriesPlan& plan, const Codings& add_ons,
                                   const ClinicPlugins& plugins) {
  types::SessionShape shape;
  shape.set_minutes(plan.session_minutes());
  for (const auto& requirement : plan.requirements()) AddRequirement(requirement, shape);
  for (const auto& add_on : add_ons) {
    const OfferedTherapy* offered = plugins.FindAddOn(add_on);
    if (offered == nullptr) {
      *shape.add_unavailable_add_ons() = add_on;
      continue;
    }
    *shape.add_add_ons() = add_on;
    shape.set_minutes(shape.minutes() + offered->therapy.minutes());
    for (const auto& requirement : offered->therapy.requirements()) {
      AddRequirement(requirement, shape);
    }
  }
  return shape;
}

}  // namespace needlework::host
