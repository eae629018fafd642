#include "bench/load/load_json.h"

namespace needlework::bench {
namespace {

const char* CodeName(int code) {
  static const char* const kNames[] = {"OK",
                                       "CANCELLED",
                                       "UNKNOWN",
                                       "INVALID_ARGUMENT",
                                       "DEADLINE_EXCEEDED",
                                       "NOT_FOUND",
                                       "ALREADY_EXISTS",
                                       "PERMISSION_DENIED",
                                       "RESOURCE_EXHAUSTED",
                                       "FAILED_PRECONDITION",
                                       "ABORTED",
                                       "OUT_OF_RANGE",
                                       "UNIMPLEMENTED",
                                       "INTERNAL",
                                       "UNAVAILABLE",
                                       "DATA_LOSS",
                                       "UNAUTHENTICATED"};
  return code >= 0 && code <= 16 ? kNames[code] : "UNKNOWN";
}

}  // namespace

nlohmann::json LoadResultJson(const LoadResult& result) {
  nlohmann::json errors = nlohmann::json::object();
  for (auto [code, count] : result.errors_by_code) errors[CodeName(code)] = count;
  return {{"ok", result.ok},
          {"errors", result.errors},
          {"errors_by_code", errors},
          {"first_error", result.first_error},
          {"warmup_calls", result.warmup_calls},
          {"seconds", result.seconds},
          {"calls_per_second", result.calls_per_second},
          {"p50_us", result.p50_us},
          {"p99_us", result.p99_us},
          {"p999_us", result.p999_us},
          {"max_us", result.max_us}};
}

}  // namespace needlework::bench
