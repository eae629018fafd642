#include "host/storage/group_commit.h"

#include <chrono>
#include <memory>

#include "host/common/call_audit_scope.h"
#include "host/common/host_metrics.h"

namespace needlework::host {

GroupCommit::GroupCommit(sqlite::Database& db, std::mutex& db_mutex, AuditAppender append_audit)
    : db_(db), db_mutex_(db_mutex), append_audit_(std::move(append_audit)) {
  committer_ = std::thread([this] { CommitAsyncWork(); });
}

GroupCommit::~GroupCommit() {
  {
    std::lock_guard lock(queue_mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  committer_.join();
}

Status GroupCommit::Run(const std::function<Status()>& write, const WriteAudit& audit) {
  Pending me;
  me.write = write;
  me.audit = CurrentCallAudit();
  me.facts = audit;
  std::unique_lock lock(queue_mutex_);
  queue_.push_back(&me);
  while (!me.finished) {
    if (leading_) {
      changed_.wait(lock);
    } else {
      Lead(lock);
    }
  }
  return me.status;
}

void GroupCommit::RunAsync(std::function<Status()> write, std::function<void(const Status&)> done) {
  auto pending = std::make_unique<Pending>();
  pending->write = std::move(write);
  pending->done = std::move(done);
  {
    std::lock_guard lock(queue_mutex_);
    queue_.push_back(pending.release());
    ++async_queued_;
  }
  changed_.notify_all();
}

int64_t GroupCommit::commits() const { return commits_.load(); }

// Leads whenever RunAsync work waits and no caller of Run leads; drains before stopping.
void GroupCommit::CommitAsyncWork() {
  std::unique_lock lock(queue_mutex_);
  while (true) {
    changed_.wait(lock, [this] { return (async_queued_ > 0 && !leading_) || stopping_; });
    if (async_queued_ > 0 && !leading_) {
      Lead(lock);
    } else if (async_queued_ == 0) {
      return;  // stopping, nothing left
    }
  }
}

void GroupCommit::Lead(std::unique_lock<std::mutex>& lock) {
  leading_ = true;
  std::vector<Pending*> batch;
  batch.swap(queue_);
  for (Pending* pending : batch) async_queued_ -= pending->done ? 1 : 0;
  lock.unlock();
  CommitBatch(batch);
  std::vector<Pending*> waiting;  // callers of Run, blocked until finished
  for (Pending* pending : batch) {
    if (!pending->done) {
      waiting.push_back(pending);
      continue;
    }
    pending->done(pending->status);
    delete pending;  // queued by RunAsync, which handed it to the batch
  }
  lock.lock();
  for (Pending* pending : waiting) pending->finished = true;
  leading_ = false;
  changed_.notify_all();
}

Status GroupCommit::RecordWrite(Pending& pending) {
  if (pending.audit == nullptr || pending.audit->written()) return OkStatus();
  AuditRecord record = pending.audit->RecordOfWrite(pending.facts);
  Status appended = append_audit_(record);
  if (!appended.ok()) {
    return Status(StatusCode::kUnavailable,
                  "the audit record of this write could not be written (" + appended.message() +
                      "), so the write was rolled back; retry later");
  }
  pending.recorded = true;
  return OkStatus();
}

bool GroupCommit::RunOne(Pending& pending) {
  Status begun = db_.RunCached("SAVEPOINT grouped_write");
  if (!begun.ok()) {
    pending.status = begun;
    return false;
  }
  pending.status = pending.write();
  if (pending.status.ok()) pending.status = RecordWrite(pending);
  if (!pending.status.ok()) {
    pending.recorded = false;
    if (!db_.RunCached("ROLLBACK TO grouped_write").ok()) return false;
  }
  Status released = db_.RunCached("RELEASE grouped_write");
  if (released.ok()) return true;
  if (pending.status.ok()) pending.status = released;
  return false;
}

void GroupCommit::CommitBatch(const std::vector<Pending*>& batch) {
  std::lock_guard lock(db_mutex_);
  auto start = std::chrono::steady_clock::now();
  auto tx = sqlite::Transaction::Begin(db_);
  Status failed = tx.ok() ? OkStatus() : tx.status();
  for (size_t i = 0; failed.ok() && i < batch.size(); ++i) {
    if (!RunOne(*batch[i])) failed = InternalError("sqlite: a savepoint of a grouped write failed");
  }
  if (failed.ok()) failed = (*tx)->Commit();
  if (failed.ok()) {
    ++commits_;
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    Metrics().StoreCommit(static_cast<int>(batch.size()), took.count());
    for (Pending* pending : batch) {
      if (pending->recorded) pending->audit->MarkWritten();
    }
    return;
  }
  // The transaction is rolled back whole (tx's destructor): nothing of the batch is stored.
  for (Pending* pending : batch) {
    if (pending->status.ok()) pending->status = failed;
  }
}

}  // namespace needlework::host
