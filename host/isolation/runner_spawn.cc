#include "host/isolation/runner_spawn.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace needlework::host::isolation {
namespace {

Status Failed(const std::string& what, int error) {
  return UnavailableError(what + ": " + std::strerror(error));
}

// Moves a child's end above every fixed descriptor of the child, so that no dup2 in the
// child can overwrite another end before it is placed.
StatusOr<UniqueFd> Lift(const UniqueFd& fd, int above) {
  int lifted = ::fcntl(fd.get(), F_DUPFD_CLOEXEC, above);
  if (lifted < 0) return Failed("fcntl(F_DUPFD_CLOEXEC)", errno);
  return UniqueFd(lifted);
}

// The host's and the child's ends; child[target] goes to descriptor `target` in the child.
struct Ends {
  SpawnedRunner host;
  std::vector<UniqueFd> child;
};

Status MakeSocket(Ends& ends, int target, UniqueFd& host_end) {
  int pair[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
    return Failed("socketpair", errno);
  }
  host_end.Reset(pair[0]);
  UniqueFd child_end(pair[1]);
  NW_ASSIGN_OR_RETURN(ends.child[target], Lift(child_end, static_cast<int>(ends.child.size())));
  return OkStatus();
}

Status MakePipe(Ends& ends, int target, UniqueFd& host_end) {
  int pipe[2];
  if (::pipe2(pipe, O_CLOEXEC) != 0) return Failed("pipe2", errno);
  host_end.Reset(pipe[0]);
  UniqueFd child_end(pipe[1]);
  NW_ASSIGN_OR_RETURN(ends.child[target], Lift(child_end, static_cast<int>(ends.child.size())));
  return OkStatus();
}

StatusOr<Ends> MakeEnds(const RunnerArgs& args) {
  Ends ends;
  ends.child.resize(static_cast<size_t>(args.log_fd()) + 1);
  ends.host.connections.resize(static_cast<size_t>(args.connections));
  for (int i = 0; i < args.connections; ++i) {
    NW_RETURN_IF_ERROR(MakeSocket(ends, kFirstConnectionFd + i, ends.host.connections[i]));
  }
  NW_RETURN_IF_ERROR(MakeSocket(ends, args.log_fd(), ends.host.log));
  NW_RETURN_IF_ERROR(MakePipe(ends, STDOUT_FILENO, ends.host.out));
  NW_RETURN_IF_ERROR(MakePipe(ends, STDERR_FILENO, ends.host.err));
  return ends;
}

// posix_spawn's file actions and attributes, freed on every path.
class SpawnSettings {
 public:
  explicit SpawnSettings(const std::vector<UniqueFd>& child) {
    posix_spawn_file_actions_init(&actions_);
    for (size_t target = 1; target < child.size(); ++target) {
      posix_spawn_file_actions_adddup2(&actions_, child[target].get(), static_cast<int>(target));
    }
    posix_spawn_file_actions_addopen(&actions_, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addclosefrom_np(&actions_, static_cast<int>(child.size()));
    posix_spawnattr_init(&attributes_);
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attributes_, &none);
    posix_spawnattr_setsigdefault(&attributes_, &all);
    posix_spawnattr_setpgroup(&attributes_, 0);
    posix_spawnattr_setflags(
        &attributes_, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);
  }
  ~SpawnSettings() {
    posix_spawn_file_actions_destroy(&actions_);
    posix_spawnattr_destroy(&attributes_);
  }
  SpawnSettings(const SpawnSettings&) = delete;
  SpawnSettings& operator=(const SpawnSettings&) = delete;

  const posix_spawn_file_actions_t* actions() const { return &actions_; }
  const posix_spawnattr_t* attributes() const { return &attributes_; }

 private:
  posix_spawn_file_actions_t actions_;
  posix_spawnattr_t attributes_;
};

}  // namespace

StatusOr<SpawnedRunner> SpawnRunner(const std::string& runner, const RunnerArgs& args) {
  NW_ASSIGN_OR_RETURN(Ends ends, MakeEnds(args));
  std::vector<std::string> argv = RunnerArgv(args);
  argv.insert(argv.begin(), runner);
  std::vector<char*> pointers;
  for (std::string& arg : argv) pointers.push_back(arg.data());
  pointers.push_back(nullptr);
  SpawnSettings settings(ends.child);
  pid_t pid = 0;
  int error = ::posix_spawn(&pid, runner.c_str(), settings.actions(), settings.attributes(),
                            pointers.data(), environ);
  if (error != 0) return Failed("cannot start the plugin runner " + runner, error);
  ends.host.pid = pid;
  // By system call: bookworm's <sys/pidfd.h> declares pidfd_open without C linkage.
  ends.host.pidfd.Reset(static_cast<int>(::syscall(SYS_pidfd_open, pid, 0)));
  if (!ends.host.pidfd.valid()) {
    error = errno;
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    return Failed("pidfd_open", error);
  }
  return std::move(ends.host);
}

}  // namespace needlework::host::isolation
