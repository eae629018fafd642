// Validation of a SlotQuery, so the search itself can rely on its preconditions.
#ifndef NEEDLEWORK_HOST_SLOTS_SLOT_QUERY_CHECK_H_
#define NEEDLEWORK_HOST_SLOTS_SLOT_QUERY_CHECK_H_

#include <string>

#include "host/slots/slot_finder.h"
#include "needlework/status.h"

namespace needlework::host::slots {

// The longest search window FindFreeSlots() accepts.
inline constexpr int kMaxWindowDays = 731;

// OK, or the INVALID_ARGUMENT FindFreeSlots() documents, for the first problem found.
Status CheckSlotQuery(const SlotQuery& query);

// "practitioner", "room" or `device of kind "microneedling-pen"`, for messages.
std::string DescribeRequirement(ResourceType type, const std::string& device_kind);

// True when `resource` can fill `requirement`: same type and, for devices, same kind.
bool Fills(const Resource& resource, const Requirement& requirement);

}  // namespace needlework::host::slots

#endif  // NEEDLEWORK_HOST_SLOTS_SLOT_QUERY_CHECK_H_
