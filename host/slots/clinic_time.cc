#include "host/slots/clinic_time.h"

#include <cctype>
#include <utility>

#include "host/slots/zone_names.h"

namespace needlework::host::slots {
namespace {

// The longest IANA name today is 32 characters; anything far longer is not a zone.
constexpr size_t kMaxZoneNameLength = 64;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// True when `text` has the shape of `pattern`, where 'D' stands for one ASCII digit and every
// other character stands for itself.
bool MatchesShape(std::string_view text, std::string_view pattern) {
  if (text.size() != pattern.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (pattern[i] == 'D' ? !IsDigit(text[i]) : text[i] != pattern[i]) return false;
  }
  return true;
}

// True for "+hh:mm", "-hh:mm", "Z" or "z".
bool IsRfc3339Offset(std::string_view text) {
  if (text == "Z" || text == "z") return true;
  return text.size() == 6 && (text[0] == '+' || text[0] == '-') &&
         MatchesShape(text.substr(1), "DD:DD");
}

// True for "YYYY-MM-DDTHH:MM:SS[.fraction]<offset>", with 'T' in either case. Abseil's own
// parser is laxer (spaces, one-digit fields, "infinite-future"), so the shape comes first.
bool HasRfc3339Shape(std::string_view text) {
  if (text.size() < 20) return false;
  std::string head(text.substr(0, 19));
  if (head[10] == 't') head[10] = 'T';
  if (!MatchesShape(head, "DDDD-DD-DDTDD:DD:DD")) return false;
  std::string_view rest = text.substr(19);
  if (rest.front() == '.') {
    size_t digits = 1;
    while (digits < rest.size() && IsDigit(rest[digits])) ++digits;
    if (digits == 1) return false;
    rest.remove_prefix(digits);
  }
  return IsRfc3339Offset(rest);
}

// Path components of letters, digits, '_', '+' and '-' (which also rules out "." and "..").
bool HasIanaNameShape(std::string_view name) {
  if (name.empty() || name.size() > kMaxZoneNameLength) return false;
  if (name.front() == '/' || name.back() == '/') return false;
  if (name.find("//") != std::string_view::npos) return false;
  for (char c : name) {
    bool ok =
        std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '+' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// Names the tzdata directory holds that are not clinic zones.
bool IsExcludedZoneName(std::string_view name) {
  return name == "localtime" || name == "posixrules" || name.substr(0, 6) == "right/";
}

}  // namespace

StatusOr<ClinicZone> ClinicZone::Load(std::string_view iana_name) {
  if (!HasIanaNameShape(iana_name) || IsExcludedZoneName(iana_name)) {
    return InvalidArgumentError("time zone \"" + std::string(iana_name) +
                                "\" is not a known IANA zone (e.g. Europe/London)");
  }
  // Checked against the tz database's list first, so Abseil never caches an unknown name.
  NW_RETURN_IF_ERROR(CheckZoneName(iana_name));
  absl::TimeZone zone;
  if (!absl::LoadTimeZone(std::string(iana_name), &zone)) {
    return InvalidArgumentError("time zone \"" + std::string(iana_name) +
                                "\" is in the tz database's list but its zone file cannot be "
                                "loaded (is tzdata complete?)");
  }
  return ClinicZone(std::string(iana_name), zone);
}

StatusOr<int64_t> ParseRfc3339(std::string_view text) {
  absl::Time time;
  std::string error;
  if (!HasRfc3339Shape(text) ||
      !absl::ParseTime(absl::RFC3339_full, std::string(text), &time, &error)) {
    return InvalidArgumentError("\"" + std::string(text) +
                                "\" is not an RFC 3339 date-time with an offset "
                                "(e.g. 2026-03-29T10:00:00+01:00 or 2026-03-29T09:00:00Z)");
  }
  return absl::ToUnixSeconds(time);  // rounds down, dropping any fraction
}

std::string FormatLocal(int64_t unix_seconds, const ClinicZone& zone) {
  return absl::FormatTime(absl::RFC3339_sec, absl::FromUnixSeconds(unix_seconds), zone.absl_zone());
}

StatusOr<CivilDate> ParseDate(std::string_view text) {
  CivilDate date;
  if (!MatchesShape(text, "DDDD-DD-DD") || !absl::ParseCivilTime(std::string(text), &date)) {
    return InvalidArgumentError("\"" + std::string(text) +
                                "\" is not a date of the form YYYY-MM-DD (e.g. 2026-03-29)");
  }
  return date;
}

CivilDate LocalDate(int64_t unix_seconds, const ClinicZone& zone) {
  return absl::ToCivilDay(absl::FromUnixSeconds(unix_seconds), zone.absl_zone());
}

StatusOr<Interval> LocalDayRangeToUtc(const LocalDayRange& range, const ClinicZone& zone) {
  if (range.to < range.from) {
    return InvalidArgumentError("date range ends (" + absl::FormatCivilTime(range.to) +
                                ") before it starts (" + absl::FormatCivilTime(range.from) + ")");
  }
  return Interval{WallBoundaryToUtc(absl::CivilSecond(range.from), zone),
                  WallBoundaryToUtc(absl::CivilSecond(range.to + 1), zone)};
}

std::optional<int64_t> WallTimeToUtc(absl::CivilSecond wall, const ClinicZone& zone) {
  absl::TimeZone::TimeInfo info = zone.absl_zone().At(wall);
  if (info.kind == absl::TimeZone::TimeInfo::SKIPPED) return std::nullopt;
  return absl::ToUnixSeconds(info.pre);
}

int64_t WallBoundaryToUtc(absl::CivilSecond wall, const ClinicZone& zone) {
  // FromCivil: unique -> that instant, repeated -> pre-transition offset (the earlier
  // instant), skipped -> the transition instant.
  return absl::ToUnixSeconds(absl::FromCivil(wall, zone.absl_zone()));
}

}  // namespace needlework::host::slots
