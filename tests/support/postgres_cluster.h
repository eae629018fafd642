// A throw-away PostgreSQL cluster for the tests and the benchmarks: initdb into a fresh
// directory, a server listening only on a unix socket in that directory (no port to clash
// with), removed when destroyed. PostgreSQL refuses to run as root, so when the tests run as
// root (CI does) the cluster belongs to, and runs as, the unprivileged user `nobody`.
// Free of GoogleTest, like child_process.h.
#ifndef NEEDLEWORK_TESTS_SUPPORT_POSTGRES_CLUSTER_H_
#define NEEDLEWORK_TESTS_SUPPORT_POSTGRES_CLUSTER_H_

#include <sys/types.h>

#include <chrono>
#include <memory>
#include <string>

#include "needlework/status.h"

namespace needlework::testing {

struct PostgresClusterOptions {
  // false: fsync off, for tests that do not measure durability (a commit still reaches the
  // kernel before it answers, so a killed server keeps every commit; only a machine crash
  // would lose them). Benchmarks of the durable commit rate keep it true.
  bool durable = false;
  int max_connections = 100;
};

class PostgresCluster {
 public:
  // initdb, then Start(). FAILED_PRECONDITION naming what is missing when the PostgreSQL
  // server binaries cannot be found (scripts/install-deps installs postgresql-15); the
  // server's log is named when it does not come up.
  static StatusOr<std::unique_ptr<PostgresCluster>> Create(
      const PostgresClusterOptions& options = {});
  ~PostgresCluster();  // stops the server and removes the directory
  PostgresCluster(const PostgresCluster&) = delete;
  PostgresCluster& operator=(const PostgresCluster&) = delete;

  // A libpq connection string for database `database` as the superuser "postgres".
  std::string Dsn(const std::string& database = "postgres") const;

  // Runs `sql` with psql (ON_ERROR_STOP); its stdout, or INTERNAL with psql's stderr.
  StatusOr<std::string> Psql(const std::string& sql, const std::string& database = "postgres");

  // Starts the server on the existing data directory and waits until it accepts
  // connections (up to 60 s).
  Status Start();
  // Fast shutdown ("pg_ctl stop -m fast"): open sessions end, the server exits cleanly.
  Status Stop();
  // SIGKILL of the postmaster, as a crash would; the next Start() recovers from the WAL.
  void Kill();
  bool running() const { return pid_ > 0; }

  const std::string& directory() const { return directory_; }
  const std::string& log_path() const { return log_path_; }

 private:
  PostgresCluster() = default;

  std::string directory_;  // holds data/, the socket and server.log
  std::string bin_dir_;
  std::string log_path_;
  PostgresClusterOptions options_;
  pid_t pid_ = -1;
};

}  // namespace needlework::testing

#endif  // NEEDLEWORK_TESTS_SUPPORT_POSTGRES_CLUSTER_H_
