#include "host/slots/icalendar.h"

#include <gmock/gmock.h>

#include <sstream>

#include "host/slots/ical_text.h"
#include "host/slots/slots_test_util.h"
#include "support/status_matchers.h"

namespace needlework::host::slots {
namespace {

using ::needlework::testing::IsOk;
using ::needlework::testing::StatusIs;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::SizeIs;
using testing::Utc;
using testing::Zone;

// The physical lines of `text`, split at CRLF (which must end the text).
std::vector<std::string> PhysicalLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t begin = 0;
  for (size_t end; (end = text.find("\r\n", begin)) != std::string::npos; begin = end + 2) {
    lines.push_back(text.substr(begin, end - begin));
  }
  EXPECT_EQ(begin, text.size()) << "text does not end in CRLF";
  return lines;
}

// The content lines of `text` after unfolding (RFC 5545 3.1).
std::vector<std::string> ContentLines(const std::string& text) {
  std::vector<std::string> lines;
  for (const std::string& line : PhysicalLines(text)) {
    if (!line.empty() && line[0] == ' ' && !lines.empty()) {
      lines.back() += line.substr(1);
    } else {
      lines.push_back(line);
    }
  }
  return lines;
}

// The property lines inside every `component` (e.g. "STANDARD"), one vector per occurrence.
std::vector<std::vector<std::string>> Components(const std::vector<std::string>& lines,
                                                 const std::string& component) {
  std::vector<std::vector<std::string>> found;
  bool inside = false;
  for (const std::string& line : lines) {
    if (line == "BEGIN:" + component) {
      inside = true;
      found.emplace_back();
    } else if (line == "END:" + component) {
      inside = false;
    } else if (inside) {
      found.back().push_back(line);
    }
  }
  return found;
}

void ExpectWellFormed(const std::string& text) {
  // CRLF everywhere: no bare CR or LF.
  for (size_t i = 0; i < text.size(); ++i) {
    bool bare_cr = text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n');
    bool bare_lf = text[i] == '\n' && (i == 0 || text[i - 1] != '\r');
    EXPECT_FALSE(bare_cr || bare_lf) << "bare CR or LF at " << i;
  }
  std::vector<std::string> stack;
  for (const std::string& line : PhysicalLines(text)) {
    EXPECT_LE(line.size(), 75u) << line;
    if (!line.empty() && line[0] == ' ') {  // a fold never starts inside a UTF-8 sequence
      EXPECT_FALSE(line.size() > 1 && (static_cast<unsigned char>(line[1]) & 0xC0) == 0x80);
    }
  }
  for (const std::string& line : ContentLines(text)) {
    if (line.rfind("BEGIN:", 0) == 0) stack.push_back(line.substr(6));
    if (line.rfind("END:", 0) == 0) {
      ASSERT_FALSE(stack.empty()) << line;
      EXPECT_EQ(stack.back(), line.substr(4));
      stack.pop_back();
    }
  }
  EXPECT_TRUE(stack.empty());
}

class ICalendarTest : public ::testing::Test {
 protected:
  ICalendarTest() : london_(Zone("Europe/London")) {
    input_.zone = &london_;
    input_.now = Utc("2026-03-01T12:00:00Z");
  }

  CalendarEvent Event(const std::string& uid, const std::string& start_utc, int minutes) {
    CalendarEvent event;
    event.uid = uid;
    event.start = Utc(start_utc);
    event.end = event.start + minutes * 60;
    event.summary = "Microneedling session";
    return event;
  }
  std::string Build() {
    StatusOr<std::string> text = BuildICalendar(input_);
    EXPECT_THAT(text, IsOk());
    if (text.ok()) ExpectWellFormed(*text);
    return text.ok() ? *text : "";
  }

  ClinicZone london_;
  CalendarInput input_;
};

TEST_F(ICalendarTest, CalendarAndEventProperties) {
  input_.events = {Event("s1@needlework", "2026-03-29T09:00:00Z", 60)};
  input_.events[0].location = "Room 1";
  std::string text = Build();
  EXPECT_EQ(text.rfind("BEGIN:VCALENDAR\r\nPRODID:-//Needlework//Needlework 0.1//EN\r\n"
                       "VERSION:2.0\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n"
                       "BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n",
                       0),
            0u);
  std::vector<std::vector<std::string>> events = Components(ContentLines(text), "VEVENT");
  ASSERT_THAT(events, SizeIs(1));
  EXPECT_EQ(
      events[0],
      (std::vector<std::string>{
          "UID:s1@needlework", "DTSTAMP:20260301T120000Z",
          "DTSTART;TZID=Europe/London:20260329T100000", "DTEND;TZID=Europe/London:20260329T110000",
          "SEQUENCE:0", "STATUS:CONFIRMED", "SUMMARY:Microneedling session", "LOCATION:Room 1"}));
  EXPECT_TRUE(text.size() > 15 && text.substr(text.size() - 15) == "END:VCALENDAR\r\n");
}

TEST_F(ICalendarTest, CancelledUpdateKeepsUidAndRaisesSequence) {
  input_.events = {Event("s1@needlework", "2026-06-01T08:00:00Z", 60)};
  input_.events[0].status = "CANCELLED";
  input_.events[0].sequence = 2;
  std::vector<std::string> lines = ContentLines(Build());
  EXPECT_THAT(lines, Contains("STATUS:CANCELLED"));
  EXPECT_THAT(lines, Contains("SEQUENCE:2"));
  EXPECT_THAT(lines, Contains("DTSTART;TZID=Europe/London:20260601T090000"));
}

TEST_F(ICalendarTest, LondonVTimezoneHasWinterAndSummerObservances) {
  input_.events = {Event("winter", "2026-01-15T10:00:00Z", 60),
                   Event("summer", "2026-07-15T09:00:00Z", 60)};
  std::vector<std::string> lines = ContentLines(Build());
  EXPECT_EQ(Components(lines, "STANDARD"),
            (std::vector<std::vector<std::string>>{{"DTSTART:20251026T020000", "TZOFFSETFROM:+0100",
                                                    "TZOFFSETTO:+0000", "TZNAME:GMT"}}));
  EXPECT_EQ(Components(lines, "DAYLIGHT"),
            (std::vector<std::vector<std::string>>{{"DTSTART:20260329T010000", "TZOFFSETFROM:+0000",
                                                    "TZOFFSETTO:+0100", "TZNAME:BST"}}));
  EXPECT_THAT(lines, Contains("DTSTART;TZID=Europe/London:20260115T100000"));
  EXPECT_THAT(lines, Contains("DTSTART;TZID=Europe/London:20260715T100000"));
}

TEST_F(ICalendarTest, VTimezoneCoversEveryChangeInTheEventsSpan) {
  input_.events = {Event("a", "2026-07-15T09:00:00Z", 60), Event("b", "2027-04-01T09:00:00Z", 60)};
  std::vector<std::string> lines = ContentLines(Build());
  std::vector<std::vector<std::string>> standard = Components(lines, "STANDARD");
  std::vector<std::vector<std::string>> daylight = Components(lines, "DAYLIGHT");
  ASSERT_THAT(standard, SizeIs(1));
  ASSERT_THAT(daylight, SizeIs(2));
  EXPECT_EQ(daylight[0][0], "DTSTART:20260329T010000");  // in effect at the first event
  EXPECT_EQ(standard[0][0], "DTSTART:20261025T020000");
  EXPECT_EQ(daylight[1][0], "DTSTART:20270328T010000");
}

TEST_F(ICalendarTest, ZonesWithoutDaylightSavingGetOneStandard) {
  ClinicZone kolkata = Zone("Asia/Kolkata");
  input_.zone = &kolkata;
  input_.events = {Event("a", "2026-01-15T03:30:00Z", 60), Event("b", "2026-07-15T03:30:00Z", 60)};
  std::vector<std::string> lines = ContentLines(Build());
  std::vector<std::vector<std::string>> standard = Components(lines, "STANDARD");
  ASSERT_THAT(standard, SizeIs(1));
  EXPECT_THAT(standard[0], Contains("TZOFFSETTO:+0530"));
  EXPECT_THAT(standard[0], Contains("TZNAME:IST"));
  EXPECT_THAT(Components(lines, "DAYLIGHT"), SizeIs(0));
  EXPECT_THAT(lines, Contains("DTSTART;TZID=Asia/Kolkata:20260115T090000"));

  ClinicZone utc = Zone("UTC");
  input_.zone = &utc;
  EXPECT_EQ(Components(ContentLines(Build()), "STANDARD"),
            (std::vector<std::vector<std::string>>{{"DTSTART:19700101T000000", "TZOFFSETFROM:+0000",
                                                    "TZOFFSETTO:+0000", "TZNAME:UTC"}}));
}

TEST_F(ICalendarTest, NewYorkOffsetsAreNegative) {
  ClinicZone new_york = Zone("America/New_York");
  input_.zone = &new_york;
  input_.events = {Event("a", "2026-03-01T15:00:00Z", 60), Event("b", "2026-03-15T14:00:00Z", 60)};
  std::vector<std::string> lines = ContentLines(Build());
  EXPECT_EQ(Components(lines, "DAYLIGHT"),
            (std::vector<std::vector<std::string>>{{"DTSTART:20260308T020000", "TZOFFSETFROM:-0500",
                                                    "TZOFFSETTO:-0400", "TZNAME:EDT"}}));
  EXPECT_THAT(lines, Contains("DTSTART;TZID=America/New_York:20260315T100000"));
}

TEST_F(ICalendarTest, SecondPassOfTheRepeatedHourIsWrittenInUtc) {
  input_.events = {Event("first", "2026-10-25T00:30:00Z", 30),
                   Event("second", "2026-10-25T01:30:00Z", 30)};
  std::vector<std::string> lines = ContentLines(Build());
  EXPECT_THAT(lines, Contains("DTSTART;TZID=Europe/London:20261025T013000"));  // 01:30 BST
  EXPECT_THAT(lines, Contains("DTEND:20261025T010000Z"));                      // 01:00 GMT
  EXPECT_THAT(lines, Contains("DTSTART:20261025T013000Z"));                    // 01:30 GMT
  EXPECT_THAT(lines, Contains("DTEND;TZID=Europe/London:20261025T020000"));
}

TEST_F(ICalendarTest, TextValuesAreEscaped) {
  input_.events = {Event("s1;x,y\\z", "2026-06-01T08:00:00Z", 60)};
  input_.events[0].summary = "Microneedling, face; follow-up";
  input_.events[0].description = "Aftercare:\nSPF 30+, no retinol\\actives for 1 week";
  std::vector<std::string> lines = ContentLines(Build());
  EXPECT_THAT(lines, Contains("UID:s1\\;x\\,y\\\\z"));
  EXPECT_THAT(lines, Contains("SUMMARY:Microneedling\\, face\\; follow-up"));
  EXPECT_THAT(lines,
              Contains("DESCRIPTION:Aftercare:\\nSPF 30+\\, no retinol\\\\actives for 1 week"));
}

TEST_F(ICalendarTest, LongUtf8DescriptionIsFoldedAndUnfoldsToTheSameText) {
  std::string description;
  for (int i = 0; i < 12; ++i) description += "Rötung – wie ein Sonnenbrand 😀 klingt ab. ";
  input_.events = {Event("s1", "2026-06-01T08:00:00Z", 60)};
  input_.events[0].description = description;
  std::string text = Build();  // checks every physical line is at most 75 octets
  EXPECT_THAT(text, HasSubstr("\r\n "));
  EXPECT_THAT(ContentLines(text), Contains("DESCRIPTION:" + EscapeText(description)));
}

TEST_F(ICalendarTest, NoEventsStillGivesAValidCalendarWithTheZone) {
  std::vector<std::string> lines = ContentLines(Build());
  EXPECT_THAT(Components(lines, "VEVENT"), SizeIs(0));
  EXPECT_THAT(Components(lines, "STANDARD"), SizeIs(1));  // in effect on 2026-03-01
}

TEST_F(ICalendarTest, InvalidInput) {
  auto expect_invalid = [&](const std::string& message) {
    EXPECT_THAT(BuildICalendar(input_), StatusIs(StatusCode::kInvalidArgument, message));
  };
  input_.events = {Event("s1", "2026-06-01T08:00:00Z", 60)};
  input_.events[0].status = "TENTATIVE\r\nX-EVIL:1";
  expect_invalid("events[0]: status \"TENTATIVE\r\nX-EVIL:1\" is not CONFIRMED or CANCELLED");
  input_.events[0].status = "CONFIRMED";
  input_.events[0].sequence = -1;
  expect_invalid("events[0]: sequence must not be negative");
  input_.events[0].sequence = 0;
  input_.events[0].end = input_.events[0].start;
  expect_invalid("events[0]: end must be after start");
  input_.events[0].end = input_.events[0].start + 60;
  input_.events[0].uid.clear();
  expect_invalid("events[0]: uid is required");
  input_.events[0].uid = "s1";
  input_.events[0].start = -100;
  expect_invalid("events[0]: times must lie between the years 1970 and 9999");
  input_.events.clear();
  input_.now = 300'000'000'000;
  expect_invalid("now must lie between the years 1970 and 9999");
  input_.zone = nullptr;
  expect_invalid("zone is required");
}

}  // namespace
}  // namespace needlework::host::slots
