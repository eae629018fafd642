// What a runner writes for the host's log: its plugin's `log` calls (kLog frames on the log
// channel) and its stdout and stderr, line by line. Each becomes a field of a host event
// (`plugin_log` {plugin, clinic, message}; `plugin_output` {plugin, clinic, stream, line}),
// so nothing a plugin writes can read as a host log line. Bounded per runner: a line is
// cut at kMaxLineBytes (marked), and past kLinesPerSecond (bursts of kLineBurst) lines are
// dropped and counted in a `plugin_output_dropped` event, at most one a second.
#ifndef NEEDLEWORK_HOST_ISOLATION_RUNNER_OUTPUT_H_
#define NEEDLEWORK_HOST_ISOLATION_RUNNER_OUTPUT_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>

#include "needlework/status.h"

namespace needlework::host::isolation {

inline constexpr size_t kMaxLineBytes = 4096;
inline constexpr int kLinesPerSecond = 100;
inline constexpr int kLineBurst = 200;
inline constexpr std::string_view kCutMarker = " [cut: line longer than 4096 bytes]";

// Splits a byte stream into lines. A line longer than kMaxLineBytes is passed on at that
// length with kCutMarker, and the rest of it, up to its newline, is dropped.
class LineSplitter {
 public:
  using LineFunction = std::function<void(std::string line)>;
  // Takes the next bytes of the stream; calls `line` for each line completed (no newline).
  void Feed(std::string_view bytes, const LineFunction& line);
  // The end of the stream: passes on a last line without a newline, if any.
  void Finish(const LineFunction& line);

 private:
  std::string pending_;
  bool cutting_ = false;  // dropping the rest of a cut line
};

// A token bucket of lines: kLinesPerSecond, up to kLineBurst at once.
class LineBudget {
 public:
  using Clock = std::chrono::steady_clock;
  explicit LineBudget(Clock::time_point now) : refilled_(now), last_report_(now) {}
  // True when a line may be logged at `now`; false when it is dropped (and counted).
  bool Take(Clock::time_point now);
  // The lines dropped and not yet reported, when a second has passed since the last report
  // (or `force`); 0 otherwise, and then nothing is reset.
  int64_t DroppedToReport(Clock::time_point now, bool force);

 private:
  double tokens_ = kLineBurst;
  Clock::time_point refilled_;
  Clock::time_point last_report_;
  int64_t dropped_ = 0;
};

// One runner's output, turned into host log events. Thread-safe: the supervisor's thread
// reads the runner's pipes and log channel, and each call's thread the log lines the plugin
// wrote while serving that call (sent on the call's connection, before its reply).
class RunnerOutput {
 public:
  RunnerOutput(std::string plugin_id, std::string clinic_id, size_t max_frame_bytes);

  void Stdout(std::string_view bytes);
  void Stderr(std::string_view bytes);
  // Bytes from the log channel. DATA_LOSS when they are not well-formed kLog frames.
  Status LogChannel(std::string_view bytes);
  // One kLog frame's payload. DATA_LOSS when it is malformed.
  Status LogFrame(std::string_view payload);
  // The runner has ended: the last partial lines, and any count of dropped lines.
  void Finish();

 private:
  // The rest hold mutex_.
  void Lines(LineSplitter& splitter, std::string_view stream, std::string_view bytes);
  void Output(std::string_view stream, std::string line);
  Status PluginLog(std::string_view payload);
  bool Admit();

  std::mutex mutex_;

  std::string plugin_id_;
  std::string clinic_id_;
  size_t max_frame_bytes_;
  LineSplitter stdout_, stderr_;
  std::string log_bytes_;  // a partial log frame
  LineBudget budget_;
};

}  // namespace needlework::host::isolation

#endif  // NEEDLEWORK_HOST_ISOLATION_RUNNER_OUTPUT_H_
