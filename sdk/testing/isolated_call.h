// One plugin call run in a forked child process, so that whatever the plugin does (crash,
// abort, throw through the C ABI, hang, exit) the kit survives to report it.
#ifndef NEEDLEWORK_SDK_TESTING_ISOLATED_CALL_H_
#define NEEDLEWORK_SDK_TESTING_ISOLATED_CALL_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "needlework/plugin_abi.h"

namespace needlework::conformance {

// What a plugin call came back with.
struct CallResult {
  enum class Fate { kReturned, kThrew, kCrashed, kHung };
  // A call's own code for "create_instance said OK but set no instance".
  static constexpr int32_t kNoInstance = -1;

  Fate fate = Fate::kCrashed;
  int32_t code = NW_UNKNOWN;  // the ABI status code, for kReturned
  std::string bytes;          // what the plugin wrote to the sink: answer or error text
  int writes = 0;             // how often it wrote to the sink (the ABI allows one)
  int64_t micros = 0;         // the call alone, in the child
  std::string failure;        // for anything but kReturned: what happened

  bool returned() const { return fate == Fate::kReturned; }
  bool ok() const { return returned() && code == NW_OK; }
  // For messages: "OK", "INVALID_ARGUMENT: <text>", "crashed: killed by signal 11 (...)".
  std::string Describe() const;
  // Empty when the answer keeps the ABI's promises (a known code; an error with a
  // message; at most one write); otherwise what is wrong.
  std::string AbiProblem() const;
};

// A plugin call: writes to `out` and returns an ABI status code.
using PluginCall = std::function<int32_t(nw_sink* out)>;

// Runs `call` in a forked child and reports its fate. A child still running after
// `timeout` is killed (kHung). The parent's memory (the loaded plugin, its instances) is
// the child's copy; nothing the child does reaches the parent.
CallResult RunIsolated(const PluginCall& call, std::chrono::milliseconds timeout);

}  // namespace needlework::conformance

#endif  // NEEDLEWORK_SDK_TESTING_ISOLATED_CALL_H_
