// One libpq connection to the PostgreSQL store, with typed parameters, statements prepared
// once per connection, and PostgreSQL's errors as Status codes. Not thread-safe: a
// connection is used by one thread at a time (PgPool hands them out).
#ifndef NEEDLEWORK_HOST_POSTGRES_PG_CONNECTION_H_
#define NEEDLEWORK_HOST_POSTGRES_PG_CONNECTION_H_

#include <libpq-fe.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "needlework/status.h"

namespace needlework::host::pg {

// The parameters of one statement, bound in order ($1, $2, ...). Numbers travel as text,
// byte strings as binary (bytea), so no value is ever spliced into SQL text.
class Params {
 public:
  Params& Add(std::string_view text);
  Params& Add(const char* text) { return Add(std::string_view(text)); }
  Params& Add(int64_t number);
  Params& AddBytes(std::string_view bytes);
  Params& AddNull();

  int size() const { return static_cast<int>(values_.size()); }
  std::vector<const char*> Values() const;
  std::vector<int> Lengths() const;
  const std::vector<int>& Formats() const { return formats_; }

 private:
  std::vector<std::optional<std::string>> values_;
  std::vector<int> formats_;  // 0 text, 1 binary
};

// A query's rows (text format). Moves only; frees the libpq result.
class Result {
 public:
  explicit Result(PGresult* result) : result_(result, PQclear) {}

  int rows() const { return PQntuples(result_.get()); }
  bool IsNull(int row, int column) const { return PQgetisnull(result_.get(), row, column) == 1; }
  std::string Text(int row, int column) const;
  int64_t Int(int row, int column) const;        // 0 for NULL
  std::string Bytes(int row, int column) const;  // a bytea column, unescaped
  // Rows changed by INSERT/UPDATE/DELETE.
  int64_t Affected() const;

 private:
  std::unique_ptr<PGresult, decltype(&PQclear)> result_;
};

// A statement prepared on each connection the first time that connection runs it. `name`
// must be unique in the program; define them as constants next to their use.
struct Statement {
  const char* name;
  const char* sql;
};

// A notification received on a LISTENed channel.
struct Notification {
  std::string channel;
  std::string payload;
};

class Connection {
 public:
  // Connects with `dsn` (libpq keywords or a postgresql:// URI). UNAVAILABLE with libpq's
  // reason when the server cannot be reached or refuses.
  static StatusOr<std::unique_ptr<Connection>> Open(const std::string& dsn);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs SQL without parameters (DDL, BEGIN/COMMIT, several statements at once).
  Status Execute(std::string_view sql);
  // Runs `statement` (preparing it first on this connection) with `params`.
  StatusOr<Result> Run(const Statement& statement, const Params& params = {});
  // Runs one statement with parameters without preparing it (for rare statements).
  StatusOr<Result> RunOnce(std::string_view sql, const Params& params = {});

  // Notifications that have arrived, waiting up to `wait` for the first one.
  StatusOr<std::vector<Notification>> Notifications(std::chrono::milliseconds wait);

  // False once the server has gone away; such a connection is dropped, not reused.
  bool healthy() const;
  PGconn* raw() { return conn_; }

 private:
  explicit Connection(PGconn* conn) : conn_(conn) {}
  StatusOr<Result> Check(PGresult* result, std::string_view what);

  PGconn* conn_;
  std::set<std::string> prepared_;
};

// PostgreSQL's error as a Status: unique violation ALREADY_EXISTS; exclusion violation,
// serialization failure and deadlock ABORTED (a concurrent writer won; retry or re-read);
// lost or refused connections and shutdowns UNAVAILABLE; disk full RESOURCE_EXHAUSTED;
// anything else INTERNAL. The message carries the SQLSTATE and the server's text.
Status StatusFromSqlState(std::string_view sqlstate, std::string_view message);

}  // namespace needlework::host::pg

#endif  // NEEDLEWORK_HOST_POSTGRES_PG_CONNECTION_H_
