#include <nlohmann/json.hpp>

#include "host/common/secret_file.h"
#include "host/storage/plugin_pins_schema.h"
#include "host/storage/sqlite_store.h"

namespace needlework::host {
namespace {

// Schema versions, applied in order; PRAGMA user_version records the last one applied.
// Only append: a shipped migration never changes.
const char* const kMigrations[] = {
    R"sql(
    CREATE TABLE clinics (
      clinic_id    TEXT PRIMARY KEY,
      display_name TEXT NOT NULL,
      created_at   INTEGER NOT NULL);
    CREATE TABLE clinic_plugins (
      clinic_id   TEXT NOT NULL REFERENCES clinics(clinic_id),
      plugin_id   TEXT NOT NULL,
      enabled     INTEGER NOT NULL,
      config_json TEXT NOT NULL,
      updated_at  INTEGER NOT NULL,
      PRIMARY KEY (clinic_id, plugin_id));
    CREATE TABLE tokens (
      token_id   TEXT PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,
      role       TEXT NOT NULL,
      clinic_id  TEXT REFERENCES clinics(clinic_id),
      label      TEXT NOT NULL,
      created_at INTEGER NOT NULL);
    )sql",
    R"sql(
    ALTER TABLE clinics ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';
    CREATE TABLE resources (
      clinic_id    TEXT NOT NULL REFERENCES clinics(clinic_id),
      resource_id  TEXT NOT NULL,
      type         INTEGER NOT NULL,
      device_kind  TEXT NOT NULL,
      display_name TEXT NOT NULL,
      active       INTEGER NOT NULL,
      PRIMARY KEY (clinic_id, resource_id));
    CREATE TABLE opening_hours (
      clinic_id    TEXT NOT NULL REFERENCES clinics(clinic_id),
      weekday      INTEGER NOT NULL,
      open_minute  INTEGER NOT NULL,
      close_minute INTEGER NOT NULL);
    CREATE TABLE plans (
      plan_id           TEXT PRIMARY KEY,
      clinic_id         TEXT NOT NULL REFERENCES clinics(clinic_id),
      patient_ref       TEXT NOT NULL,
      series            BLOB NOT NULL,
      status            INTEGER NOT NULL,
      screening_outcome INTEGER NOT NULL,
      created_at        INTEGER NOT NULL,
      cancel_reason     TEXT NOT NULL);
    CREATE INDEX plans_by_patient ON plans (clinic_id, patient_ref);
    CREATE TABLE appointments (
      appointment_id TEXT PRIMARY KEY,
      clinic_id      TEXT NOT NULL REFERENCES clinics(clinic_id),
      plan_id        TEXT NOT NULL REFERENCES plans(plan_id),
      session_index  INTEGER NOT NULL,
      patient_ref    TEXT NOT NULL,
      start_utc      INTEGER NOT NULL,
      end_utc        INTEGER NOT NULL,
      status         INTEGER NOT NULL,
      resource_ids   TEXT NOT NULL,
      cancel_reason  TEXT NOT NULL,
      completion     BLOB NOT NULL,
      updated_at     INTEGER NOT NULL);
    CREATE INDEX appointments_by_plan ON appointments (clinic_id, plan_id);
    CREATE INDEX appointments_by_patient ON appointments (clinic_id, patient_ref);
    CREATE INDEX appointments_by_start ON appointments (clinic_id, start_utc);
    -- One row per resource an appointment occupies, while it occupies it (not cancelled).
    CREATE TABLE occupancy (
      clinic_id      TEXT NOT NULL,
      resource_id    TEXT NOT NULL,
      start_utc      INTEGER NOT NULL,
      end_utc        INTEGER NOT NULL,
      appointment_id TEXT NOT NULL REFERENCES appointments(appointment_id),
      PRIMARY KEY (appointment_id, resource_id));
    CREATE INDEX occupancy_by_resource ON occupancy (clinic_id, resource_id, start_utc);
    )sql",
    R"sql(
    CREATE TABLE aftercare_plans (
      appointment_id TEXT PRIMARY KEY REFERENCES appointments(appointment_id),
      clinic_id      TEXT NOT NULL,
      plan           BLOB NOT NULL,
      created_at     INTEGER NOT NULL);
    CREATE TABLE messages (
      message_id     TEXT PRIMARY KEY,
      clinic_id      TEXT NOT NULL,
      appointment_id TEXT NOT NULL REFERENCES appointments(appointment_id),
      plan_id        TEXT NOT NULL,
      session_index  INTEGER NOT NULL,
      patient_ref    TEXT NOT NULL,
      kind           TEXT NOT NULL,
      spec           BLOB NOT NULL,
      template_text  TEXT NOT NULL,
      text           TEXT NOT NULL,
      language       TEXT NOT NULL,
      send_at        INTEGER,
      status         INTEGER NOT NULL,
      sent_at        INTEGER NOT NULL);
    CREATE INDEX messages_due ON messages (clinic_id, status, send_at);
    CREATE INDEX messages_by_plan ON messages (clinic_id, plan_id);
    CREATE TABLE symptom_reports (
      report_id      TEXT PRIMARY KEY,
      clinic_id      TEXT NOT NULL,
      appointment_id TEXT NOT NULL REFERENCES appointments(appointment_id),
      patient_ref    TEXT NOT NULL,
      report         BLOB NOT NULL,
      created_at     INTEGER NOT NULL);
    CREATE INDEX symptoms_by_patient ON symptom_reports (clinic_id, patient_ref);
    )sql",
    R"sql(
    -- The session as booked: minutes, resources and add-ons (needlework.types.v1.SessionShape).
    ALTER TABLE appointments ADD COLUMN session BLOB NOT NULL DEFAULT x'';
    )sql",
    R"sql(
    -- Token lifetimes (Unix seconds; NULL: never expires / not revoked).
    ALTER TABLE tokens ADD COLUMN expires_at INTEGER;
    ALTER TABLE tokens ADD COLUMN revoked_at INTEGER;
    -- The audit log: append-only, each row holding the hash of the one before.
    CREATE TABLE audit_log (
      seq        INTEGER PRIMARY KEY AUTOINCREMENT,
      at         INTEGER NOT NULL,
      token_id   TEXT NOT NULL,
      role       TEXT NOT NULL,
      clinic_id  TEXT NOT NULL,
      rpc        TEXT NOT NULL,
      object_ref TEXT NOT NULL,
      outcome    TEXT NOT NULL,
      detail     TEXT NOT NULL,
      prev_hash  TEXT NOT NULL,
      hash       TEXT NOT NULL);
    CREATE INDEX audit_by_clinic ON audit_log (clinic_id, seq);
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    )sql",
    R"sql(
    -- Retention: each prune first records the last record it removes (seq and hash), so the
    -- first kept record can still be checked against it. Append-only, like the log.
    CREATE TABLE audit_anchors (
      seq            INTEGER PRIMARY KEY,
      hash           TEXT NOT NULL,
      pruned_at      INTEGER NOT NULL,
      cutoff         INTEGER NOT NULL,
      retention_days INTEGER NOT NULL);
    CREATE TRIGGER audit_anchors_no_update BEFORE UPDATE ON audit_anchors
      BEGIN SELECT RAISE(ABORT, 'audit anchors are append-only'); END;
    CREATE TRIGGER audit_anchors_no_delete BEFORE DELETE ON audit_anchors
      BEGIN SELECT RAISE(ABORT, 'audit anchors are append-only'); END;
    -- Only records at or before the newest anchor may be deleted (by the prune).
    DROP TRIGGER audit_log_no_delete;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      WHEN old.seq > IFNULL((SELECT MAX(seq) FROM audit_anchors), 0)
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    )sql",
    R"sql(
    -- The first answer of each write made with an idempotency key (kept a day, then pruned).
    CREATE TABLE idempotency_keys (
      clinic_id      TEXT NOT NULL,
      rpc            TEXT NOT NULL,
      key            TEXT NOT NULL,
      request_digest TEXT NOT NULL,
      response       BLOB NOT NULL,
      created_at     INTEGER NOT NULL,
      PRIMARY KEY (clinic_id, rpc, key));
    CREATE INDEX idempotency_by_age ON idempotency_keys (created_at);
    )sql", kPluginPinsMigration,
    R"sql(
    -- Screening records (each answered Screen; never the chart) and the clinicians' reviews
    -- of them. Plans name the record they are bound to; clinics say how old one may be.
    CREATE TABLE screenings (
      screening_id TEXT PRIMARY KEY,
      clinic_id    TEXT NOT NULL REFERENCES clinics(clinic_id),
      patient_ref  TEXT NOT NULL,
      outcome      INTEGER NOT NULL,
      result       BLOB NOT NULL,
      input_digest TEXT NOT NULL,
      created_at   INTEGER NOT NULL);
    CREATE INDEX screenings_by_patient ON screenings (clinic_id, patient_ref, created_at);
    CREATE TABLE screening_reviews (
      review_id           TEXT PRIMARY KEY,
      screening_id        TEXT NOT NULL REFERENCES screenings(screening_id),
      clinic_id           TEXT NOT NULL,
      decision            INTEGER NOT NULL,
      overridden_rule_ids TEXT NOT NULL,
      reviewer            TEXT NOT NULL,
      reason              TEXT NOT NULL,
      token_id            TEXT NOT NULL,
      reviewed_at         INTEGER NOT NULL);
    CREATE INDEX reviews_by_screening ON screening_reviews (clinic_id, screening_id, reviewed_at);
    ALTER TABLE plans ADD COLUMN screening_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE clinics ADD COLUMN screening_recency_days INTEGER NOT NULL DEFAULT 30;
    )sql",
    R"sql(
    -- A message's text while its send time is unknown (PatientMessage.waiting_text).
    ALTER TABLE messages ADD COLUMN waiting_template TEXT NOT NULL DEFAULT '';
    )sql",
};

// A clinic plugin's setting as stored, for the "after" of its audit record.
std::string SettingJson(const PluginSetting& setting) {
  nlohmann::json json = {{"clinic_id", setting.clinic_id},
                         {"plugin_id", setting.plugin_id},
                         {"enabled", setting.enabled},
                         {"updated_at", setting.updated_at}};
  json["config"] = nlohmann::json::parse(setting.config_json, nullptr, false);
  if (json["config"].is_discarded()) json["config"] = setting.config_json;
  return json.dump();
}

}  // namespace

StatusOr<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& data_dir,
                                                         int64_t max_kib) {
  NW_ASSIGN_OR_RETURN(auto lock, DataDirLock::Acquire(data_dir));
  std::string path = data_dir + "/needlework.db";
  // SQLite creates files 0644 less the umask, and its -wal and -shm with the database's
  // mode: a private database file keeps every one of them private.
  NW_RETURN_IF_ERROR(EnsurePrivateFile(path, true));
  for (const char* suffix : {"-wal", "-shm"}) {
    NW_RETURN_IF_ERROR(EnsurePrivateFile(path + suffix, false));
  }
  NW_ASSIGN_OR_RETURN(auto db, sqlite::Database::Open(path));
  std::unique_ptr<SqliteStore> store(new SqliteStore(std::move(lock), std::move(db)));
  NW_RETURN_IF_ERROR(store->Migrate());
  store->path_ = path;
  if (max_kib > 0) NW_RETURN_IF_ERROR(store->LimitSize(max_kib));
  NW_ASSIGN_OR_RETURN(store->reader_, store->OpenReader());
  return store;
}

StatusOr<std::unique_ptr<sqlite::Database>> SqliteStore::OpenReader() {
  NW_ASSIGN_OR_RETURN(auto reader, sqlite::Database::Open(path_));
  NW_RETURN_IF_ERROR(reader->Execute("PRAGMA query_only=ON"));
  return reader;
}

// max_page_count is per connection: only the writer's matters, as only it writes.
Status SqliteStore::LimitSize(int64_t max_kib) {
  NW_ASSIGN_OR_RETURN(auto page_size, db_->Prepare("PRAGMA page_size"));
  NW_ASSIGN_OR_RETURN(bool has_row, page_size->Step());
  int64_t bytes = has_row ? page_size->ColumnInt(0) : 4096;
  return db_->Execute("PRAGMA max_page_count = " + std::to_string(max_kib * 1024 / bytes));
}

Status SqliteStore::Migrate() {
  NW_ASSIGN_OR_RETURN(auto version_query, db_->Prepare("PRAGMA user_version"));
  NW_ASSIGN_OR_RETURN(bool has_row, version_query->Step());
  int64_t version = has_row ? version_query->ColumnInt(0) : 0;
  int64_t target = static_cast<int64_t>(std::size(kMigrations));
  if (version > target) {
    return FailedPreconditionError("the store's schema (version " + std::to_string(version) +
                                   ") is newer than this host understands (" +
                                   std::to_string(target) + "); upgrade needlework-host");
  }
  for (int64_t v = version; v < target; ++v) {
    NW_ASSIGN_OR_RETURN(auto tx, sqlite::Transaction::Begin(*db_));
    NW_RETURN_IF_ERROR(db_->Execute(kMigrations[v]));
    NW_RETURN_IF_ERROR(db_->Execute("PRAGMA user_version = " + std::to_string(v + 1)));
    NW_RETURN_IF_ERROR(tx->Commit());
  }
  return OkStatus();
}

StatusOr<std::vector<ClinicRecord>> SqliteStore::ListClinics() {
  std::lock_guard lock(read_mutex_);
  NW_ASSIGN_OR_RETURN(
      auto query,
      reader_->Prepare(
          "SELECT clinic_id, display_name, created_at, time_zone, screening_recency_days "
          "FROM clinics ORDER BY clinic_id"));
  std::vector<ClinicRecord> clinics;
  while (true) {
    NW_ASSIGN_OR_RETURN(bool row, query->Step());
    if (!row) break;
    clinics.push_back({query->ColumnText(0), query->ColumnText(1), query->ColumnInt(2),
                       query->ColumnText(3), static_cast<int>(query->ColumnInt(4))});
  }
  return clinics;
}

StatusOr<ClinicRecord> SqliteStore::GetClinic(const std::string& clinic_id) {
  std::lock_guard lock(read_mutex_);
  NW_ASSIGN_OR_RETURN(auto query,
                      reader_->Prepare("SELECT clinic_id, display_name, created_at, time_zone, "
                                       "screening_recency_days FROM clinics WHERE clinic_id = ?"));
  query->Bind(1, clinic_id);
  NW_ASSIGN_OR_RETURN(bool row, query->Step());
  if (!row) return NotFoundError("no clinic '" + clinic_id + "'");
  return ClinicRecord{query->ColumnText(0), query->ColumnText(1), query->ColumnInt(2),
                      query->ColumnText(3), static_cast<int>(query->ColumnInt(4))};
}

Status SqliteStore::CreateClinic(const ClinicRecord& clinic, const TokenRecord& first_token) {
  return grouped_.Run([&] { return CreateClinicLocked(clinic, first_token); },
                      {"token_id=" + first_token.token_id});
}

Status SqliteStore::CreateClinicLocked(const ClinicRecord& clinic, const TokenRecord& first_token) {
  NW_ASSIGN_OR_RETURN(
      auto insert,
      db_->Prepare("INSERT INTO clinics (clinic_id, display_name, created_at, time_zone) "
                   "VALUES (?, ?, ?, ?)"));
  insert->Bind(1, clinic.clinic_id).Bind(2, clinic.display_name).Bind(3, clinic.created_at);
  insert->Bind(4, clinic.time_zone);
  Status inserted = insert->Run();
  if (inserted.code() == StatusCode::kAlreadyExists) {
    return AlreadyExistsError("clinic '" + clinic.clinic_id + "' already exists");
  }
  NW_RETURN_IF_ERROR(inserted);
  NW_RETURN_IF_ERROR(InsertTokenLocked(first_token));
  return OkStatus();
}

StatusOr<std::vector<PluginSetting>> SqliteStore::ListPluginSettings(const std::string& clinic_id) {
  std::lock_guard lock(read_mutex_);
  NW_ASSIGN_OR_RETURN(
      auto query,
      reader_->Prepare(
          "SELECT clinic_id, plugin_id, enabled, config_json, updated_at FROM clinic_plugins "
          "WHERE ?1 = '' OR clinic_id = ?1 ORDER BY clinic_id, plugin_id"));
  query->Bind(1, clinic_id);
  std::vector<PluginSetting> settings;
  while (true) {
    NW_ASSIGN_OR_RETURN(bool row, query->Step());
    if (!row) break;
    settings.push_back({query->ColumnText(0), query->ColumnText(1), query->ColumnInt(2) != 0,
                        query->ColumnText(3), query->ColumnInt(4)});
  }
  return settings;
}

Status SqliteStore::UpsertPluginSetting(const PluginSetting& setting) {
  return grouped_.Run([&] { return UpsertPluginSettingLocked(setting); },
                      {"plugin_id=" + setting.plugin_id, SettingJson(setting)});
}

Status SqliteStore::UpsertPluginSettingLocked(const PluginSetting& setting) {
  NW_ASSIGN_OR_RETURN(
      auto upsert,
      db_->Prepare(
          "INSERT INTO clinic_plugins (clinic_id, plugin_id, enabled, config_json, updated_at) "
          "VALUES (?, ?, ?, ?, ?) ON CONFLICT (clinic_id, plugin_id) DO UPDATE SET "
          "enabled = excluded.enabled, config_json = excluded.config_json, "
          "updated_at = excluded.updated_at"));
  upsert->Bind(1, setting.clinic_id).Bind(2, setting.plugin_id);
  upsert->Bind(3, int64_t{setting.enabled ? 1 : 0}).Bind(4, setting.config_json);
  upsert->Bind(5, setting.updated_at);
  return upsert->Run();
}

Status SqliteStore::InsertToken(const TokenRecord& token) {
  return grouped_.Run([&] { return InsertTokenLocked(token); }, {"token_id=" + token.token_id});
}

Status SqliteStore::InsertTokenLocked(const TokenRecord& token) {
  NW_ASSIGN_OR_RETURN(
      auto insert,
      db_->Prepare("INSERT INTO tokens (token_id, token_hash, role, clinic_id, label, created_at, "
                   "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  insert->Bind(1, token.token_id).Bind(2, token.token_hash).Bind(3, token.role);
  if (token.clinic_id.empty()) {
    insert->BindNull(4);
  } else {
    insert->Bind(4, token.clinic_id);
  }
  insert->Bind(5, token.label).Bind(6, token.created_at);
  if (token.expires_at == 0) {
    insert->BindNull(7);
  } else {
    insert->Bind(7, token.expires_at);
  }
  return insert->Run();
}

StatusOr<std::vector<TokenRecord>> SqliteStore::ListTokens() {
  std::lock_guard lock(read_mutex_);
  NW_ASSIGN_OR_RETURN(auto query,
                      reader_->Prepare("SELECT token_id, token_hash, role, IFNULL(clinic_id, ''), "
                                       "label, created_at, IFNULL(expires_at, 0), "
                                       "IFNULL(revoked_at, 0) FROM tokens ORDER BY created_at"));
  std::vector<TokenRecord> tokens;
  while (true) {
    NW_ASSIGN_OR_RETURN(bool row, query->Step());
    if (!row) break;
    tokens.push_back({query->ColumnText(0), query->ColumnText(1), query->ColumnText(2),
                      query->ColumnText(3), query->ColumnText(4), query->ColumnInt(5),
                      query->ColumnInt(6), query->ColumnInt(7)});
  }
  return tokens;
}

}  // namespace needlework::host
