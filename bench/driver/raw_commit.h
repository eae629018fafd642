// What the file system gives: single-row durable commits into a SQLite file opened the way
// the host opens its store (WAL, synchronous=FULL), one after another on one thread. The
// Book target is a fraction of this rate, measured beside the host's data dir in each run.
#ifndef NEEDLEWORK_BENCH_DRIVER_RAW_COMMIT_H_
#define NEEDLEWORK_BENCH_DRIVER_RAW_COMMIT_H_

#include <string>

#include "needlework/status.h"

namespace needlework::bench {

struct CommitRate {
  int64_t commits = 0;
  double seconds = 0;
  double per_second = 0;
};

// Commits one INSERT per transaction into `<dir>/raw-commit.db` for `seconds`.
StatusOr<CommitRate> MeasureRawCommits(const std::string& dir, double seconds);

}  // namespace needlework::bench

#endif  // NEEDLEWORK_BENCH_DRIVER_RAW_COMMIT_H_
