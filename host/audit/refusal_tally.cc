#include "host/audit/refusal_tally.h"

#include <nlohmann/json.hpp>

#include "host/common/log.h"

namespace needlework::host {
namespace {

constexpr int64_t kMicrosPerMinute = 60'000'000;
const char* const kOtherPeer = "(other)";

}  // namespace

RefusalTally::RefusalTally(Store& store, std::chrono::seconds period)
    : store_(store), period_(period), thread_([this] { Loop(); }) {}

RefusalTally::~RefusalTally() { Stop(); }

void RefusalTally::Add(const AuditRecord& record, const std::string& peer) {
  int64_t minute = record.at / kMicrosPerMinute * 60;
  Key key{minute, peer, record.outcome, record.rpc, record.token_id, record.clinic_id};
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = counts_.find(key);
  if (it == counts_.end() && counts_.size() >= kMaxKeys) {
    key = Key{minute, kOtherPeer, record.outcome, "", "", ""};
    it = counts_.find(key);
  }
  if (it == counts_.end()) it = counts_.emplace(key, Count{record, 0, 0}).first;
  ++it->second.count;
  it->second.last_at = record.at;
}

void RefusalTally::Append(const Key& key, Count& count) {
  AuditRecord record = count.first;
  if (std::get<1>(key) == kOtherPeer) record.rpc = record.token_id = record.clinic_id = "";
  record.detail = nlohmann::json{
      {"aggregated", true},
      {"count", count.count},
      {"peer", std::get<1>(key)},
      {"minute", std::get<0>(key)},
      {"last_at",
       count.last_at}}.dump();
  Status appended = store_.AppendAudit(record);
  if (appended.ok()) {
    count.count = 0;
    return;
  }
  LogEvent(Level::kError, "audit_append_failed",
           {{"rpc", record.rpc}, {"refusals", count.count}, {"status", appended.ToString()}});
}

void RefusalTally::Flush() {
  std::lock_guard<std::mutex> flushing(flush_mutex_);
  std::map<Key, Count> taken;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    taken.swap(counts_);
  }
  for (auto& [key, count] : taken) Append(key, count);
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& [key, count] : taken) {
    if (count.count == 0) continue;  // appended
    auto [it, fresh] = counts_.emplace(key, count);
    if (!fresh) it->second.count += count.count;  // keep the failed count for the next flush
  }
}

void RefusalTally::Loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, period_, [this] { return stopping_; });
    if (stopping_) break;
    lock.unlock();
    Flush();
    lock.lock();
  }
}

void RefusalTally::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  Flush();
}

}  // namespace needlework::host
