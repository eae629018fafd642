// The load scenarios of `make bench`, each run against the host and the baseline server.
#ifndef NEEDLEWORK_BENCH_DRIVER_SCENARIOS_H_
#define NEEDLEWORK_BENCH_DRIVER_SCENARIOS_H_

#include <string>
#include <vector>

#include "bench/driver/year_clinic.h"

namespace needlework::bench {

struct Scenario {
  std::string name;        // e.g. "Screen facts x64"
  std::string method;      // full gRPC method path
  std::string reply_name;  // the baseline's canned reply file (without .bin)
  int in_flight = 1;
  // Book: each run gets new requests (BookRunRequests), each sent once; the run ends when
  // they are answered or the duration is over.
  bool fresh_requests = false;
  std::vector<std::string> requests;  // serialized; cycled (unless fresh_requests)
  // Run against the second host, whose screening plugin runs in a plugin runner process
  // (plugin_isolation: process), with its demo clinic; the baseline answers as for the first.
  bool isolated = false;
};

// Screen (typed facts and FHIR, 1 and 64 in flight; typed facts at 64 with the screening plugin
// isolated), FindSlots on the year clinic's dense
// fortnight, Book, GetAftercarePlan. `fhir_bundle`: the FHIR patient (a Bundle's JSON).
std::vector<Scenario> BuildScenarios(const YearClinic& clinic, const std::string& fhir_bundle);

}  // namespace needlework::bench

#endif  // NEEDLEWORK_BENCH_DRIVER_SCENARIOS_H_
