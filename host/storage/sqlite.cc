#include "host/storage/sqlite.h"

namespace needlework::host::sqlite {

StatusOr<std::unique_ptr<Database>> Database::Open(const std::string& path) {
  sqlite3* raw = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  std::unique_ptr<Database> db(new Database(raw));
  if (rc != SQLITE_OK) return db->Error("cannot open database " + path);
  sqlite3_busy_timeout(raw, 5000);
  NW_RETURN_IF_ERROR(
      db->Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"));
  return db;
}

StatusOr<std::unique_ptr<Database>> Database::OpenReadOnly(const std::string& path) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  std::unique_ptr<Database> db(new Database(raw));
  if (rc != SQLITE_OK) {
    return NotFoundError("cannot open " + path + " read-only: " + sqlite3_errmsg(raw));
  }
  sqlite3_busy_timeout(raw, 5000);
  return db;
}

Database::~Database() {
  cached_at_.clear();
  cache_.clear();  // finalizes every cached statement before the connection closes
  sqlite3_close_v2(db_);
}

Status Database::Execute(std::string_view sql) {
  std::string text(sql);
  char* message = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return OkStatus();
  std::string detail = message != nullptr ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  return InternalError("sqlite: " + detail);
}

StatusOr<StatementPtr> Database::Prepare(std::string_view sql) {
  auto [it, inserted] = cache_.try_emplace(std::string(sql));
  CachedStatement& cached = it->second;
  if (!cached.in_use && cached.statement != nullptr) {
    cached.in_use = true;
    return StatementPtr(cached.statement.get(), StatementReturn{this});
  }
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    if (inserted) cache_.erase(it);
    return Error("cannot prepare statement");
  }
  auto statement = std::make_unique<Statement>(stmt, this);
  if (cached.statement != nullptr) return StatementPtr(statement.release(), StatementReturn{this});
  cached.statement = std::move(statement);
  cached.in_use = true;
  cached_at_[cached.statement.get()] = &cached;
  return StatementPtr(cached.statement.get(), StatementReturn{this});
}

void Database::Return(Statement* statement) {
  auto it = cached_at_.find(statement);
  if (it == cached_at_.end()) {
    delete statement;  // compiled afresh while the cached one was busy
    return;
  }
  statement->Reset();
  it->second->in_use = false;
}

void StatementReturn::operator()(Statement* statement) const { db->Return(statement); }

Status Database::Error(std::string_view what) const {
  int rc = sqlite3_extended_errcode(db_);
  std::string message = std::string(what) + ": " + sqlite3_errmsg(db_);
  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
    return AlreadyExistsError(message);
  }
  return InternalError("sqlite: " + message);
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::Bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

StatusOr<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->Error("statement failed");
}

Status Statement::Run() {
  StatusOr<bool> row = Step();
  Reset();
  if (!row.ok()) return row.status();
  return OkStatus();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::ColumnText(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  int size = sqlite3_column_bytes(stmt_, column);
  return text == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(text), size);
}

int64_t Statement::ColumnInt(int column) const { return sqlite3_column_int64(stmt_, column); }

bool Statement::ColumnIsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

Status Database::RunCached(std::string_view sql) {
  NW_ASSIGN_OR_RETURN(StatementPtr statement, Prepare(sql));
  return statement->Run();
}

StatusOr<std::unique_ptr<Transaction>> Transaction::Begin(Database& db) {
  NW_RETURN_IF_ERROR(db.RunCached("BEGIN IMMEDIATE"));
  return std::unique_ptr<Transaction>(new Transaction(db));
}

Transaction::~Transaction() {
  if (!done_) (void)db_.RunCached("ROLLBACK");
}

Status Transaction::Commit() {
  NW_RETURN_IF_ERROR(db_.RunCached("COMMIT"));
  done_ = true;
  return OkStatus();
}

}  // namespace needlework::host::sqlite
