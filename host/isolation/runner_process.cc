#include "host/isolation/runner_process.h"

#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>

namespace needlework::host::isolation {
namespace {

// How long a call that saw its connection close waits for the runner to be seen dead (it
// usually is: a dying process closes its sockets just before it becomes a zombie), and then
// for the supervisor to say how it ended.
constexpr std::chrono::milliseconds kDyingWait{250};
constexpr std::chrono::milliseconds kReasonWait{1000};
// A runner's message (a refusal) is cut to this many bytes.
constexpr size_t kMaxReasonBytes = 2000;

void WaitForPidfd(int pidfd, std::chrono::milliseconds wait) {
  pollfd polled{pidfd, POLLIN, 0};
  ::poll(&polled, 1, static_cast<int>(wait.count()));
}

std::string Cause(const Status& failure, std::string_view hook_name) {
  std::string hook(hook_name);
  switch (failure.code()) {
    case StatusCode::kDeadlineExceeded:
      return "deadline exceeded in " + hook;
    case StatusCode::kDataLoss:
      return "sent a malformed answer to " + hook + " (" + failure.message() + ")";
    default:
      return "closed its connection during " + hook + " (" + failure.message() + ")";
  }
}

std::string Cut(std::string text) {
  if (text.size() > kMaxReasonBytes) text.resize(kMaxReasonBytes);
  return text;
}

StatusOr<CodedMessage> ToReply(const Frame& frame) {
  if (frame.kind != FrameKind::kReply) {
    return Status(StatusCode::kDataLoss, "a frame of kind " +
                                             std::to_string(static_cast<int>(frame.kind)) +
                                             " where a reply was due");
  }
  return DecodeCoded(frame.payload);
}

}  // namespace

RunnerProcess::RunnerProcess(SpawnedRunner spawned, size_t max_frame_bytes,
                             const std::string& plugin_id, const std::string& clinic_id)
    : spawned_(std::move(spawned)),
      max_frame_bytes_(max_frame_bytes),
      output_(plugin_id, clinic_id, max_frame_bytes) {
  for (size_t i = 0; i < spawned_.connections.size(); ++i) {
    readers_.emplace_back(spawned_.connections[i].get(), max_frame_bytes);
    idle_.push_back(static_cast<int>(spawned_.connections.size() - 1 - i));
  }
}

StatusOr<CodedMessage> RunnerProcess::Create(const CreateMessage& create,
                                             Clock::time_point deadline) {
  StatusOr<Frame> frame = Exchange(0, FrameKind::kCreate, EncodeCreate(create), deadline);
  if (frame.ok() && frame->kind == FrameKind::kRefusal) {
    return FailedPreconditionError(Cut(std::move(frame->payload)));
  }
  StatusOr<CodedMessage> reply = frame.ok() ? ToReply(*frame) : frame.status();
  if (!reply.ok()) return Failed(reply.status(), "create_instance", false);
  return reply;
}

StatusOr<CodedMessage> RunnerProcess::Call(uint32_t hook, std::string_view hook_name,
                                           std::string_view request, Clock::time_point deadline) {
  std::string payload = EncodeInvoke(hook, request);
  if (payload.size() > max_frame_bytes_) {
    return Status(StatusCode::kResourceExhausted, "cannot take a request of " +
                                                      std::to_string(request.size()) +
                                                      " bytes (over max_message_bytes)");
  }
  NW_ASSIGN_OR_RETURN(int connection, Checkout());
  StatusOr<Frame> frame = Exchange(connection, FrameKind::kInvoke, payload, deadline);
  StatusOr<CodedMessage> reply = frame.ok() ? ToReply(*frame) : frame.status();
  if (!reply.ok()) return Failed(reply.status(), hook_name, true);  // the connection is lost
  Return(connection);
  return reply;
}

StatusOr<Frame> RunnerProcess::Exchange(int connection, FrameKind kind, std::string_view payload,
                                        Clock::time_point deadline) {
  NW_RETURN_IF_ERROR(WriteFrame(spawned_.connections[connection].get(), kind, payload));
  while (true) {
    NW_ASSIGN_OR_RETURN(Frame frame, readers_[connection].Next(deadline));
    if (frame.kind != FrameKind::kLog) return frame;
    NW_RETURN_IF_ERROR(output_.LogFrame(frame.payload));  // logged before the reply
  }
}

Status RunnerProcess::Failed(const Status& failure, std::string_view hook_name, bool await_reason) {
  if (failure.code() == StatusCode::kUnavailable) WaitForPidfd(pidfd(), kDyingWait);
  std::string cause = Cause(failure, hook_name);
  Kill(cause);
  std::string reason = await_reason ? WaitForExit(kReasonWait) : "";
  if (reason.empty()) reason = kill_reason().empty() ? cause : kill_reason();
  auto code = failure.code() == StatusCode::kDeadlineExceeded ? StatusCode::kDeadlineExceeded
                                                              : StatusCode::kUnavailable;
  return Status(code, reason);
}

StatusOr<int> RunnerProcess::Checkout() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return killed_ || shut_down_ || exited_ || !idle_.empty(); });
  if (exited_) return UnavailableError(exit_reason_);
  if (killed_) return UnavailableError(kill_reason_.empty() ? "killed" : kill_reason_);
  if (shut_down_) return UnavailableError("the runner is being stopped");
  int connection = idle_.back();
  idle_.pop_back();
  return connection;
}

void RunnerProcess::Return(int connection) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(connection);
  }
  changed_.notify_one();
}

// True once the runner has exited, reaped or not: a runner the supervisor already reaped
// (waitid fails with ECHILD) must not count as alive, or a call's Kill racing the reap would
// name the death by the call's reason instead of by how the runner died.
bool RunnerProcess::ExitedNow() const {
  siginfo_t info{};
  if (::waitid(static_cast<idtype_t>(P_PIDFD), static_cast<id_t>(pidfd()), &info,
               WEXITED | WNOHANG | WNOWAIT) != 0) {
    return errno == ECHILD;
  }
  return info.si_pid != 0;
}

void RunnerProcess::Kill(const std::string& reason) {
  {
    std::lock_guard lock(mutex_);
    if (!killed_ && !exited_ && !ExitedNow()) kill_reason_ = reason;
    killed_ = true;
  }
  ::syscall(SYS_pidfd_send_signal, pidfd(), SIGKILL, nullptr, 0);
  changed_.notify_all();
}

void RunnerProcess::Shutdown() {
  {
    std::lock_guard lock(mutex_);
    shut_down_ = true;
  }
  for (const UniqueFd& connection : spawned_.connections) ::shutdown(connection.get(), SHUT_RDWR);
  changed_.notify_all();
}

void RunnerProcess::SetExited(const std::string& reason) {
  {
    std::lock_guard lock(mutex_);
    exited_ = true;
    exit_reason_ = reason;
  }
  changed_.notify_all();
}

std::string RunnerProcess::kill_reason() const {
  std::lock_guard lock(mutex_);
  return kill_reason_;
}

std::string RunnerProcess::WaitForExit(std::chrono::milliseconds wait) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, wait, [this] { return exited_; });
  return exit_reason_;
}

}  // namespace needlework::host::isolation
