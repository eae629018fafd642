#include "bench/load/load_generator.h"

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace needlework::bench {
namespace {

using Clock = std::chrono::steady_clock;

Clock::duration Seconds(double s) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}

// One outstanding call at a time; its callbacks never overlap, so it needs no lock.
struct Slot {
  std::unique_ptr<grpc::ClientContext> context;
  grpc::ByteBuffer response;
  Clock::time_point started;
  size_t request = 0;
  grpc::GenericStub* stub = nullptr;
  std::vector<int64_t> latencies_ns;
  int64_t ok = 0, errors = 0, warmup = 0;
  std::map<int, int64_t> errors_by_code;
  Clock::time_point last_counted;
};

class Run {
 public:
  explicit Run(const LoadSpec& spec) : spec_(spec), slots_(std::max(spec.in_flight, 1)) {
    for (const auto& bytes : spec.requests) {
      grpc::Slice slice(bytes);
      requests_.emplace_back(&slice, 1);
    }
    if (spec.keep_responses) responses_.resize(spec.requests.size());
    for (int i = 0; i < std::max(spec.channels, 1); ++i) {
      grpc::ChannelArguments args;
      args.SetInt("needlework.bench.channel", i);  // a distinct arg: a separate connection
      args.SetMaxReceiveMessageSize(-1);
      stubs_.push_back(std::make_unique<grpc::GenericStub>(
          grpc::CreateCustomChannel(spec.address, grpc::InsecureChannelCredentials(), args)));
    }
  }

  LoadResult Execute() {
    start_ = Clock::now();
    warmup_end_ = start_ + Seconds(spec_.warmup_seconds);
    end_ = warmup_end_ + Seconds(spec_.duration_seconds);
    active_ = static_cast<int>(slots_.size());
    for (size_t i = 0; i < slots_.size(); ++i) {
      slots_[i].stub = stubs_[i % stubs_.size()].get();
      if (!Issue(slots_[i])) Retire();
    }
    std::unique_lock lock(mutex_);
    done_.wait(lock, [this] { return active_ == 0; });
    return Collect();
  }

 private:
  // Starts the slot's next call; false when there is nothing left to send.
  bool Issue(Slot& slot) {
    if (spec_.requests.empty() || Clock::now() >= end_) return false;
    size_t index = next_.fetch_add(1);
    if (!spec_.cycle && index >= requests_.size()) return false;
    slot.request = index % requests_.size();
    slot.context = std::make_unique<grpc::ClientContext>();
    if (!spec_.token.empty()) slot.context->AddMetadata("authorization", "Bearer " + spec_.token);
    slot.context->set_deadline(std::chrono::system_clock::now() + Seconds(spec_.deadline_seconds));
    slot.response.Clear();
    slot.started = Clock::now();
    slot.stub->UnaryCall(slot.context.get(), spec_.method, grpc::StubOptions(),
                         &requests_[slot.request], &slot.response,
                         [this, &slot](grpc::Status status) { OnDone(slot, status); });
    return true;
  }

  void OnDone(Slot& slot, const grpc::Status& status) {
    auto now = Clock::now();
    Count(slot, status, now);
    if (!Issue(slot)) Retire();
  }

  void Count(Slot& slot, const grpc::Status& status, Clock::time_point now) {
    if (!status.ok()) NoteError(status);
    if (spec_.keep_responses && status.ok()) Keep(slot);
    if (now < warmup_end_) {
      ++slot.warmup;
      return;
    }
    if (now > end_) return;
    slot.last_counted = now;
    if (!status.ok()) {
      ++slot.errors;
      ++slot.errors_by_code[status.error_code()];
      return;
    }
    ++slot.ok;
    slot.latencies_ns.push_back(
        std::chrono::duration_cast<std::chrono::nanoseconds>(now - slot.started).count());
  }

  void Keep(Slot& slot) {
    grpc::Slice flat;
    if (slot.response.TrySingleSlice(&flat).ok() || slot.response.DumpToSingleSlice(&flat).ok()) {
      responses_[slot.request].assign(reinterpret_cast<const char*>(flat.begin()), flat.size());
    }
  }

  void NoteError(const grpc::Status& status) {
    std::lock_guard lock(mutex_);
    if (first_error_.empty()) {
      first_error_ = std::to_string(status.error_code()) + ": " + status.error_message();
    }
  }

  void Retire() {
    std::lock_guard lock(mutex_);
    if (--active_ == 0) done_.notify_all();
  }

  LoadResult Collect();

  const LoadSpec& spec_;
  std::vector<grpc::ByteBuffer> requests_;
  std::vector<std::unique_ptr<grpc::GenericStub>> stubs_;
  std::vector<Slot> slots_;
  std::vector<std::string> responses_;
  std::atomic<size_t> next_{0};
  Clock::time_point start_, warmup_end_, end_;
  std::mutex mutex_;
  std::condition_variable done_;
  int active_ = 0;
  std::string first_error_;
};

LoadResult Run::Collect() {
  LoadResult result;
  std::vector<int64_t> latencies;
  Clock::time_point last = warmup_end_;
  for (auto& slot : slots_) {
    result.ok += slot.ok;
    result.errors += slot.errors;
    result.warmup_calls += slot.warmup;
    for (auto [code, n] : slot.errors_by_code) result.errors_by_code[code] += n;
    latencies.insert(latencies.end(), slot.latencies_ns.begin(), slot.latencies_ns.end());
    last = std::max(last, slot.last_counted);
  }
  // Cycling runs cover the whole window; a run that ran out of requests ends at its last call.
  Clock::time_point window_end = spec_.cycle ? end_ : std::min(end_, last);
  result.seconds = std::chrono::duration<double>(window_end - warmup_end_).count();
  result.calls_per_second = result.seconds > 0 ? result.ok / result.seconds : 0;
  result.p50_us = Quantile(latencies, 0.5) / 1000;
  result.p99_us = Quantile(latencies, 0.99) / 1000;
  result.p999_us = Quantile(latencies, 0.999) / 1000;
  result.max_us = Quantile(latencies, 1.0) / 1000;
  result.first_error = first_error_;
  result.responses = std::move(responses_);
  return result;
}

}  // namespace

double Quantile(std::vector<int64_t>& values, double q) {
  if (values.empty()) return 0;
  size_t rank = std::min(values.size() - 1, static_cast<size_t>(q * (values.size() - 1) + 0.5));
  std::nth_element(values.begin(), values.begin() + static_cast<long>(rank), values.end());
  return static_cast<double>(values[rank]);
}

LoadResult RunLoad(const LoadSpec& spec) { return Run(spec).Execute(); }

}  // namespace needlework::bench
