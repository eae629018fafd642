#include "bench/driver/child_process.h"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

namespace needlework::bench {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Waits up to `timeout` for `pid` to exit; its exit code, or -1 while it still runs.
int WaitFor(pid_t pid, std::chrono::milliseconds timeout) {
  auto until = std::chrono::steady_clock::now() + timeout;
  do {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  } while (std::chrono::steady_clock::now() < until);
  return -1;
}

[[noreturn]] void ExecChild(const std::vector<std::string>& argv, const std::string& log_path,
                            const std::vector<int>& cpus) {
  PinCurrentProcess(cpus);
  int log = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (log >= 0) {
    ::dup2(log, STDOUT_FILENO);
    ::dup2(log, STDERR_FILENO);
  }
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  ::execv(args[0], args.data());
  ::_exit(127);
}

}  // namespace

void PinCurrentProcess(const std::vector<int>& cpus) {
  if (cpus.empty()) return;
  cpu_set_t set;
  CPU_ZERO(&set);
  for (int cpu : cpus) CPU_SET(cpu, &set);
  ::sched_setaffinity(0, sizeof(set), &set);
}

StatusOr<ChildProcess> ChildProcess::Start(const std::vector<std::string>& argv,
                                           const std::string& log_path,
                                           const std::string& ready_file,
                                           const std::vector<int>& cpus) {
  ::unlink(ready_file.c_str());
  ChildProcess child;
  child.pid_ = ::fork();
  if (child.pid_ < 0) return InternalError("fork failed");
  if (child.pid_ == 0) ExecChild(argv, log_path, cpus);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    std::string ready = ReadFile(ready_file);
    if (!ready.empty() && ready.back() == '\n') {
      child.address_ = ready.substr(0, ready.size() - 1);
      return child;
    }
    if (WaitFor(child.pid_, std::chrono::milliseconds(20)) >= 0) {
      child.pid_ = -1;
      return InternalError(argv[0] + " exited during start-up; see " + log_path);
    }
  }
  return DeadlineExceededError(argv[0] + " did not become ready within 60 s; see " + log_path);
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
  int code = WaitFor(pid_, std::chrono::seconds(20));
  if (code < 0) {
    ::kill(pid_, SIGKILL);
    code = WaitFor(pid_, std::chrono::seconds(5));
  }
  pid_ = -1;
  return code;
}

int64_t ResidentKiB(pid_t pid, const std::string& field) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(field + ":", 0) == 0) return std::stoll(line.substr(field.size() + 1));
  }
  return 0;
}

}  // namespace needlework::bench
