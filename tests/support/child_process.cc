#include "support/child_process.h"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "support/temp_dir.h"

namespace needlework::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

void RedirectTo(const std::string& path, int fd) {
  if (path.empty()) return;
  int file = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (file < 0) return;
  ::dup2(file, fd);
  ::close(file);
}

[[noreturn]] void ExecChild(const std::vector<std::string>& argv, const SpawnOptions& options) {
  PinCurrentProcess(options.cpus);
  RedirectTo(options.stdout_path, STDOUT_FILENO);
  RedirectTo(options.stderr_path, STDERR_FILENO);
  for (const auto& [name, value] : options.env) ::setenv(name.c_str(), value.c_str(), 1);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  ::execv(args[0], args.data());
  ::_exit(127);
}

// The ready file's first line once it holds a whole one; empty before.
std::string ReadyLine(const std::string& ready_file) {
  std::string ready = ReadWholeFile(ready_file);
  auto end = ready.find('\n');
  return end == std::string::npos ? std::string() : ready.substr(0, end);
}

std::string LogHint(const SpawnOptions& options) {
  return options.stderr_path.empty() ? std::string() : "; see " + options.stderr_path;
}

}  // namespace

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

int WaitForExit(pid_t pid, milliseconds timeout) {
  auto until = std::chrono::steady_clock::now() + timeout;
  do {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(milliseconds(10));
  } while (std::chrono::steady_clock::now() < until);
  return -1;
}

void PinCurrentProcess(const std::vector<int>& cpus) {
  if (cpus.empty()) return;
  cpu_set_t set;
  CPU_ZERO(&set);
  for (int cpu : cpus) CPU_SET(cpu, &set);
  ::sched_setaffinity(0, sizeof(set), &set);
}

pid_t SpawnProcess(const std::vector<std::string>& argv, const SpawnOptions& options) {
  pid_t pid = ::fork();
  if (pid == 0) ExecChild(argv, options);
  return pid;
}

int RunProcess(const std::vector<std::string>& argv, milliseconds timeout, std::string* out,
               std::string* err, const std::vector<std::pair<std::string, std::string>>& env) {
  TempDir dir;
  SpawnOptions options;
  options.stdout_path = dir.File("out");
  options.stderr_path = dir.File("err");
  options.env = env;
  pid_t pid = SpawnProcess(argv, options);
  if (pid < 0) return -1;
  int code = WaitForExit(pid, timeout);
  if (code < 0) {
    ::kill(pid, SIGKILL);
    WaitForExit(pid, seconds(5));
  }
  if (out != nullptr) *out = ReadWholeFile(options.stdout_path);
  if (err != nullptr) *err = ReadWholeFile(options.stderr_path);
  return code;
}

StatusOr<ChildProcess> ChildProcess::Start(const std::vector<std::string>& argv,
                                           const SpawnOptions& options,
                                           const std::string& ready_file, milliseconds timeout) {
  ::unlink(ready_file.c_str());
  ChildProcess child;
  child.pid_ = SpawnProcess(argv, options);
  if (child.pid_ < 0) return InternalError("fork failed for " + argv[0]);
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    child.address_ = ReadyLine(ready_file);
    if (!child.address_.empty()) return child;
    if (WaitForExit(child.pid_, milliseconds(20)) >= 0) {
      child.pid_ = -1;
      return InternalError(argv[0] + " exited during start-up" + LogHint(options));
    }
  }
  return DeadlineExceededError(argv[0] + " did not become ready in time" + LogHint(options));
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(other.pid_), address_(std::move(other.address_)) {
  other.pid_ = -1;
}

ChildProcess& ChildProcess::operator=(ChildProcess&& other) noexcept {
  if (this != &other) {
    Stop();
    pid_ = other.pid_;
    address_ = std::move(other.address_);
    other.pid_ = -1;
  }
  return *this;
}

ChildProcess::~ChildProcess() { Stop(); }

int ChildProcess::Stop() {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  int code = WaitForExit(pid_, seconds(20));
  if (code < 0) {
    ::kill(pid_, SIGKILL);
    code = WaitForExit(pid_, seconds(5));
  }
  pid_ = -1;
  return code;
}

void ChildProcess::Kill() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  WaitForExit(pid_, seconds(10));
  pid_ = -1;
}

int64_t ResidentKiB(pid_t pid, const std::string& field) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(field + ":", 0) == 0) return std::stoll(line.substr(field.size() + 1));
  }
  return 0;
}

}  // namespace needlework::testing
