#include "bench/driver/raw_commit.h"

#include <sqlite3.h>

#include <chrono>
#include <memory>

namespace needlework::bench {
namespace {

struct Closer {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};

Status Exec(sqlite3* db, const char* sql) {
  if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK) return OkStatus();
  return InternalError(std::string("sqlite: ") + sqlite3_errmsg(db));
}

}  // namespace

StatusOr<CommitRate> MeasureRawCommits(const std::string& dir, double seconds) {
  std::string path = dir + "/raw-commit.db";
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  std::unique_ptr<sqlite3, Closer> db(raw);
  if (rc != SQLITE_OK) return InternalError("cannot open " + path);
  NW_RETURN_IF_ERROR(Exec(db.get(), "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"));
  NW_RETURN_IF_ERROR(
      Exec(db.get(), "CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT)"));
  sqlite3_stmt* stmt_raw = nullptr;
  sqlite3_prepare_v2(db.get(), "INSERT INTO t (v) VALUES ('a booking-sized row of some text')", -1,
                     &stmt_raw, nullptr);
  std::unique_ptr<sqlite3_stmt, Closer> insert(stmt_raw);
  using Clock = std::chrono::steady_clock;
  auto start = Clock::now();
  auto end =
      start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  CommitRate rate;
  while (Clock::now() < end) {
    if (sqlite3_step(insert.get()) != SQLITE_DONE) return InternalError("raw commit failed");
    sqlite3_reset(insert.get());
    ++rate.commits;
  }
  rate.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  rate.per_second = rate.commits / rate.seconds;
  return rate;
}

}  // namespace needlework::bench
