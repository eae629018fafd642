#include "host/runner/runner_server.h"

#include <thread>
#include <vector>

namespace needlework::host::runner {
namespace {

using isolation::FrameKind;
using isolation::FrameReader;

// A log message is cut here; the host cuts it further, marked, for its log.
constexpr size_t kMaxLogBytes = 8192;

// The connection this thread is serving a call on (-1: none). A plugin's log line written
// while serving a call goes there, ahead of the call's reply, so the host logs it before it
// answers, as in process; other log lines go on the log channel.
thread_local int t_serving_fd = -1;

std::string Reply(const StatusOr<std::string>& answer) {
  if (answer.ok()) return isolation::EncodeCoded(NW_OK, *answer);
  return isolation::EncodeCoded(static_cast<int32_t>(answer.status().code()),
                                answer.status().message());
}

// create_instance: the first frame on connection 0.
StatusOr<isolation::CreateMessage> ReadCreate(FrameReader& reader) {
  NW_ASSIGN_OR_RETURN(isolation::Frame frame, reader.Next());
  if (frame.kind != FrameKind::kCreate) return InvalidArgumentError("expected create_instance");
  return isolation::DecodeCreate(frame.payload);
}

}  // namespace

RunnerServer::RunnerServer(const isolation::RunnerArgs& args, StatusOr<LoadedPlugin> plugin)
    : args_(args), plugin_(std::move(plugin)) {}

int RunnerServer::Run() {
  FrameReader first(isolation::kFirstConnectionFd, args_.max_frame_bytes);
  if (int exit_code = CreateInstance(first); exit_code != kExitServed) return exit_code;
  std::vector<std::thread> threads;
  for (int i = 0; i < args_.connections; ++i) {
    int fd = isolation::kFirstConnectionFd + i;
    FrameReader reader = i == 0 ? std::move(first) : FrameReader(fd, args_.max_frame_bytes);
    threads.emplace_back(
        [this, fd, reader = std::move(reader)]() mutable { Serve(fd, std::move(reader)); });
  }
  for (auto& thread : threads) thread.join();
  code_.reset();  // destroy_instance: no call is running
  return kExitServed;
}

int RunnerServer::CreateInstance(FrameReader& reader) {
  const int fd = isolation::kFirstConnectionFd;
  StatusOr<isolation::CreateMessage> create = ReadCreate(reader);
  if (!create.ok()) return kExitHostGone;
  if (!plugin_.ok()) {
    (void)isolation::WriteFrame(fd, FrameKind::kRefusal, plugin_.status().message());
    return kExitRefused;
  }
  auto log = [this](int32_t level, std::string_view message) { Log(level, message); };
  t_serving_fd = fd;
  auto code = InProcessCode::Create(*plugin_, create->clinic_id, create->config_json, log);
  t_serving_fd = -1;
  if (!code.ok()) {
    (void)isolation::WriteFrame(fd, FrameKind::kReply, Reply(code.status()));
    return kExitNotCreated;
  }
  code_ = std::move(code).value();
  if (!isolation::WriteFrame(fd, FrameKind::kReply, Reply(std::string())).ok()) {
    return kExitHostGone;
  }
  return kExitServed;
}

void RunnerServer::Serve(int fd, FrameReader reader) const {
  t_serving_fd = fd;
  while (true) {
    StatusOr<isolation::Frame> frame = reader.Next();
    if (!frame.ok() || frame->kind != FrameKind::kInvoke) return;  // closed, or not the host
    StatusOr<isolation::InvokeMessage> invoke = isolation::DecodeInvoke(frame->payload);
    if (!invoke.ok()) return;
    auto hook = static_cast<needlework::plugin::v1::Hook>(invoke->hook);
    StatusOr<std::string> answer =
        code_->Invoke(hook, invoke->request, InProcessCode::Clock::time_point::max());
    if (!isolation::WriteFrame(fd, FrameKind::kReply, Reply(answer)).ok()) return;
  }
}

void RunnerServer::Log(int32_t level, std::string_view message) {
  std::string payload = isolation::EncodeCoded(level, message.substr(0, kMaxLogBytes));
  if (t_serving_fd >= 0) {
    (void)isolation::WriteFrame(t_serving_fd, FrameKind::kLog, payload);
    return;
  }
  std::lock_guard lock(log_mutex_);
  (void)isolation::WriteFrame(args_.log_fd(), FrameKind::kLog, payload);
}

}  // namespace needlework::host::runner
