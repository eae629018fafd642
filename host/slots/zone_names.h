// The list of time-zone names the system's tz database defines, so a name from a request is
// checked before Abseil sees it (Abseil caches every name it is asked to load, for the life
// of the process, known or not).
#ifndef NEEDLEWORK_HOST_SLOTS_ZONE_NAMES_H_
#define NEEDLEWORK_HOST_SLOTS_ZONE_NAMES_H_

#include <string>
#include <string_view>
#include <unordered_set>

#include "needlework/status.h"

namespace needlework::host::slots {

// The tz database's zone list: <dir>/tzdata.zi, where <dir> is $TZDIR or
// /usr/share/zoneinfo (where Abseil reads the zones). Debian's tzdata package ships it.
std::string TzdataZiPath();

// The names `tzdata_zi` (the text of a tzdata.zi file) defines: every zone ("Z NAME ...")
// and every link ("L TARGET NAME"), e.g. "Europe/London", "UTC", "US/Eastern".
std::unordered_set<std::string> ParseZoneNames(std::string_view tzdata_zi);

// OK when `name` is in the zone list of TzdataZiPath(), read once on first use and kept for
// the life of the process. INVALID_ARGUMENT, naming the zone, when it is not;
// FAILED_PRECONDITION, naming the file, when the list cannot be read or holds no zone
// ("UTC" is accepted even then: Abseil needs no file for it). Thread-safe.
Status CheckZoneName(std::string_view name);

}  // namespace needlework::host::slots

#endif  // NEEDLEWORK_HOST_SLOTS_ZONE_NAMES_H_
