// libFuzzer target: the time text requests carry (host/slots/clinic_time.h): RFC 3339
// date-times (Book's start, ListMessages' up_to, token expiries, ...), dates and IANA zone
// names, parsed as the host parses them. It checks the contract FormatLocal() states: a parsed
// instant formatted in a clinic's zone parses back to the same instant, for the instants it
// covers (1970 to 9999; before that zones had offsets with seconds, which RFC 3339 cannot
// write, and outside years 0000-9999 the text has no four-digit year).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "host/common/time_util.h"
#include "host/slots/clinic_time.h"

namespace {

namespace slots = needlework::host::slots;

// Zones with and without daylight saving, and offsets either side of UTC.
const slots::ClinicZone& Zone(uint8_t pick) {
  static const auto* const kZones = [] {
    auto* zones = new std::vector<slots::ClinicZone>();
    for (const char* name : {"UTC", "Europe/London", "America/St_Johns", "Asia/Kathmandu"}) {
      zones->push_back(*slots::ClinicZone::Load(name));
    }
    return zones;
  }();
  return (*kZones)[pick % kZones->size()];
}

constexpr int64_t kLastRoundTrip = 253402214399;  // 9999-12-30T23:59:59Z

void CheckRoundTrip(int64_t seconds, const slots::ClinicZone& zone) {
  if (seconds < 0 || seconds > kLastRoundTrip) return;
  std::string text = slots::FormatLocal(seconds, zone);
  auto again = slots::ParseRfc3339(text);
  if (again.ok() && *again == seconds) return;
  std::fprintf(stderr, "%lld formatted in %s as \"%s\" parses back as %s\n",
               static_cast<long long>(seconds), zone.name().c_str(), text.c_str(),
               again.ok() ? std::to_string(*again).c_str() : again.status().ToString().c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto seconds = slots::ParseRfc3339(text);
  if (seconds.ok()) {
    CheckRoundTrip(*seconds, Zone(size > 0 ? data[size - 1] : 0));
    (void)needlework::host::FormatRfc3339Utc(*seconds);
  }
  auto date = slots::ParseDate(text);
  if (date.ok()) {
    (void)slots::LocalDayRangeToUtc({*date, *date}, Zone(size > 0 ? data[0] : 0));
  }
  auto zone = slots::ClinicZone::Load(text);
  if (zone.ok()) (void)slots::FormatLocal(0, *zone);
  return 0;
}
