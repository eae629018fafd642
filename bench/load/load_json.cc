#include "bench/load/load_json.h"

#include "needlework/status.h"

namespace needlework::bench {
nlohmann::json LoadResultJson(const LoadResult& result) {
  nlohmann::json errors = nlohmann::json::object();
  for (auto [code, count] : result.errors_by_code)
    errors[std::string(StatusCodeName(static_cast<StatusCode>(code)))] = count;
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
