// Dates and times as a patient reads them: "Monday, 11 January at 10:00" for a London clinic
// writing English, "lundi 11 janvier à 10:00" in French. Wall-clock fields come from the
// clinic's zone (Abseil and the system tzdata, as everywhere in the host); ICU only spells
// them in the message's language.
#ifndef NEEDLEWORK_HOST_AFTERCARE_PATIENT_TIME_H_
#define NEEDLEWORK_HOST_AFTERCARE_PATIENT_TIME_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "host/slots/clinic_time.h"

namespace needlework::host {

// The ICU locale for a message in `language` (BCP 47, e.g. "en", "fr-CA") sent by a clinic in
// `zone`: the language's own region when it names one, else the zone's country (en +
// Europe/London -> en_GB, en + America/New_York -> en_US); a zone of no country ("UTC")
// leaves the language alone. An empty language means English.
std::string PatientLocale(std::string_view language, const slots::ClinicZone& zone);

// The local date of `unix_seconds` in `zone`, with its weekday and month spelled out in the
// locale PatientLocale() gives, e.g. "Monday, 11 January" (en_GB), "lundi 11 janvier" (fr).
std::string PatientDate(int64_t unix_seconds, const slots::ClinicZone& zone,
                        std::string_view language);

// PatientDate() with the local time of day in the locale's clock, e.g. "Monday, 11 January at
// 10:00" (en_GB), "Monday, January 11 at 10:00 AM" (en_US), "lundi 11 janvier à 10:00" (fr).
std::string PatientDateTime(int64_t unix_seconds, const slots::ClinicZone& zone,
                            std::string_view language);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_AFTERCARE_PATIENT_TIME_H_
