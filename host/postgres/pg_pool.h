// A bounded pool of connections to the PostgreSQL store. Connections are opened lazily, up
// to `size`; one that the server dropped is closed when returned and replaced by a new one
// on a later Acquire, so the pool recovers by itself when the database comes back.
#ifndef NEEDLEWORK_HOST_POSTGRES_PG_POOL_H_
#define NEEDLEWORK_HOST_POSTGRES_PG_POOL_H_

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "host/postgres/pg_connection.h"
#include "needlework/status.h"

namespace needlework::host::pg {

struct PoolConfig {
  std::string dsn;
  int size = 16;  // connections at most
  // How long Acquire waits for a free connection before UNAVAILABLE.
  std::chrono::milliseconds acquire_timeout{5000};
};

class Pool {
 public:
  // A connection held by one caller; returned to the pool when destroyed.
  class Lease {
   public:
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Connection* operator->() { return connection_.get(); }
    Connection& operator*() { return *connection_; }

   private:
    friend class Pool;
    Lease(Pool* pool, std::unique_ptr<Connection> connection)
        : pool_(pool), connection_(std::move(connection)) {}
    Pool* pool_;
    std::unique_ptr<Connection> connection_;
  };

  // Checks the configuration and opens one connection, so a wrong DSN is reported at
  // start-up (UNAVAILABLE naming libpq's reason); INVALID_ARGUMENT for a size below 1.
  static StatusOr<std::unique_ptr<Pool>> Open(const PoolConfig& config);

  // A connection: an idle one, a new one while fewer than `size` are open, else the first
  // returned within acquire_timeout. UNAVAILABLE when none comes, or a new one cannot be
  // opened (the database is down).
  StatusOr<Lease> Acquire();

  int open_connections() const;
  const PoolConfig& config() const { return config_; }

 private:
  explicit Pool(PoolConfig config) : config_(std::move(config)) {}
  void Return(std::unique_ptr<Connection> connection);

  const PoolConfig config_;
  mutable std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int open_ = 0;  // idle and leased
};

}  // namespace needlework::host::pg

#endif  // NEEDLEWORK_HOST_POSTGRES_PG_POOL_H_
