// libFuzzer target: how the host merges its plugins' answers (fails closed on anything
// malformed): MergeScreening (host/screening/merge.h), MergePlanAnswers
// (host/planning/plan_rules.h) and MergeViolations (host/scheduling/booking_checks.h), with
// results from real instances of the built-in plugins (screening, scheduling, and the add-on
// plugins radiofrequency and prp, default configs) and the answer bytes from the input.
//
// Input (fuzz/seed_plugin_answers.py writes seeds):
//   byte 0   the merge: 0 screen, 1 plan, 2 check_booking (modulo 3)
//   byte 1   bit 0: the radiofrequency add-on is planned, bit 1: the prp add-on is;
//            bit 2: an enabled plugin is unavailable
//   then, until the input ends, one result each:
//     plugin (modulo 4: screening, scheduling, radiofrequency, prp), PluginRun::State
//     (modulo 6), StatusCode (modulo 17, for STATE_ERROR), answer length (2 bytes,
//     little-endian; cut short at the input's end), the answer's serialized bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/builtin_plugins.h"
#include "host/planning/plan_rules.h"
#include "host/scheduling/booking_checks.h"
#include "host/screening/merge.h"

namespace {

namespace host = needlework::host;
using needlework::v1::PluginRun;

constexpr std::string_view kPlugins[] = {"screening", "scheduling", "radiofrequency", "prp"};

const std::vector<std::shared_ptr<host::PluginInstance>>& Instances() {
  static const auto* const kInstances = [] {
    auto* instances = new std::vector<std::shared_ptr<host::PluginInstance>>();
    for (std::string_view name : kPlugins) {
      auto instance =
          host::PluginInstance::Create(*needlework::fuzz::BuiltInPlugin(name), "clinic-fuzz", "{}");
      if (!instance.ok()) std::abort();
      instances->push_back(*instance);
    }
    return instances;
  }();
  return *kInstances;
}

class Reader {
 public:
  explicit Reader(std::string_view input) : rest_(input) {}
  bool empty() const { return rest_.empty(); }
  uint8_t Byte() {
    if (rest_.empty()) return 0;
    auto byte = static_cast<uint8_t>(rest_.front());
    rest_.remove_prefix(1);
    return byte;
  }
  std::string Bytes(size_t count) {
    std::string bytes(rest_.substr(0, count));
    rest_.remove_prefix(bytes.size());
    return bytes;
  }

 private:
  std::string_view rest_;
};

host::PluginCallResult ReadResult(Reader& reader) {
  host::PluginCallResult result;
  result.instance = Instances()[reader.Byte() % Instances().size()];
  result.state = static_cast<PluginRun::State>(reader.Byte() % 6);
  result.code = static_cast<needlework::StatusCode>(reader.Byte() % 17);
  size_t length = reader.Byte();
  length |= static_cast<size_t>(reader.Byte()) << 8;
  result.response = reader.Bytes(length);
  if (result.state != PluginRun::STATE_OK)
    result.message = result.instance->plugin_id() + ": fuzzed";
  return result;
}

// The planned add-ons: the ADD_ON therapies of the add-on plugins `mask` picks.
host::Codings PlannedAddOns(const host::ClinicPlugins& plugins, uint8_t mask) {
  host::Codings add_ons;
  for (const auto& offered : plugins.therapies()) {
    for (size_t bit = 0; bit < 2; ++bit) {
      if ((mask & (1u << bit)) != 0 && offered.instance == Instances()[2 + bit] &&
          offered.therapy.kind() == needlework::types::v1::THERAPY_KIND_ADD_ON) {
        *add_ons.Add() = offered.therapy.code();
      }
    }
  }
  return add_ons;
}

void Merge(uint8_t merge, uint8_t flags, const std::vector<host::PluginCallResult>& results) {
  std::vector<host::UnavailablePlugin> unavailable;
  if ((flags & 4) != 0) unavailable.push_back({"com.example.gone", "not installed"});
  switch (merge % 3) {
    case 0: {
      host::ClinicPlugins plugins(Instances(), unavailable);
      needlework::v1::ScreenResponse response;
      host::MergeScreening(results, plugins, PlannedAddOns(plugins, flags), &response);
      break;
    }
    case 1: {
      google::protobuf::RepeatedPtrField<PluginRun> runs;
      (void)host::MergePlanAnswers(results, &runs);
      break;
    }
    default:
      (void)host::ViolationsToStatus(host::MergeViolations(results, unavailable));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Reader reader(std::string_view(reinterpret_cast<const char*>(data), size));
  uint8_t merge = reader.Byte();
  uint8_t flags = reader.Byte();
  std::vector<host::PluginCallResult> results;
  while (!reader.empty() && results.size() < 8) results.push_back(ReadResult(reader));
  Merge(merge, flags, results);
  return 0;
}
