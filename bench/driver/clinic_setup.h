// Admin and EMR calls that set a benchmark clinic up, made one at a time (blocking stubs).
#ifndef NEEDLEWORK_BENCH_DRIVER_CLINIC_SETUP_H_
#define NEEDLEWORK_BENCH_DRIVER_CLINIC_SETUP_H_

#include <string>
#include <vector>

#include "bench/driver/bench_host.h"
#include "needlework/types/v1/scheduling.pb.h"

namespace needlework::bench {

struct ClinicShape {
  std::string clinic_id;
  int practitioners = 0;               // dr-01, dr-02, ...
  int rooms = 0;                       // room-1, ...
  int pens = 0;                        // pen-1, ... (microneedling-pen)
  int open_hour = 9, close_hour = 17;  // every day of the week, UTC
};

// Creates the clinic (UTC) with every loaded plugin enabled, its resources and hours; the
// clinic's EMR token.
StatusOr<std::string> CreateBenchClinic(BenchHost& host, const ClinicShape& shape);

// The series ProposePlan answers for fine lines on the face.
StatusOr<needlework::types::v1::SeriesPlan> ProposeFacePlan(BenchHost& host,
                                                            const std::string& emr_token);

// Completes each appointment (face, 0.5 mm), so that it has an aftercare plan.
Status CompleteSessions(BenchHost& host, const std::string& emr_token,
                        const std::vector<std::string>& appointment_ids);

// Every resource id of ClinicShape's naming scheme.
std::vector<std::string> ResourceIds(const ClinicShape& shape);

}  // namespace needlework::bench

#endif  // NEEDLEWORK_BENCH_DRIVER_CLINIC_SETUP_H_
