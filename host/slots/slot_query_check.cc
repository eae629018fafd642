#include "host/slots/slot_query_check.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_set>
#include <utility>

namespace needlework::host::slots {
namespace {

constexpr int64_t kMaxUnixSeconds = 253402300799;  // 9999-12-31T23:59:59Z
constexpr int64_t kSecondsPerDay = 24 * 60 * 60;

std::string Quote(std::string_view text) { return "\"" + std::string(text) + "\""; }

Status CheckPositive(std::string_view field, int value) {
  if (value > 0) return OkStatus();
  return InvalidArgumentError(std::string(field) + " must be positive (got " +
                              std::to_string(value) + ")");
}

Status CheckWindow(const Interval& window, const ClinicZone& zone) {
  if (window.end < window.start) {
    return InvalidArgumentError("window ends (" + FormatLocal(window.end, zone) +
                                ") before it starts (" + FormatLocal(window.start, zone) + ")");
  }
  if (window.start < 0 || window.end > kMaxUnixSeconds) {
    return InvalidArgumentError("window must lie between the years 1970 and 9999");
  }
  if (window.end - window.start > kMaxWindowDays * kSecondsPerDay) {
    return InvalidArgumentError("window is longer than " + std::to_string(kMaxWindowDays) +
                                " days");
  }
  return OkStatus();
}

Status CheckRequirementKinds(const std::vector<Requirement>& requirements) {
  for (size_t i = 0; i < requirements.size(); ++i) {
    const Requirement& requirement = requirements[i];
    bool is_device = requirement.type == ResourceType::kDevice;
    if (is_device == requirement.device_kind.empty()) {
      return InvalidArgumentError("requirements[" + std::to_string(i) + "]: " +
                                  (is_device ? "a device requirement needs a device_kind"
                                             : "device_kind is only for device requirements"));
    }
  }
  return OkStatus();
}

Status CheckResources(const std::vector<Resource>& resources) {
  std::unordered_set<std::string_view> seen;
  for (size_t i = 0; i < resources.size(); ++i) {
    const Resource& resource = resources[i];
    if (resource.id.empty()) {
      return InvalidArgumentError("resources[" + std::to_string(i) + "] has no id");
    }
    if (!seen.insert(resource.id).second) {
      return InvalidArgumentError("resource id " + Quote(resource.id) + " appears twice");
    }
    for (size_t j = 0; j < resource.busy.size(); ++j) {
      if (resource.busy[j].end < resource.busy[j].start) {
        return InvalidArgumentError("resource " + Quote(resource.id) + ": busy[" +
                                    std::to_string(j) + "] ends before it starts");
      }
    }
  }
  return OkStatus();
}

// "2 rooms", "1 practitioner", `2 devices of kind "pen"`.
std::string CountOf(size_t count, const Requirement& requirement) {
  std::string number = std::to_string(count) + " ";
  std::string plural = count == 1 ? "" : "s";
  switch (requirement.type) {
    case ResourceType::kPractitioner:
      return number + "practitioner" + plural;
    case ResourceType::kRoom:
      return number + "room" + plural;
    case ResourceType::kDevice:
      return number + "device" + plural + " of kind " + Quote(requirement.device_kind);
  }
  return number + "resource" + plural;
}

// OK when the clinic has, for each kind of need, at least as many resources as requirements.
Status CheckFillable(const SlotQuery& query) {
  std::set<std::pair<ResourceType, std::string>> checked;
  for (const Requirement& requirement : query.requirements) {
    if (!checked.insert({requirement.type, requirement.device_kind}).second) continue;
    size_t needed = std::count_if(
        query.requirements.begin(), query.requirements.end(), [&](const Requirement& other) {
          return other.type == requirement.type && other.device_kind == requirement.device_kind;
        });
    size_t available = std::count_if(query.resources.begin(), query.resources.end(),
                                     [&](const Resource& r) { return Fills(r, requirement); });
    if (available == 0) {
      return InvalidArgumentError("no " +
                                  DescribeRequirement(requirement.type, requirement.device_kind) +
                                  " in this clinic");
    }
    if (available < needed) {
      return InvalidArgumentError("a session needs " + CountOf(needed, requirement) +
                                  " but this clinic has " + std::to_string(available));
    }
  }
  return OkStatus();
}

Status CheckOnlyResource(const SlotQuery& query) {
  if (query.only_resource_id.empty()) return OkStatus();
  auto resource = std::find_if(query.resources.begin(), query.resources.end(),
                               [&](const Resource& r) { return r.id == query.only_resource_id; });
  if (resource == query.resources.end()) {
    return InvalidArgumentError("only_resource_id " + Quote(query.only_resource_id) +
                                " is not a resource of this clinic");
  }
  if (std::none_of(query.requirements.begin(), query.requirements.end(),
                   [&](const Requirement& r) { return Fills(*resource, r); })) {
    return InvalidArgumentError("only_resource_id " + Quote(query.only_resource_id) +
                                " fills none of the requirements");
  }
  return OkStatus();
}

}  // namespace

std::string DescribeRequirement(ResourceType type, const std::string& device_kind) {
  switch (type) {
    case ResourceType::kPractitioner:
      return "practitioner";
    case ResourceType::kRoom:
      return "room";
    case ResourceType::kDevice:
      return "device of kind " + Quote(device_kind);
  }
  return "resource";
}

bool Fills(const Resource& resource, const Requirement& requirement) {
  return resource.type == requirement.type && (requirement.type != ResourceType::kDevice ||
                                               resource.device_kind == requirement.device_kind);
}

Status CheckSlotQuery(const SlotQuery& query) {
  if (query.zone == nullptr) return InvalidArgumentError("zone is required");
  NW_RETURN_IF_ERROR(CheckPositive("duration_minutes", query.duration_minutes));
  NW_RETURN_IF_ERROR(CheckPositive("step_minutes", query.step_minutes));
  NW_RETURN_IF_ERROR(CheckPositive("max_results", query.max_results));
  NW_RETURN_IF_ERROR(CheckWindow(query.window, *query.zone));
  NW_RETURN_IF_ERROR(CheckOpeningHours(query.hours));
  NW_RETURN_IF_ERROR(CheckRequirementKinds(query.requirements));
  NW_RETURN_IF_ERROR(CheckResources(query.resources));
  NW_RETURN_IF_ERROR(CheckFillable(query));
  return CheckOnlyResource(query);
}

}  // namespace needlework::host::slots
