#include "isolated_call.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>

#include "needlework/status.h"

namespace needlework::conformance {
namespace {

using Clock = std::chrono::steady_clock;

// The fixed-size part of what the child sends back; `size` bytes of answer follow.
struct Record {
  int32_t fate;
  int32_t code;
  int64_t micros;
  int32_t writes;
  uint32_t size;
};

void Append(void* context, const uint8_t* data, size_t size) {
  auto* self = static_cast<CallResult*>(context);
  self->bytes.append(reinterpret_cast<const char*>(data), size);
  ++self->writes;
}

bool WriteAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t n = write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

// In the child: makes the call, sends the result, and leaves without running destructors
// or atexit handlers (they belong to the parent).
[[noreturn]] void ServeChild(const PluginCall& call, int fd) {
  CallResult result;
  nw_sink sink{&result, &Append};
  auto start = Clock::now();
  try {
    result.code = call(&sink);
    result.fate = CallResult::Fate::kReturned;
  } catch (const std::exception& e) {
    result.fate = CallResult::Fate::kThrew;
    result.bytes = std::string("an exception escaped through the C ABI: ") + e.what();
  } catch (...) {
    result.fate = CallResult::Fate::kThrew;
    result.bytes = "a non-standard exception escaped through the C ABI";
  }
  result.micros =
      std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count();
  Record record{static_cast<int32_t>(result.fate), result.code, result.micros, result.writes,
                static_cast<uint32_t>(result.bytes.size())};
  bool sent = WriteAll(fd, reinterpret_cast<const char*>(&record), sizeof(record)) &&
              WriteAll(fd, result.bytes.data(), result.bytes.size());
  std::fflush(nullptr);
  _exit(sent ? 0 : 3);
}

// Reads everything the child sends until it closes the pipe or `deadline` passes.
bool ReadUntilClosed(int fd, Clock::time_point deadline, std::string* data) {
  char buffer[4096];
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return false;
    pollfd waiting{fd, POLLIN, 0};
    int ready = poll(&waiting, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return false;
    ssize_t n = read(fd, buffer, sizeof(buffer));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return true;
    data->append(buffer, static_cast<size_t>(n));
  }
}

std::string DescribeExit(int status) {
  if (WIFSIGNALED(status)) {
    int signal = WTERMSIG(status);
    return "crashed: killed by signal " + std::to_string(signal) + " (" + strsignal(signal) + ")";
  }
  return "crashed: the process exited with status " + std::to_string(WEXITSTATUS(status)) +
         " in the middle of the call";
}

// The parent's side: collects the child's record and its exit status.
CallResult Collect(pid_t child, int fd, std::chrono::milliseconds timeout) {
  CallResult result;
  std::string data;
  bool closed = ReadUntilClosed(fd, Clock::now() + timeout, &data);
  if (!closed) kill(child, SIGKILL);
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  Record record{};
  if (!closed) {
    result.fate = CallResult::Fate::kHung;
    result.failure = "hung: no answer within " + std::to_string(timeout.count()) + " ms";
  } else if (data.size() < sizeof(record) || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    result.failure = DescribeExit(status);
  } else {
    std::memcpy(&record, data.data(), sizeof(record));
    result.fate = static_cast<CallResult::Fate>(record.fate);
    result.code = record.code;
    result.micros = record.micros;
    result.writes = record.writes;
    result.bytes = data.substr(sizeof(record), record.size);
    if (result.fate == CallResult::Fate::kThrew) result.failure = result.bytes;
  }
  return result;
}

}  // namespace

std::string CallResult::Describe() const {
  if (!returned()) return failure;
  if (code == kNoInstance) return "create_instance returned OK but set no instance";
  if (code == NW_OK) return "OK";
  return std::string(StatusCodeName(static_cast<StatusCode>(code))) + " (" + std::to_string(code) +
         "): " + bytes;
}

std::string CallResult::AbiProblem() const {
  if (!returned()) return failure;
  if (code == kNoInstance) return Describe();
  if (code < NW_OK || code > NW_UNAUTHENTICATED) {
    return "returned " + std::to_string(code) + ", which is no ABI status code";
  }
  if (writes > 1) return "wrote to its sink " + std::to_string(writes) + " times (at most once)";
  if (code != NW_OK && bytes.empty()) {
    return "returned " + std::string(StatusCodeName(static_cast<StatusCode>(code))) +
           " without a message";
  }
  return "";
}

CallResult RunIsolated(const PluginCall& call, std::chrono::milliseconds timeout) {
  int fds[2];
  if (pipe(fds) != 0) {
    CallResult result;
    result.failure = std::string("could not isolate the call: pipe: ") + std::strerror(errno);
    return result;
  }
  std::fflush(nullptr);  // what the parent buffered must not be written twice
  pid_t child = fork();
  if (child == 0) {
    close(fds[0]);
    ServeChild(call, fds[1]);
  }
  close(fds[1]);
  CallResult result;
  if (child < 0) {
    result.failure = std::string("could not isolate the call: fork: ") + std::strerror(errno);
  } else {
    result = Collect(child, fds[0], timeout);
  }
  close(fds[0]);
  return result;
}

}  // namespace needlework::conformance
