#include "host/audit/audit_retention.h"

#include <nlohmann/json.hpp>

#include "host/common/log.h"
#include "host/common/time_util.h"

namespace needlework::host {
namespace {

constexpr int64_t kMicrosPerDay = int64_t{86400} * 1000000;

AuditRecord PruneRecord(int64_t now, const nlohmann::json& detail, const Status& status) {
  AuditRecord record;
  record.at = now;
  record.role = "host";
  record.rpc = kPruneAuditRpc;
  record.outcome = std::string(StatusCodeName(status.code()));
  record.detail = detail.dump();
  return record;
}

nlohmann::json PruneDetail(int64_t retention_days, int64_t cutoff,
                           const StatusOr<AuditPruneResult>& result) {
  nlohmann::json detail = {{"retention_days", retention_days}, {"cutoff", cutoff}};
  if (!result.ok()) {
    detail["error"] = result.status().message();
    return detail;
  }
  detail["anchor_seq"] = result->anchor.seq;
  detail["anchor_hash"] = result->anchor.hash;
  detail["deleted"] = result->deleted;
  return detail;
}

}  // namespace

StatusOr<AuditPruneResult> PruneAuditOnce(Store& store, int64_t retention_days, int64_t now) {
  AuditPrunePolicy policy{
      .cutoff = now - retention_days * kMicrosPerDay, .now = now, .retention_days = retention_days};
  StatusOr<AuditPruneResult> result = store.PruneAudit(policy);
  if (result.ok() && !result->anchored && result->deleted == 0) return result;
  nlohmann::json detail = PruneDetail(retention_days, policy.cutoff, result);
  LogEvent(result.ok() ? Level::kInfo : Level::kError, "audit_pruned", detail);
  AuditRecord record = PruneRecord(now, detail, result.status());
  Status appended = store.AppendAudit(record);
  if (!appended.ok()) {
    LogEvent(Level::kError, "audit_prune_unrecorded", {{"error", appended.message()}});
  }
  return result;
}

AuditRetention::AuditRetention(Store& store, int64_t retention_days)
    : store_(store), retention_days_(retention_days), thread_([this] { Run(); }) {}

AuditRetention::~AuditRetention() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void AuditRetention::Run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    (void)PruneAuditOnce(store_, retention_days_, NowUnixMicros());
    lock.lock();
    wake_.wait_for(lock, kInterval, [this] { return stopping_; });
  }
}

}  // namespace needlework::host
