#include "bench/driver/year_clinic.h"

#include <absl/strings/str_format.h>
#include <absl/time/civil_time.h>
#include <absl/time/clock.h>

#include <algorithm>

#include "bench/driver/clinic_setup.h"
#include "bench/load/load_generator.h"
#include "needlework/code_systems.h"
#include "needlework/v1/admin.grpc.pb.h"
#include "needlework/v1/planning.grpc.pb.h"
#include "needlework/v1/scheduling.grpc.pb.h"
#include "needlework/v1/screening.grpc.pb.h"

namespace needlework::bench {
namespace {

namespace types = needlework::types::v1;
namespace v1 = needlework::v1;

constexpr int kPractitioners = 10, kRooms = 6, kPens = 4;
constexpr int kAftercareAppointments = 32;
constexpr int kProbePlans = 64;
constexpr int kOpenHour = 5, kCloseHour = 24;  // every day
constexpr int kHours = kCloseHour - kOpenHour;
constexpr int kSpacingDays = 35;    // between sessions of a series (the plugin allows 28-42)
constexpr int kYearDays = 330;      // the booked blocks of series fit in this
constexpr int kAfterYearDay = 400;  // Book runs use days from here on

// One hour of one pen on one day (counted from the clinic's day 0).
struct Cell {
  int day = 0, hour = 0, pen = 0;
};

// A series: one plan's sessions, in session order.
struct Chain {
  std::string plan_id;
  std::vector<Cell> cells;
};

bool SkippedStart(int d0) { return d0 % 12 == 11; }  // leaves about 1 in 11 cells free

std::string StartText(const YearClinic& clinic, const Cell& cell) {
  absl::CivilDay today = absl::ToCivilDay(absl::Now(), absl::UTCTimeZone());
  absl::CivilDay day = today + clinic.first_day_offset + cell.day;
  return absl::StrFormat("%sT%02d:00:00+00:00", absl::FormatCivilTime(day), cell.hour);
}

std::string Practitioner(const Cell& cell) {
  // The 4 sessions of one hour have distinct pens, hence distinct practitioners and rooms.
  return absl::StrFormat("dr-%02d", (cell.pen + 4 * (cell.hour % 2)) % kPractitioners + 1);
}

std::string BookBytes(const YearClinic& clinic, const std::string& plan_id, int session,
                      const Cell& cell) {
  v1::BookRequest request;
  request.set_plan_id(plan_id);
  request.set_session_index(session);
  request.set_start(StartText(clinic, cell));
  request.set_practitioner_id(Practitioner(cell));
  request.set_room_id("room-" + std::to_string(cell.pen + 1));
  request.add_device_ids("pen-" + std::to_string(cell.pen + 1));
  return request.SerializeAsString();
}

// Sessions 0 of every chain, then sessions 1, ...: a session is booked after the one before.
std::vector<std::string> BookingsInRounds(const YearClinic& clinic,
                                          const std::vector<Chain>& chains) {
  std::vector<std::string> requests;
  size_t sessions = chains.empty() ? 0 : chains.front().cells.size();
  for (size_t k = 0; k < sessions; ++k) {
    for (const auto& chain : chains) {
      requests.push_back(BookBytes(clinic, chain.plan_id, static_cast<int>(k), chain.cells[k]));
    }
  }
  return requests;
}

// Chains starting on days first_day + d0 (d0 < kSpacingDays), every hour and pen.
std::vector<Chain> ChainsFrom(int first_day, int sessions, bool skip) {
  std::vector<Chain> chains;
  for (int d0 = 0; d0 < kSpacingDays; ++d0) {
    if (skip && SkippedStart(d0)) continue;
    for (int hour = kOpenHour; hour < kCloseHour; ++hour) {
      for (int pen = 0; pen < kPens; ++pen) {
        Chain chain;
        for (int k = 0; k < sessions; ++k) {
          chain.cells.push_back({first_day + d0 + k * kSpacingDays, hour, pen});
        }
        chains.push_back(std::move(chain));
      }
    }
  }
  return chains;
}

LoadResult Drive(BenchHost& host, const std::string& token, const std::string& method,
                 std::vector<std::string> requests, bool keep) {
  LoadSpec spec;
  spec.address = host.address();
  spec.method = method;
  spec.token = token;
  spec.requests = std::move(requests);
  spec.cycle = false;
  spec.in_flight = 32;
  spec.warmup_seconds = 0;
  spec.duration_seconds = 3600;
  spec.deadline_seconds = 60;
  spec.keep_responses = keep;
  return RunLoad(spec);
}

Status AllOk(const LoadResult& result, const std::string& what) {
  if (result.errors == 0) return OkStatus();
  return InternalError(what + ": " + std::to_string(result.errors) +
                       " calls failed, the first with " + result.first_error);
}

// Screens each of `patients` (no history: ELIGIBLE); their screening ids, in order.
StatusOr<std::vector<std::string>> ScreenPatients(BenchHost& host, const YearClinic& clinic,
                                                  const std::vector<std::string>& patients) {
  std::vector<std::string> requests;
  for (const auto& patient : patients) {
    v1::ScreenRequest screen;
    screen.mutable_facts()->set_patient_ref(patient);
    requests.push_back(screen.SerializeAsString());
  }
  LoadResult result = Drive(host, clinic.emr_token, "/needlework.v1.ScreeningService/Screen",
                            std::move(requests), true);
  NW_RETURN_IF_ERROR(AllOk(result, "Screen"));
  std::vector<std::string> ids;
  for (const auto& bytes : result.responses) {
    v1::ScreenResponse response;
    response.ParseFromString(bytes);
    ids.push_back(response.screening_id());
  }
  return ids;
}

StatusOr<std::vector<std::string>> CreatePlans(BenchHost& host, const YearClinic& clinic,
                                               const std::string& prefix, size_t count) {
  std::vector<std::string> patients;
  for (size_t i = 0; i < count; ++i)
    patients.push_back("Patient/" + prefix + "-" + std::to_string(i));
  NW_ASSIGN_OR_RETURN(auto screenings, ScreenPatients(host, clinic, patients));
  std::vector<std::string> requests;
  for (size_t i = 0; i < count; ++i) {
    v1::CreatePlanRequest create;
    create.set_patient_ref(patients[i]);
    *create.mutable_plan() = clinic.series;
    create.set_screening_id(screenings[i]);
    requests.push_back(create.SerializeAsString());
  }
  LoadResult result = Drive(host, clinic.emr_token, "/needlework.v1.PlanningService/CreatePlan",
                            std::move(requests), true);
  NW_RETURN_IF_ERROR(AllOk(result, "CreatePlan"));
  std::vector<std::string> ids;
  for (const auto& bytes : result.responses) {
    v1::Plan plan;
    plan.ParseFromString(bytes);
    ids.push_back(plan.plan_id());
  }
  return ids;
}

Status AssignPlans(BenchHost& host, const YearClinic& clinic, const std::string& prefix,
                   std::vector<Chain>& chains) {
  NW_ASSIGN_OR_RETURN(auto ids, CreatePlans(host, clinic, prefix, chains.size()));
  for (size_t i = 0; i < chains.size(); ++i) chains[i].plan_id = ids[i];
  return OkStatus();
}

ClinicShape YearShape(const YearClinic& clinic) {
  return {clinic.clinic_id, kPractitioners, kRooms, kPens, kOpenHour, kCloseHour};
}

// Books the year; the first kAftercareAppointments sessions 0 are then completed.
Status BookYear(BenchHost& host, YearClinic& clinic, int max_blocks) {
  int sessions = clinic.series.session_count();
  int blocks = std::max(1, kYearDays / (kSpacingDays * sessions));
  if (max_blocks > 0) blocks = std::min(blocks, max_blocks);
  std::vector<Chain> chains;
  for (int b = 0; b < blocks; ++b) {
    auto block = ChainsFrom(b * kSpacingDays * sessions, sessions, true);
    chains.insert(chains.end(), block.begin(), block.end());
  }
  NW_RETURN_IF_ERROR(AssignPlans(host, clinic, "year", chains));
  LoadResult booked = Drive(host, clinic.emr_token, "/needlework.v1.SchedulingService/Book",
                            BookingsInRounds(clinic, chains), true);
  NW_RETURN_IF_ERROR(AllOk(booked, "Book (seeding the year)"));
  clinic.appointments = booked.ok + booked.warmup_calls;
  if (!booked.responses.empty()) clinic.sample_booking = booked.responses.back();
  for (int i = 0; i < kAftercareAppointments && i < static_cast<int>(chains.size()); ++i) {
    v1::Appointment appointment;
    appointment.ParseFromString(booked.responses[i]);
    clinic.completed.push_back(appointment.appointment_id());
  }
  return CompleteSessions(host, clinic.emr_token, clinic.completed);
}

}  // namespace

StatusOr<YearClinic> SeedYearClinic(BenchHost& host, int max_blocks) {
  YearClinic clinic;
  NW_ASSIGN_OR_RETURN(clinic.emr_token, CreateBenchClinic(host, YearShape(clinic)));
  NW_ASSIGN_OR_RETURN(clinic.series, ProposeFacePlan(host, clinic.emr_token));
  if (clinic.series.session_count() < 1) return InternalError("ProposePlan answered no sessions");
  NW_RETURN_IF_ERROR(BookYear(host, clinic, max_blocks));
  NW_ASSIGN_OR_RETURN(clinic.probe_plans, CreatePlans(host, clinic, "probe", kProbePlans));
  clinic.dense_from = StartText(clinic, {100, 0, 0}).substr(0, 10);
  clinic.dense_to = StartText(clinic, {113, 0, 0}).substr(0, 10);
  return clinic;
}

StatusOr<std::vector<std::string>> BookRunRequests(BenchHost& host, const YearClinic& clinic,
                                                   int run, int count) {
  int sessions = clinic.series.session_count();
  auto chains = ChainsFrom(kAfterYearDay + run * kSpacingDays * sessions, sessions, false);
  size_t wanted = static_cast<size_t>((count + sessions - 1) / sessions);
  if (chains.size() > wanted) chains.resize(wanted);
  NW_RETURN_IF_ERROR(AssignPlans(host, clinic, "book-" + std::to_string(run), chains));
  return BookingsInRounds(clinic, chains);
}

Status CheckNoOverlap(BenchHost& host, const YearClinic& clinic, int64_t* checked) {
  auto scheduling = v1::SchedulingService::NewStub(host.channel());
  *checked = 0;
  for (const auto& resource : ResourceIds(YearShape(clinic))) {
    v1::ListAppointmentsRequest request;
    request.set_resource_id(resource);
    v1::ListAppointmentsResponse found;
    NW_RETURN_IF_ERROR(
        Check(scheduling->ListAppointments(Authorized(clinic.emr_token).get(), request, &found),
              "ListAppointments " + resource));
    std::vector<std::pair<std::string, std::string>> spans;  // same UTC offset: text orders
    for (const auto& a : found.appointments()) {
      if (a.status() == types::APPOINTMENT_STATUS_CANCELLED) continue;
      spans.emplace_back(a.start(), a.end());
    }
    std::sort(spans.begin(), spans.end());
    for (size_t i = 1; i < spans.size(); ++i) {
      if (spans[i].first < spans[i - 1].second) {
        return FailedPreconditionError(resource + " is double-booked at " + spans[i].first);
      }
    }
    *checked += static_cast<int64_t>(spans.size());
  }
  return OkStatus();
}

}  // namespace needlework::bench
