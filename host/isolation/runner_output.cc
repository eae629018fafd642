#include "host/isolation/runner_output.h"

#include <algorithm>

#include "host/common/log.h"
#include "host/isolation/frame.h"
#include "host/plugins/in_process_code.h"

namespace needlework::host::isolation {
namespace {

std::string CutLine(std::string line) {
  if (line.size() <= kMaxLineBytes) return line;
  line.resize(kMaxLineBytes);
  return line.append(kCutMarker);
}

}  // namespace

void LineSplitter::Feed(std::string_view bytes, const LineFunction& line) {
  while (!bytes.empty()) {
    size_t newline = bytes.find('\n');
    std::string_view part = bytes.substr(0, newline);
    if (!cutting_) pending_.append(part.substr(0, kMaxLineBytes + 1 - pending_.size()));
    if (newline == std::string_view::npos) {
      if (!cutting_ && pending_.size() > kMaxLineBytes) {
        line(CutLine(std::move(pending_)));
        pending_.clear();
        cutting_ = true;
      }
      return;
    }
    if (!cutting_) line(CutLine(std::move(pending_)));
    pending_.clear();
    cutting_ = false;
    bytes.remove_prefix(newline + 1);
  }
}

void LineSplitter::Finish(const LineFunction& line) {
  if (!cutting_ && !pending_.empty()) line(CutLine(std::move(pending_)));
  pending_.clear();
  cutting_ = false;
}

bool LineBudget::Take(Clock::time_point now) {
  std::chrono::duration<double> elapsed = now - refilled_;
  tokens_ = std::min<double>(kLineBurst, tokens_ + elapsed.count() * kLinesPerSecond);
  refilled_ = now;
  if (tokens_ >= 1) {
    tokens_ -= 1;
    return true;
  }
  ++dropped_;
  return false;
}

int64_t LineBudget::DroppedToReport(Clock::time_point now, bool force) {
  if (dropped_ == 0 || (!force && now - last_report_ < std::chrono::seconds(1))) return 0;
  last_report_ = now;
  return std::exchange(dropped_, 0);
}

RunnerOutput::RunnerOutput(std::string plugin_id, std::string clinic_id, size_t max_frame_bytes)
    : plugin_id_(std::move(plugin_id)),
      clinic_id_(std::move(clinic_id)),
      max_frame_bytes_(max_frame_bytes),
      budget_(LineBudget::Clock::now()) {}

void RunnerOutput::Stdout(std::string_view bytes) {
  std::lock_guard lock(mutex_);
  Lines(stdout_, "stdout", bytes);
}

void RunnerOutput::Stderr(std::string_view bytes) {
  std::lock_guard lock(mutex_);
  Lines(stderr_, "stderr", bytes);
}

Status RunnerOutput::LogFrame(std::string_view payload) {
  std::lock_guard lock(mutex_);
  return PluginLog(payload);
}

Status RunnerOutput::LogChannel(std::string_view bytes) {
  std::lock_guard lock(mutex_);
  log_bytes_.append(bytes);
  size_t used = 0;
  while (log_bytes_.size() - used >= kFrameHeaderSize) {
    NW_ASSIGN_OR_RETURN(FrameHeader header,
                        ParseHeader(log_bytes_.data() + used, max_frame_bytes_));
    if (header.kind != FrameKind::kLog) {
      return Status(StatusCode::kDataLoss, "a frame other than a log line on the log channel");
    }
    if (log_bytes_.size() - used < kFrameHeaderSize + header.size) break;
    NW_RETURN_IF_ERROR(
        PluginLog(std::string_view(log_bytes_).substr(used + kFrameHeaderSize, header.size)));
    used += kFrameHeaderSize + header.size;
  }
  log_bytes_.erase(0, used);
  return OkStatus();
}

void RunnerOutput::Finish() {
  std::lock_guard lock(mutex_);
  stdout_.Finish([this](std::string line) { Output("stdout", std::move(line)); });
  stderr_.Finish([this](std::string line) { Output("stderr", std::move(line)); });
  if (int64_t dropped = budget_.DroppedToReport(LineBudget::Clock::now(), true); dropped > 0) {
    LogEvent(Level::kWarning, "plugin_output_dropped",
             {{"plugin", plugin_id_}, {"clinic", clinic_id_}, {"dropped_lines", dropped}});
  }
}

void RunnerOutput::Lines(LineSplitter& splitter, std::string_view stream, std::string_view bytes) {
  splitter.Feed(bytes, [&](std::string line) { Output(stream, std::move(line)); });
}

void RunnerOutput::Output(std::string_view stream, std::string line) {
  if (!Admit()) return;
  LogEvent(stream == "stderr" ? Level::kWarning : Level::kInfo, "plugin_output",
           {{"plugin", plugin_id_},
            {"clinic", clinic_id_},
            {"stream", std::string(stream)},
            {"line", std::move(line)}});
}

Status RunnerOutput::PluginLog(std::string_view payload) {
  NW_ASSIGN_OR_RETURN(CodedMessage line, DecodeCoded(payload));
  if (!Admit()) return OkStatus();
  LogEvent(PluginLogLevel(line.code), "plugin_log",
           {{"plugin", plugin_id_},
            {"clinic", clinic_id_},
            {"message", CutLine(std::move(line.bytes))}});
  return OkStatus();
}

// Counts a line against the budget, and reports what was dropped once a second.
bool RunnerOutput::Admit() {
  auto now = LineBudget::Clock::now();
  bool admitted = budget_.Take(now);
  if (int64_t dropped = budget_.DroppedToReport(now, false); dropped > 0) {
    LogEvent(Level::kWarning, "plugin_output_dropped",
             {{"plugin", plugin_id_},
              {"clinic", clinic_id_},
              {"dropped_lines", dropped},
              {"limit", std::to_string(kLinesPerSecond) + " lines a second per runner"}});
  }
  return admitted;
}

}  // namespace needlework::host::isolation
