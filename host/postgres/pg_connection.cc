#include "host/postgres/pg_connection.h"

#include <poll.h>

#include <cstdlib>

namespace needlework::host::pg {
namespace {

Status Unavailable(std::string_view what, PGconn* conn) {
  std::string reason = conn != nullptr ? PQerrorMessage(conn) : "out of memory";
  while (!reason.empty() && (reason.back() == '\n' || reason.back() == ' ')) reason.pop_back();
  return Status(StatusCode::kUnavailable,
                "the PostgreSQL store is unavailable (" + std::string(what) + "): " + reason);
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

Params& Params::Add(std::string_view text) {
  values_.emplace_back(std::string(text));
  formats_.push_back(0);
  return *this;
}

Params& Params::Add(int64_t number) { return Add(std::to_string(number)); }

Params& Params::AddBytes(std::string_view bytes) {
  values_.emplace_back(std::string(bytes));
  formats_.push_back(1);
  return *this;
}

Params& Params::AddNull() {
  values_.emplace_back(std::nullopt);
  formats_.push_back(0);
  return *this;
}

std::vector<const char*> Params::Values() const {
  std::vector<const char*> values;
  for (const auto& value : values_) values.push_back(value ? value->data() : nullptr);
  return values;
}

std::vector<int> Params::Lengths() const {
  std::vector<int> lengths;
  for (const auto& value : values_) lengths.push_back(value ? static_cast<int>(value->size()) : 0);
  return lengths;
}

std::string Result::Text(int row, int column) const {
  return std::string(PQgetvalue(result_.get(), row, column),
                     static_cast<size_t>(PQgetlength(result_.get(), row, column)));
}

int64_t Result::Int(int row, int column) const {
  if (IsNull(row, column)) return 0;
  return std::strtoll(PQgetvalue(result_.get(), row, column), nullptr, 10);
}

std::string Result::Bytes(int row, int column) const {
  size_t length = 0;
  unsigned char* bytes = PQunescapeBytea(
      reinterpret_cast<const unsigned char*>(PQgetvalue(result_.get(), row, column)), &length);
  if (bytes == nullptr) return std::string();
  std::string out(reinterpret_cast<const char*>(bytes), length);
  PQfreemem(bytes);
  return out;
}

int64_t Result::Affected() const {
  const char* count = PQcmdTuples(result_.get());
  return count != nullptr && *count != '\0' ? std::strtoll(count, nullptr, 10) : 0;
}

Status StatusFromSqlState(std::string_view sqlstate, std::string_view message) {
  std::string text = "PostgreSQL (" + std::string(sqlstate) + "): " + std::string(message);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  if (sqlstate == "23505") return Status(StatusCode::kAlreadyExists, text);
  if (sqlstate == "23P01" || sqlstate == "40001" || sqlstate == "40P01") {
    return Status(StatusCode::kAborted, text);
  }
  if (StartsWith(sqlstate, "08") || sqlstate == "57P01" || sqlstate == "57P02" ||
      sqlstate == "57P03") {
    return Status(StatusCode::kUnavailable, text);
  }
  if (sqlstate == "53100") return Status(StatusCode::kResourceExhausted, text);
  return Status(StatusCode::kInternal, text);
}

StatusOr<std::unique_ptr<Connection>> Connection::Open(const std::string& dsn) {
  PGconn* conn = PQconnectdb(dsn.c_str());
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
    Status status = Unavailable("connect", conn);
    if (conn != nullptr) PQfinish(conn);
    return status;
  }
  return std::unique_ptr<Connection>(new Connection(conn));
}

Connection::~Connection() { PQfinish(conn_); }

bool Connection::healthy() const { return PQstatus(conn_) == CONNECTION_OK; }

StatusOr<Result> Connection::Check(PGresult* raw, std::string_view what) {
  Result result(raw);
  if (raw == nullptr || !healthy()) return Unavailable(what, conn_);
  ExecStatusType status = PQresultStatus(raw);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return result;
  const char* sqlstate = PQresultErrorField(raw, PG_DIAG_SQLSTATE);
  return StatusFromSqlState(sqlstate != nullptr ? sqlstate : "XX000", PQresultErrorMessage(raw));
}

Status Connection::Execute(std::string_view sql) {
  std::string text(sql);
  return Check(PQexec(conn_, text.c_str()), "execute").status();
}

StatusOr<Result> Connection::Run(const Statement& statement, const Params& params) {
  if (prepared_.count(statement.name) == 0) {
    NW_RETURN_IF_ERROR(
        Check(PQprepare(conn_, statement.name, statement.sql, params.size(), nullptr), "prepare")
            .status());
    prepared_.insert(statement.name);
  }
  auto values = params.Values();
  auto lengths = params.Lengths();
  return Check(PQexecPrepared(conn_, statement.name, params.size(), values.data(), lengths.data(),
                              params.Formats().data(), 0),
               statement.name);
}

StatusOr<Result> Connection::RunOnce(std::string_view sql, const Params& params) {
  std::string text(sql);
  auto values = params.Values();
  auto lengths = params.Lengths();
  return Check(PQexecParams(conn_, text.c_str(), params.size(), nullptr, values.data(),
                            lengths.data(), params.Formats().data(), 0),
               "query");
}

StatusOr<std::vector<Notification>> Connection::Notifications(std::chrono::milliseconds wait) {
  std::vector<Notification> arrived;
  auto drain = [&] {
    while (PGnotify* notify = PQnotifies(conn_)) {
      arrived.push_back({notify->relname, notify->extra != nullptr ? notify->extra : ""});
      PQfreemem(notify);
    }
  };
  if (PQconsumeInput(conn_) != 1) return Unavailable("listen", conn_);
  drain();
  if (!arrived.empty() || wait.count() <= 0) return arrived;
  pollfd watched{PQsocket(conn_), POLLIN, 0};
  if (::poll(&watched, 1, static_cast<int>(wait.count())) > 0) {
    if (PQconsumeInput(conn_) != 1) return Unavailable("listen", conn_);
    drain();
  }
  return arrived;
}

}  // namespace needlework::host::pg
