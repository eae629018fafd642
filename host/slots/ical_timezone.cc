#include "host/slots/ical_timezone.h"

#include <cstdio>
#include <cstdlib>

#include "host/slots/ical_text.h"

namespace needlework::host::slots {
namespace {

// One observance: the offset in effect from `onset` until the next one.
struct Observance {
  absl::Time onset;
  int offset_from = 0;  // seconds east of UTC before the onset
  int offset_to = 0;    // and from the onset on
  bool is_dst = false;
  std::string name;  // the zone abbreviation, e.g. "BST"
};

Observance ObservanceAt(absl::Time onset, const absl::TimeZone& zone) {
  absl::TimeZone::CivilInfo after = zone.At(onset);
  absl::TimeZone::CivilInfo before = zone.At(onset - absl::Seconds(1));
  return {onset, before.offset, after.offset, after.is_dst, after.zone_abbr};
}

// The instant of a transition found by Next/PrevTransition().
absl::Time TransitionInstant(const absl::TimeZone::CivilTransition& transition,
                             const absl::TimeZone& zone) {
  return zone.At(transition.to).trans;
}

// The observance in effect at `start` and every one beginning in (start, end].
std::vector<Observance> ObservancesCovering(const absl::TimeZone& zone, absl::Time start,
                                            absl::Time end) {
  std::vector<Observance> observances;
  absl::TimeZone::CivilTransition transition;
  // Both functions look strictly before or after their argument.
  if (zone.PrevTransition(start + absl::Seconds(1), &transition)) {
    observances.push_back(ObservanceAt(TransitionInstant(transition, zone), zone));
  } else {  // no change ever recorded: one observance from 1970-01-01 local
    absl::TimeZone::CivilInfo info = zone.At(start);
    observances.push_back({absl::UnixEpoch() - absl::Seconds(info.offset), info.offset, info.offset,
                           info.is_dst, info.zone_abbr});
  }
  for (absl::Time after = start; zone.NextTransition(after, &transition);) {
    absl::Time onset = TransitionInstant(transition, zone);
    if (onset > end || onset <= after) break;
    observances.push_back(ObservanceAt(onset, zone));
    after = onset;
  }
  return observances;
}

void AppendObservanceLines(const Observance& observance, std::vector<std::string>& lines) {
  const char* kind = observance.is_dst ? "DAYLIGHT" : "STANDARD";
  absl::CivilSecond local_onset = absl::ToCivilSecond(
      observance.onset + absl::Seconds(observance.offset_from), absl::UTCTimeZone());
  lines.push_back(std::string("BEGIN:") + kind);
  lines.push_back("DTSTART:" + FormatICalCivil(local_onset));
  lines.push_back("TZOFFSETFROM:" + FormatICalOffset(observance.offset_from));
  lines.push_back("TZOFFSETTO:" + FormatICalOffset(observance.offset_to));
  if (!observance.name.empty()) lines.push_back("TZNAME:" + EscapeText(observance.name));
  lines.push_back(std::string("END:") + kind);
}

}  // namespace

std::vector<std::string> VTimezoneLines(const ClinicZone& zone, const Interval& span) {
  std::vector<std::string> lines = {"BEGIN:VTIMEZONE", "TZID:" + zone.name()};
  for (const Observance& observance : ObservancesCovering(
           zone.absl_zone(), absl::FromUnixSeconds(span.start), absl::FromUnixSeconds(span.end))) {
    AppendObservanceLines(observance, lines);
  }
  lines.push_back("END:VTIMEZONE");
  return lines;
}

std::string FormatICalCivil(absl::CivilSecond civil) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%04lld%02d%02dT%02d%02d%02d",
                static_cast<long long>(civil.year()), civil.month(), civil.day(), civil.hour(),
                civil.minute(), civil.second());
  return buffer;
}

std::string FormatICalOffset(int offset_seconds) {
  int magnitude = std::abs(offset_seconds);
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "%c%02d%02d", offset_seconds < 0 ? '-' : '+',
                magnitude / 3600, magnitude / 60 % 60);
  std::string text = buffer;
  if (magnitude % 60 != 0) {
    std::snprintf(buffer, sizeof(buffer), "%02d", magnitude % 60);
    text += buffer;
  }
  return text;
}

}  // namespace needlework::host::slots
