// A closed-loop gRPC load generator on the callback API: `in_flight` calls are kept
// outstanding on generic stubs (requests pre-serialized, responses not parsed), so the
// client spends little CPU per call next to the server it measures.
#ifndef NEEDLEWORK_BENCH_LOAD_LOAD_GENERATOR_H_
#define NEEDLEWORK_BENCH_LOAD_LOAD_GENERATOR_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace needlework::bench {

struct LoadSpec {
  std::string address;  // "127.0.0.1:port" or "unix:/path"
  std::string method;   // full gRPC path, e.g. "/needlework.v1.ScreeningService/Screen"
  std::string token;    // sent as `authorization: Bearer <token>` unless empty
  std::vector<std::string> requests;  // serialized request messages, sent in order
  bool cycle = true;  // start over at the end; false: each request is sent once, then stop
  int in_flight = 1;
  int channels = 1;  // separate HTTP/2 connections; call i uses channel i % channels
  double warmup_seconds = 0.5;
  double duration_seconds = 2;  // measured time after the warm-up
  double deadline_seconds = 10;
  bool keep_responses = false;  // fill LoadResult::responses (by request index)
};

struct LoadResult {
  int64_t ok = 0;      // OK calls completed inside the measured window
  int64_t errors = 0;  // non-OK calls completed inside the measured window
  int64_t warmup_calls = 0;
  std::map<int, int64_t> errors_by_code;  // grpc::StatusCode -> count, measured window
  std::string first_error;                // "CODE: message" of the first non-OK call, any time
  double seconds = 0;                     // measured window actually covered
  double calls_per_second = 0;            // ok / seconds (errors are not throughput)
  double p50_us = 0, p99_us = 0, p999_us = 0, max_us = 0;  // OK calls only
  std::vector<std::string> responses;  // when keep_responses: serialized reply per request
};

// Runs the load and blocks until every call has finished. Calls still in flight at the
// end of the window complete (or hit their deadline) but are not counted.
LoadResult RunLoad(const LoadSpec& spec);

// The value at quantile `q` (0..1) of `values`, which it partially sorts. 0 when empty.
double Quantile(std::vector<int64_t>& values, double q);

}  // namespace needlework::bench

#endif  // NEEDLEWORK_BENCH_LOAD_LOAD_GENERATOR_H_
