// Group commit: concurrent durable writes share one transaction, hence one fsync.
//
// With synchronous=FULL every COMMIT waits for the disk (milliseconds on these VMs), so one
// transaction per booking caps the host at the disk's commit rate whatever the CPU could do.
// Here a caller that finds no commit in progress becomes the leader: it takes every write
// queued so far, runs each inside its own SAVEPOINT of one BEGIN IMMEDIATE transaction (a
// write that fails is rolled back to its savepoint alone, so it neither writes anything nor
// disturbs the others), commits once, and wakes the callers. Writes that arrive while that
// commit is on its way to disk form the next batch. Every caller still returns only after
// its write is durable, with its own status; writes in one batch run in arrival order, each
// seeing the ones before it, exactly as if they had been serialised.
#ifndef NEEDLEWORK_HOST_STORAGE_GROUP_COMMIT_H_
#define NEEDLEWORK_HOST_STORAGE_GROUP_COMMIT_H_

#include <condition_variable>
#include <functional>
#include <mutex>
#include <vector>

#include "host/storage/sqlite.h"

namespace needlework::host {

class GroupCommit {
 public:
  // `db` and `db_mutex` (which serialises every use of `db`) outlive this object.
  GroupCommit(sqlite::Database& db, std::mutex& db_mutex) : db_(db), db_mutex_(db_mutex) {}

  // Runs `write` (statements on `db`, no transaction control of its own) in a shared
  // transaction; returns once that transaction is committed, with `write`'s status, or the
  // commit's error. Blocks the calling thread meanwhile. Thread-safe.
  Status Run(const std::function<Status()>& write);

 private:
  struct Pending {
    const std::function<Status()>* write;
    Status status;
    bool done = false;
  };
  // Runs `batch` in one transaction and fills each status. Takes db_mutex_.
  void CommitBatch(const std::vector<Pending*>& batch);
  // Runs one write in its own savepoint, filling its status; false when the savepoint itself
  // failed (the shared transaction is then unusable and is rolled back whole).
  bool RunOne(Pending& pending);

  sqlite::Database& db_;
  std::mutex& db_mutex_;
  std::mutex queue_mutex_;  // guards queue_, leading_ and every Pending::done
  std::condition_variable finished_;
  std::vector<Pending*> queue_;
  bool leading_ = false;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_STORAGE_GROUP_COMMIT_H_
