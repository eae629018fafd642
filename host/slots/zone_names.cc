#include "host/slots/zone_names.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace needlework::host::slots {
namespace {

// The zone list, or an empty set when the file cannot be read.
struct ZoneList {
  std::string path;
  std::unordered_set<std::string> names;
};

ZoneList ReadZoneList() {
  ZoneList list{TzdataZiPath(), {}};
  std::ifstream in(list.path);
  if (!in) return list;
  std::stringstream text;
  text << in.rdbuf();
  list.names = ParseZoneNames(text.str());
  return list;
}

const ZoneList& ZoneListOnce() {
  static const ZoneList* const list = new ZoneList(ReadZoneList());
  return *list;
}

}  // namespace

std::string TzdataZiPath() {
  const char* dir = std::getenv("TZDIR");
  return std::string(dir != nullptr && *dir != '\0' ? dir : "/usr/share/zoneinfo") + "/tzdata.zi";
}

std::unordered_set<std::string> ParseZoneNames(std::string_view tzdata_zi) {
  std::unordered_set<std::string> names;
  std::istringstream lines{std::string(tzdata_zi)};
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string kind, first, second;
    words >> kind >> first >> second;
    if (kind == "Z" && !first.empty()) names.insert(first);
    if (kind == "L" && !second.empty()) names.insert(second);
  }
  return names;
}

Status CheckZoneName(std::string_view name) {
  const ZoneList& list = ZoneListOnce();
  if (list.names.count(std::string(name)) > 0) return OkStatus();
  if (list.names.empty()) {
    if (name == "UTC") return OkStatus();
    return FailedPreconditionError("cannot read the tz database's zone list " + list.path +
                                   " (install the tzdata package) to check time zone \"" +
                                   std::string(name) + "\"");
  }
  return InvalidArgumentError("time zone \"" + std::string(name) +
                              "\" is not in the tz database (" + list.path +
                              "); use an IANA name such as Europe/London");
}

}  // namespace needlework::host::slots
