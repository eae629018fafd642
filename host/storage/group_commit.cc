#include "host/storage/group_commit.h"

namespace needlework::host {

Status GroupCommit::Run(const std::function<Status()>& write) {
  Pending me{&write, OkStatus()};
  std::unique_lock lock(queue_mutex_);
  queue_.push_back(&me);
  while (!me.done) {
    if (leading_) {
      finished_.wait(lock);
      continue;
    }
    leading_ = true;
    std::vector<Pending*> batch;
    batch.swap(queue_);
    lock.unlock();
    CommitBatch(batch);
    lock.lock();
    for (Pending* pending : batch) pending->done = true;
    leading_ = false;
    finished_.notify_all();
  }
  return me.status;
}

bool GroupCommit::RunOne(Pending& pending) {
  Status begun = db_.RunCached("SAVEPOINT grouped_write");
  if (!begun.ok()) {
    pending.status = begun;
    return false;
  }
  pending.status = (*pending.write)();
  if (!pending.status.ok() && !db_.RunCached("ROLLBACK TO grouped_write").ok()) return false;
  Status released = db_.RunCached("RELEASE grouped_write");
  if (released.ok()) return true;
  if (pending.status.ok()) pending.status = released;
  return false;
}

void GroupCommit::CommitBatch(const std::vector<Pending*>& batch) {
  std::lock_guard lock(db_mutex_);
  auto tx = sqlite::Transaction::Begin(db_);
  Status failed = tx.ok() ? OkStatus() : tx.status();
  for (size_t i = 0; failed.ok() && i < batch.size(); ++i) {
    if (!RunOne(*batch[i])) failed = InternalError("sqlite: a savepoint of a grouped write failed");
  }
  if (failed.ok()) failed = (*tx)->Commit();
  if (failed.ok()) return;
  // The transaction is rolled back whole (tx's destructor): nothing of the batch is stored.
  for (Pending* pending : batch) {
    if (pending->status.ok()) pending->status = failed;
  }
}

}  // namespace needlework::host
