#include "host/aftercare/patient_time.h"

#include <unicode/dtptngen.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <memory>

namespace needlework::host {
namespace {

// The zone's ISO 3166 country, e.g. "GB" for Europe/London; empty for none (UTC, Etc/...).
std::string ZoneRegion(const slots::ClinicZone& zone) {
  UErrorCode error = U_ZERO_ERROR;
  char region[8] = {};
  int32_t size = icu::TimeZone::getRegion(icu::UnicodeString::fromUTF8(zone.name()), region,
                                          sizeof(region), error);
  if (U_FAILURE(error) || size != 2) return "";  // "001" is the world, not a country
  return std::string(region, size);
}

// `unix_seconds` as a wall-clock time in `zone`, formatted with the locale's best pattern
// for `skeleton` (ICU skeleton letters, e.g. "EEEEdMMMM"). The wall time is handed to ICU as
// if it were UTC, so ICU's own zone data never decides an offset.
std::string FormatWall(int64_t unix_seconds, const slots::ClinicZone& zone,
                       std::string_view language, const char* skeleton) {
  absl::CivilSecond wall =
      absl::ToCivilSecond(absl::FromUnixSeconds(unix_seconds), zone.absl_zone());
  UDate as_utc =
      static_cast<UDate>(absl::ToUnixSeconds(absl::FromCivil(wall, absl::UTCTimeZone()))) * 1000.0;
  icu::Locale locale(PatientLocale(language, zone).c_str());
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<icu::DateTimePatternGenerator> patterns(
      icu::DateTimePatternGenerator::createInstance(locale, error));
  if (U_FAILURE(error)) return slots::FormatLocal(unix_seconds, zone);
  icu::SimpleDateFormat format(patterns->getBestPattern(icu::UnicodeString(skeleton), error),
                               locale, error);
  if (U_FAILURE(error)) return slots::FormatLocal(unix_seconds, zone);
  format.setTimeZone(*icu::TimeZone::getGMT());
  icu::UnicodeString text;
  format.format(as_utc, text);
  std::string out;
  return text.toUTF8String(out);
}

}  // namespace

std::string PatientLocale(std::string_view language, const slots::ClinicZone& zone) {
  UErrorCode error = U_ZERO_ERROR;
  icu::Locale asked = icu::Locale::forLanguageTag(language.empty() ? "en" : language, error);
  if (U_FAILURE(error) || asked.isBogus()) asked = icu::Locale::getEnglish();
  std::string region = asked.getCountry()[0] != '\0' ? "" : ZoneRegion(zone);
  if (region.empty()) return asked.getName();
  std::string script = asked.getScript();
  return std::string(asked.getLanguage()) + (script.empty() ? "" : "_" + script) + "_" + region;
}

std::string PatientDate(int64_t unix_seconds, const slots::ClinicZone& zone,
                        std::string_view language) {
  return FormatWall(unix_seconds, zone, language, "EEEEdMMMM");
}

std::string PatientDateTime(int64_t unix_seconds, const slots::ClinicZone& zone,
                            std::string_view language) {
  return FormatWall(unix_seconds, zone, language, "EEEEdMMMMjjmm");
}

}  // namespace needlework::host
