// Dates and times as a patient reads them: the clinic's zone decides the wall clock (DST
// included), the message's language and the zone's country decide the words.
#include "host/aftercare/patient_time.h"

#include <gtest/gtest.h>

namespace needlework::host {
namespace {

slots::ClinicZone Zone(const char* name) { return *slots::ClinicZone::Load(name); }

int64_t Utc(const char* rfc3339) { return *slots::ParseRfc3339(rfc3339); }

TEST(PatientTimeTest, LocaleTakesTheZonesCountryUnlessTheLanguageNamesOne) {
  EXPECT_EQ(PatientLocale("en", Zone("Europe/London")), "en_GB");
  EXPECT_EQ(PatientLocale("en", Zone("America/New_York")), "en_US");
  EXPECT_EQ(PatientLocale("fr", Zone("America/Toronto")), "fr_CA");
  EXPECT_EQ(PatientLocale("en-US", Zone("Europe/London")), "en_US");
  EXPECT_EQ(PatientLocale("fr", Zone("UTC")), "fr");
  EXPECT_EQ(PatientLocale("", Zone("UTC")), "en");
}

TEST(PatientTimeTest, WinterAndSummerTimesAreTheClinicsWallClock) {
  const auto london = Zone("Europe/London");
  EXPECT_EQ(PatientDateTime(Utc("2027-01-11T10:00:00Z"), london, "en"),
            "Monday, 11 January at 10:00");
  // 09:00 UTC on 28 March 2027 is 10:00 BST: the clocks went forward at 01:00 UTC that day.
  EXPECT_EQ(PatientDateTime(Utc("2027-03-28T09:00:00Z"), london, "en"),
            "Sunday, 28 March at 10:00");
  EXPECT_EQ(PatientDate(Utc("2027-03-27T23:30:00Z"), london, "en"), "Saturday, 27 March");
  EXPECT_EQ(PatientDate(Utc("2027-06-30T23:30:00Z"), london, "en"), "Thursday, 1 July");
}

TEST(PatientTimeTest, EveryShippedLanguageSpellsItsOwnDates) {
  const auto paris = Zone("Europe/Paris");
  EXPECT_EQ(PatientDateTime(Utc("2027-01-11T09:00:00Z"), paris, "fr"), "lundi 11 janvier à 10:00");
  EXPECT_EQ(PatientDate(Utc("2027-01-11T09:00:00Z"), paris, "fr"), "lundi 11 janvier");
  EXPECT_EQ(PatientDateTime(Utc("2027-01-11T15:30:00Z"), Zone("America/New_York"), "en"),
            "Monday, January 11 at 10:30\u202fAM");
}

}  // namespace
}  // namespace needlework::host
