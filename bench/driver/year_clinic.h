// The "year-long clinic" the scheduling scenarios run on: clinic `bench` (UTC), with 10
// practitioners, 6 rooms and 4 microneedling pens, open every day 05:00-24:00, and about
// 20,000 appointments over the coming year, booked through the API as series of sessions
// 35 days apart. Every session needs a practitioner, a room and a pen, so the 4 pens bound
// the clinic to 4 sessions at a time; the booked year leaves about one hour-and-pen in
// eleven free, so slot searches have something to find.
#ifndef NEEDLEWORK_BENCH_DRIVER_YEAR_CLINIC_H_
#define NEEDLEWORK_BENCH_DRIVER_YEAR_CLINIC_H_

#include <string>
#include <vector>

#include "bench/driver/bench_host.h"
#include "needlework/types/v1/scheduling.pb.h"

namespace needlework::bench {

struct YearClinic {
  std::string clinic_id = "bench";
  std::string emr_token;
  needlework::types::v1::SeriesPlan series;  // as ProposePlan answers; every plan uses it
  int64_t appointments = 0;                  // booked while seeding
  std::vector<std::string> probe_plans;      // active plans without bookings (FindSlots)
  std::vector<std::string> completed;        // completed appointments (GetAftercarePlan)
  std::string sample_booking;                // one Book reply (serialized Appointment)
  std::string dense_from, dense_to;          // a fortnight in the booked part of the year
  int first_day_offset = 2;                  // day 0 of the year is today + this, UTC
};

// Creates and books the clinic through `host`'s API, 32 calls at a time. `max_blocks` > 0
// books only that many blocks of series (a shorter "year", for quick experiments).
StatusOr<YearClinic> SeedYearClinic(BenchHost& host, int max_blocks = 0);

// `count` BookRequests (serialized) for the Book scenario's run `run`: sessions of new plans,
// all sessions 0 first, then all sessions 1, ..., in hours and pens of days after the year
// that no other run uses, so every one can succeed.
StatusOr<std::vector<std::string>> BookRunRequests(BenchHost& host, const YearClinic& clinic,
                                                   int run, int count);

// Checks that no resource of the clinic holds two overlapping BOOKED or FULFILLED
// appointments; `checked` gets how many appointments were looked at. FAILED_PRECONDITION
// naming the first overlap.
Status CheckNoOverlap(BenchHost& host, const YearClinic& clinic, int64_t* checked);

}  // namespace needlework::bench

#endif  // NEEDLEWORK_BENCH_DRIVER_YEAR_CLINIC_H_
