// Refused calls, recorded in the audit log without a commit per call.
//
// A flood of calls with no token or a bad one must not cost a disk flush each (issue 15).
// The interceptor hands each refused call of an audited RPC (UNAUTHENTICATED,
// PERMISSION_DENIED, and RESOURCE_EXHAUSTED from the refusal limit) to Add, which only
// counts it in memory under (peer, minute, outcome, rpc, token, clinic). Once a minute, and
// at Stop, each count becomes one audit record through Store::AppendAudit: the record of
// the first call of that key in that minute, with `detail`
// {"aggregated":true,"count":N,"peer":"...","minute":<Unix seconds>,"last_at":<micros>}.
// A crash loses at most the last minute's counts, never a record of an allowed call.
// Memory is bounded: past kMaxKeys keys in one flush period, further refusals are counted
// under one key per (minute, outcome) with peer "(other)".
#ifndef NEEDLEWORK_HOST_AUDIT_REFUSAL_TALLY_H_
#define NEEDLEWORK_HOST_AUDIT_REFUSAL_TALLY_H_

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <tuple>

#include "host/storage/store.h"

namespace needlework::host {

class RefusalTally {
 public:
  static constexpr size_t kMaxKeys = 10'000;

  // `store`: not owned, outlives this. Starts the thread that flushes every `period`.
  explicit RefusalTally(Store& store, std::chrono::seconds period = std::chrono::seconds(60));
  ~RefusalTally();  // Stop()
  RefusalTally(const RefusalTally&) = delete;
  RefusalTally& operator=(const RefusalTally&) = delete;

  // Counts `record` (its rpc, outcome, token_id, clinic_id, at and object_ref are read)
  // as a refusal from `peer`. Never touches the disk.
  void Add(const AuditRecord& record, const std::string& peer);
  // Appends one record per counted key and clears the counts. A failed append is logged and
  // its count kept for the next flush.
  void Flush();
  // Stops the flush thread and flushes what is left; idempotent.
  void Stop();

 private:
  // (minute, peer, outcome, rpc, token_id, clinic_id)
  using Key = std::tuple<int64_t, std::string, std::string, std::string, std::string, std::string>;
  struct Count {
    AuditRecord first;  // the first refused call of its key
    int64_t count = 0;
    int64_t last_at = 0;
  };
  void Loop();
  void Append(const Key& key, Count& count);

  Store& store_;
  const std::chrono::seconds period_;
  std::mutex mutex_;  // guards counts_ and stopping_
  std::condition_variable wake_;
  std::map<Key, Count> counts_;
  bool stopping_ = false;
  std::mutex flush_mutex_;  // one flush at a time
  std::thread thread_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_AUDIT_REFUSAL_TALLY_H_
