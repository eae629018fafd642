// Group commit: concurrent durable writes share one transaction, hence one fsync, and each
// write's audit record commits in that transaction with it.
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
//
// Audit: a write made for an audited call (CurrentCallAudit(), call_audit.h) appends that
// call's OK record inside the write's savepoint, after the write succeeded; if the record
// cannot be written the savepoint is rolled back and the write fails UNAVAILABLE. Records
// of calls that wrote nothing come through RunAsync: they ride the next batch (many per
// fsync) and their caller learns the outcome from a callback, without holding a thread.
#ifndef NEEDLEWORK_HOST_STORAGE_GROUP_COMMIT_H_
#define NEEDLEWORK_HOST_STORAGE_GROUP_COMMIT_H_

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "host/storage/audit_records.h"
#include "host/storage/call_audit.h"
#include "host/storage/sqlite.h"

namespace needlework::host {

class GroupCommit {
 public:
  // Appends one audit record (sets its seq and hashes) with statements on the db, inside
  // the open transaction.
  using AuditAppender = std::function<Status(AuditRecord&)>;

  // `db` and `db_mutex` (which serialises every use of `db`) outlive this object. Starts the
  // thread that commits RunAsync work when no caller of Run leads.
  GroupCommit(sqlite::Database& db, std::mutex& db_mutex, AuditAppender append_audit);
  // Commits what is queued, then stops that thread. No Run or RunAsync may start meanwhile.
  ~GroupCommit();
  GroupCommit(const GroupCommit&) = delete;
  GroupCommit& operator=(const GroupCommit&) = delete;

  // Runs `write` (statements on `db`, no transaction control of its own) in a shared
  // transaction, with the current call's audit record (see above; `audit` says what the
  // write adds to it); returns once that transaction is committed, with `write`'s status,
  // the record's (UNAVAILABLE) or the commit's error. Blocks the calling thread meanwhile.
  // Thread-safe.
  Status Run(const std::function<Status()>& write, const WriteAudit& audit = {});

  // Queues `write` (as for Run, but never with a call's record) and returns at once; `done`
  // gets its status once the batch holding it is committed (or failed), on whichever
  // thread committed it. `done` must not call Run. Thread-safe.
  void RunAsync(std::function<Status()> write, std::function<void(const Status&)> done);

  // Transactions committed so far (each one fsync).
  int64_t commits() const;

 private:
  struct Pending {
    std::function<Status()> write;
    CallAudit* audit = nullptr;  // not owned; the caller's call outlives the write
    WriteAudit facts;
    std::function<void(const Status&)> done;  // set: queued by RunAsync, owned by the batch
    Status status;
    bool recorded = false;  // the call's record was appended in this write's savepoint
    bool finished = false;
  };
  // Commits the queue as one batch; `lock` holds queue_mutex_ on entry and on return.
  void Lead(std::unique_lock<std::mutex>& lock);
  // Runs `batch` in one transaction and fills each status. Takes db_mutex_.
  void CommitBatch(const std::vector<Pending*>& batch);
  // Runs one write and its record in their own savepoint, filling its status; false when
  // the savepoint itself failed (the shared transaction is then rolled back whole).
  bool RunOne(Pending& pending);
  // Appends the call's record of a write that succeeded; UNAVAILABLE when it cannot.
  Status RecordWrite(Pending& pending);
  void CommitAsyncWork();

  sqlite::Database& db_;
  std::mutex& db_mutex_;
  AuditAppender append_audit_;
  std::mutex queue_mutex_;  // guards everything below but committer_
  std::condition_variable changed_;
  std::vector<Pending*> queue_;
  int async_queued_ = 0;  // RunAsync work in queue_
  bool leading_ = false;
  bool stopping_ = false;
  std::atomic<int64_t> commits_ = 0;
  std::thread committer_;  // last: starts once the rest is ready
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_STORAGE_GROUP_COMMIT_H_
