#include "host/postgres/pg_pool.h"

namespace needlework::host::pg {

Pool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), connection_(std::move(other.connection_)) {}

Pool::Lease::~Lease() {
  if (connection_ != nullptr) pool_->Return(std::move(connection_));
}

StatusOr<std::unique_ptr<Pool>> Pool::Open(const PoolConfig& config) {
  if (config.size < 1) {
    return Status(StatusCode::kInvalidArgument, "store.pool_size must be at least 1");
  }
  std::unique_ptr<Pool> pool(new Pool(config));
  NW_ASSIGN_OR_RETURN(Lease first, pool->Acquire());
  return pool;
}

StatusOr<Pool::Lease> Pool::Acquire() {
  std::unique_lock lock(mutex_);
  bool free = returned_.wait_for(lock, config_.acquire_timeout,
                                 [&] { return !idle_.empty() || open_ < config_.size; });
  if (!free) {
    return Status(StatusCode::kUnavailable,
                  "all " + std::to_string(config_.size) +
                      " PostgreSQL connections stayed busy; raise store.pool_size or retry");
  }
  if (!idle_.empty()) {
    std::unique_ptr<Connection> connection = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(connection));
  }
  ++open_;  // reserve the slot, then connect without holding the lock
  lock.unlock();
  auto connection = Connection::Open(config_.dsn);
  if (!connection.ok()) {
    lock.lock();
    --open_;
    returned_.notify_one();
    return connection.status();
  }
  return Lease(this, std::move(connection).value());
}

void Pool::Return(std::unique_ptr<Connection> connection) {
  // A connection left inside a failed or open transaction is reset before reuse.
  if (connection->healthy() && PQtransactionStatus(connection->raw()) != PQTRANS_IDLE) {
    (void)connection->Execute("ROLLBACK");  // a failure leaves it unhealthy: dropped below
  }
  std::lock_guard lock(mutex_);
  if (connection->healthy() && PQtransactionStatus(connection->raw()) == PQTRANS_IDLE) {
    idle_.push_back(std::move(connection));
  } else {
    --open_;  // dropped: a later Acquire opens a fresh one
  }
  returned_.notify_one();
}

int Pool::open_connections() const {
  std::lock_guard lock(mutex_);
  return open_;
}

}  // namespace needlework::host::pg
