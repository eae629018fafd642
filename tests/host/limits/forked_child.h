// Runs test code in a forked child process, for limits that cannot be undone once applied
// (rlimits, capabilities, seccomp). The child reports lines through a pipe; the parent gets
// them with the child's exit status, and makes its assertions on those.
#ifndef NEEDLEWORK_TESTS_HOST_LIMITS_FORKED_CHILD_H_
#define NEEDLEWORK_TESTS_HOST_LIMITS_FORKED_CHILD_H_

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

namespace needlework::testing {

// What the child reported, one line per Say(), and how it ended.
struct ChildOutcome {
  int wait_status = 0;
  std::string output;
  pid_t pid = -1;  // the child's, once it ran

  bool ExitedWith(int code) const;
  bool KilledBy(int signal) const;
  // "exited 0", "killed by SIGSYS" or "timed out", then the output: for failure messages.
  std::string Describe() const;
};

// The child's end of the pipe.
class ChildPipe {
 public:
  explicit ChildPipe(int fd) : fd_(fd) {}
  // Writes `line` and a newline in one write(2) (lines of any thread never interleave).
  void Say(std::string_view line) const;

 private:
  int fd_;
};

// "ok" when `result` is not negative, else the name of errno ("EPERM", ...): what a system
// call did, for a Say() line.
std::string Result(long result);

// Forks; the child runs `body(pipe)` and leaves with _exit(its return value), so no atexit
// handler or static destructor of the test runs in it. The parent reads what the child says
// until it exits, for at most `timeout`, after which the child is killed (wait_status then
// says SIGKILL and output ends with "timed out").
ChildOutcome RunInChild(const std::function<int(const ChildPipe&)>& body,
                        std::chrono::seconds timeout = std::chrono::seconds(60));

}  // namespace needlework::testing

#endif  // NEEDLEWORK_TESTS_HOST_LIMITS_FORKED_CHILD_H_
