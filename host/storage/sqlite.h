// A thin RAII layer over the SQLite C API, returning Status instead of result codes.
// Not thread-safe: a Database and its Statements belong to one thread at a time (the Store
// serialises access).
#ifndef NEEDLEWORK_HOST_STORAGE_SQLITE_H_
#define NEEDLEWORK_HOST_STORAGE_SQLITE_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "needlework/status.h"

namespace needlework::host::sqlite {

class Statement;
class Database;

// Hands a prepared statement back to its Database: reset and kept for reuse when it came
// from the cache, finalized otherwise.
struct StatementReturn {
  Database* db = nullptr;
  void operator()(Statement* statement) const;
};
using StatementPtr = std::unique_ptr<Statement, StatementReturn>;

class Database {
 public:
  // Opens (creating if needed) the file in WAL mode with foreign keys on, synchronous=FULL
  // (a committed transaction is on disk) and a busy timeout.
  static StatusOr<std::unique_ptr<Database>> Open(const std::string& path);
  // Opens an existing file read-only, changing nothing in it (no journal mode, no schema):
  // NOT_FOUND when it is missing or cannot be opened. A file that is not a database opens
  // and fails at its first statement.
  static StatusOr<std::unique_ptr<Database>> OpenReadOnly(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements that return no rows.
  Status Execute(std::string_view sql);
  // One statement ready to bind and step. Statements are compiled once per SQL text and
  // reused (the hot paths run the same few statements on every call); a statement still in
  // use when its SQL is asked for again is compiled afresh. Releasing the pointer resets
  // the statement and clears its bindings. It must not outlive this Database.
  StatusOr<StatementPtr> Prepare(std::string_view sql);
  // Prepare(sql) and Run() it: one statement without parameters or rows.
  Status RunCached(std::string_view sql);
  // INTERNAL (or ALREADY_EXISTS for a constraint violation) with SQLite's message.
  Status Error(std::string_view what) const;
  sqlite3* handle() const { return db_; }

 private:
  friend struct StatementReturn;
  struct CachedStatement {
    std::unique_ptr<Statement> statement;
    bool in_use = false;
  };
  explicit Database(sqlite3* db) : db_(db) {}
  void Return(Statement* statement);

  sqlite3* db_;                                                       // owned
  std::unordered_map<std::string, CachedStatement> cache_;            // by SQL text
  std::unordered_map<const Statement*, CachedStatement*> cached_at_;  // entry of each cached one
};

// A prepared statement. Bind parameters are 1-based, columns 0-based, as in SQLite.
class Statement {
 public:
  Statement(sqlite3_stmt* stmt, const Database* db) : stmt_(stmt), db_(db) {}
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, int64_t value);
  Statement& BindNull(int index);
  // Steps once: true when a row is ready, false when done; an error Status otherwise.
  StatusOr<bool> Step();
  // Steps to completion, expecting no rows.
  Status Run();
  // Clears bindings and rewinds, ready for reuse.
  void Reset();

  std::string ColumnText(int column) const;
  int64_t ColumnInt(int column) const;
  bool ColumnIsNull(int column) const;

 private:
  sqlite3_stmt* stmt_;  // owned
  const Database* db_;  // not owned; outlives this statement
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless Commit() succeeded.
class Transaction {
 public:
  static StatusOr<std::unique_ptr<Transaction>> Begin(Database& db);
  ~Transaction();
  Status Commit();

 private:
  explicit Transaction(Database& db) : db_(db) {}
  Database& db_;
  bool done_ = false;
};

}  // namespace needlework::host::sqlite

#endif  // NEEDLEWORK_HOST_STORAGE_SQLITE_H_
