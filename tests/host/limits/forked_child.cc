#include "host/limits/forked_child.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace needlework::testing {
namespace {

// The wait status of a child that never ran: as if it had exited 255.
constexpr int kNotRun = 255 << 8;

// Reads `fd` until end of file or `deadline`; false at the deadline.
bool ReadAll(int fd, std::chrono::steady_clock::time_point deadline, std::string& out) {
  char buffer[4096];
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd ready{fd, POLLIN, 0};
    int polled = ::poll(&ready, 1, static_cast<int>(left.count()));
    if (polled < 0 && errno == EINTR) continue;
    if (polled <= 0) return false;
    ssize_t got = ::read(fd, buffer, sizeof(buffer));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return true;
    out.append(buffer, static_cast<size_t>(got));
  }
}

}  // namespace

bool ChildOutcome::ExitedWith(int code) const {
  return WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == code;
}

bool ChildOutcome::KilledBy(int signal) const {
  return WIFSIGNALED(wait_status) && WTERMSIG(wait_status) == signal;
}

std::string ChildOutcome::Describe() const {
  std::string how = WIFEXITED(wait_status)
                        ? "exited " + std::to_string(WEXITSTATUS(wait_status))
                        : std::string("killed by SIG") + ::sigabbrev_np(WTERMSIG(wait_status));
  return how + "; it said:\n" + output;
}

void ChildPipe::Say(std::string_view line) const {
  std::string text = std::string(line) + "\n";
  ssize_t ignored = ::write(fd_, text.data(), text.size());
  (void)ignored;
}

std::string Result(long result) {
  if (result >= 0) return "ok";
  const char* name = ::strerrorname_np(errno);
  return name != nullptr ? name : "errno " + std::to_string(errno);
}

ChildOutcome RunInChild(const std::function<int(const ChildPipe&)>& body,
                        std::chrono::seconds timeout) {
  int ends[2];
  if (::pipe2(ends, O_CLOEXEC) != 0) return {kNotRun, "pipe2 failed"};
  pid_t pid = ::fork();
  if (pid == 0) {
    ::close(ends[0]);
    ::_exit(body(ChildPipe(ends[1])));
  }
  ::close(ends[1]);
  if (pid < 0) return {kNotRun, "fork failed"};
  ChildOutcome outcome;
  outcome.pid = pid;
  bool finished = ReadAll(ends[0], std::chrono::steady_clock::now() + timeout, outcome.output);
  ::close(ends[0]);
  if (!finished) {
    ::kill(pid, SIGKILL);
    outcome.output += "timed out\n";
  }
  ::waitpid(pid, &outcome.wait_status, 0);
  return outcome;
}

}  // namespace needlework::testing
