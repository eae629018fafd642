#include "host/postgres/pg_schema.h"

#include <iterator>
#include <string>

namespace needlework::host::pg {
namespace {

// Only append: a shipped migration never changes. Times are Unix seconds (BIGINT), as in
// the SQLite store, so records copy across unchanged.
const char* const kMigrations[] = {
    R"sql(
    CREATE TABLE clinics (
      clinic_id    TEXT PRIMARY KEY,
      display_name TEXT NOT NULL,
      created_at   BIGINT NOT NULL);
    CREATE TABLE clinic_plugins (
      clinic_id   TEXT NOT NULL REFERENCES clinics(clinic_id),
      plugin_id   TEXT NOT NULL,
      enabled     INTEGER NOT NULL,
      config_json TEXT NOT NULL,
      updated_at  BIGINT NOT NULL,
      PRIMARY KEY (clinic_id, plugin_id));
    CREATE TABLE tokens (
      token_id   TEXT PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,
      role       TEXT NOT NULL,
      clinic_id  TEXT REFERENCES clinics(clinic_id),
      label      TEXT NOT NULL,
      created_at BIGINT NOT NULL);
    )sql",
    R"sql(
    CREATE EXTENSION IF NOT EXISTS btree_gist;
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
      series            BYTEA NOT NULL,
      status            INTEGER NOT NULL,
      screening_outcome INTEGER NOT NULL,
      created_at        BIGINT NOT NULL,
      cancel_reason     TEXT NOT NULL);
    CREATE INDEX plans_by_patient ON plans (clinic_id, patient_ref);
    CREATE TABLE appointments (
      appointment_id TEXT PRIMARY KEY,
      clinic_id      TEXT NOT NULL REFERENCES clinics(clinic_id),
      plan_id        TEXT NOT NULL REFERENCES plans(plan_id),
      session_index  INTEGER NOT NULL,
      patient_ref    TEXT NOT NULL,
      start_utc      BIGINT NOT NULL,
      end_utc        BIGINT NOT NULL,
      status         INTEGER NOT NULL,
      resource_ids   TEXT NOT NULL,
      cancel_reason  TEXT NOT NULL,
      completion     BYTEA NOT NULL,
      updated_at     BIGINT NOT NULL);
    CREATE INDEX appointments_by_plan ON appointments (clinic_id, plan_id);
    CREATE INDEX appointments_by_patient ON appointments (clinic_id, patient_ref);
    CREATE INDEX appointments_by_start ON appointments (clinic_id, start_utc);
    -- One row per resource an appointment occupies, while it occupies it (not cancelled).
    -- The database itself refuses two overlapping rows for one resource: whatever the host
    -- does, no practitioner, room or device is double booked.
    CREATE TABLE occupancy (
      clinic_id      TEXT NOT NULL,
      resource_id    TEXT NOT NULL,
      start_utc      BIGINT NOT NULL,
      end_utc        BIGINT NOT NULL,
      appointment_id TEXT NOT NULL REFERENCES appointments(appointment_id),
      PRIMARY KEY (appointment_id, resource_id),
      CHECK (start_utc < end_utc),
      CONSTRAINT occupancy_no_overlap EXCLUDE USING gist (
        clinic_id WITH =, resource_id WITH =, int8range(start_utc, end_utc) WITH &&));
    CREATE INDEX occupancy_by_resource ON occupancy (clinic_id, resource_id, start_utc);
    )sql",
    R"sql(
    CREATE TABLE aftercare_plans (
      appointment_id TEXT PRIMARY KEY REFERENCES appointments(appointment_id),
      clinic_id      TEXT NOT NULL,
      plan           BYTEA NOT NULL,
      created_at     BIGINT NOT NULL);
    CREATE TABLE messages (
      message_id     TEXT PRIMARY KEY,
      clinic_id      TEXT NOT NULL,
      appointment_id TEXT NOT NULL REFERENCES appointments(appointment_id),
      plan_id        TEXT NOT NULL,
      session_index  INTEGER NOT NULL,
      patient_ref    TEXT NOT NULL,
      kind           TEXT NOT NULL,
      spec           BYTEA NOT NULL,
      template_text  TEXT NOT NULL,
      text           TEXT NOT NULL,
      language       TEXT NOT NULL,
      send_at        BIGINT,
      status         INTEGER NOT NULL,
      sent_at        BIGINT NOT NULL);
    CREATE INDEX messages_due ON messages (clinic_id, status, send_at);
    CREATE INDEX messages_by_plan ON messages (clinic_id, plan_id);
    CREATE TABLE symptom_reports (
      report_id      TEXT PRIMARY KEY,
      clinic_id      TEXT NOT NULL,
      appointment_id TEXT NOT NULL REFERENCES appointments(appointment_id),
      patient_ref    TEXT NOT NULL,
      report         BYTEA NOT NULL,
      created_at     BIGINT NOT NULL);
    CREATE INDEX symptoms_by_patient ON symptom_reports (clinic_id, patient_ref);
    )sql",
    R"sql(
    ALTER TABLE appointments ADD COLUMN session BYTEA NOT NULL DEFAULT '\x'::bytea;
    )sql",
    R"sql(
    ALTER TABLE tokens ADD COLUMN expires_at BIGINT;
    ALTER TABLE tokens ADD COLUMN revoked_at BIGINT;
    -- The audit log: append-only, each row holding the hash of the one before. seq is
    -- assigned by the appender while it holds the chain head (audit_head) locked, in the
    -- transaction of the write it records, so replicas append one ordered chain.
    CREATE TABLE audit_log (
      seq        BIGINT PRIMARY KEY,
      at         BIGINT NOT NULL,
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
    CREATE TABLE audit_head (
      only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
      seq      BIGINT NOT NULL,
      hash     TEXT NOT NULL);
    INSERT INTO audit_head (seq, hash) VALUES (0, '');
    -- Replicas agree: every write a replica caches (tokens, plugin settings, zones,
    -- resources) bumps this version and notifies channel needlework_changes in its
    -- transaction; replicas reload on the notification, or on seeing a new version.
    CREATE TABLE change_version (
      only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
      version  BIGINT NOT NULL);
    INSERT INTO change_version (version) VALUES (0);
    CREATE FUNCTION audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_refuse();
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_refuse();
    )sql",
    R"sql(
    CREATE TABLE audit_anchors (
      seq            BIGINT PRIMARY KEY,
      hash           TEXT NOT NULL,
      pruned_at      BIGINT NOT NULL,
      cutoff         BIGINT NOT NULL,
      retention_days INTEGER NOT NULL);
    CREATE FUNCTION audit_anchors_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit anchors are append-only'; END $$;
    CREATE TRIGGER audit_anchors_no_update BEFORE UPDATE ON audit_anchors
      FOR EACH ROW EXECUTE FUNCTION audit_anchors_refuse();
    CREATE TRIGGER audit_anchors_no_delete BEFORE DELETE ON audit_anchors
      FOR EACH ROW EXECUTE FUNCTION audit_anchors_refuse();
    -- Only records at or before the newest anchor may be deleted (by the prune).
    DROP TRIGGER audit_log_no_delete ON audit_log;
    CREATE FUNCTION audit_log_refuse_unanchored_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF old.seq > COALESCE((SELECT MAX(seq) FROM audit_anchors), 0) THEN
          RAISE EXCEPTION 'the audit log is append-only';
        END IF;
        RETURN old;
      END $$;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_unanchored_delete();
    )sql",
    R"sql(
    CREATE TABLE idempotency_keys (
      clinic_id      TEXT NOT NULL,
      rpc            TEXT NOT NULL,
      key            TEXT NOT NULL,
      request_digest TEXT NOT NULL,
      response       BYTEA NOT NULL,
      created_at     BIGINT NOT NULL,
      PRIMARY KEY (clinic_id, rpc, key));
    CREATE INDEX idempotency_by_age ON idempotency_keys (created_at);
    )sql",
    R"sql(
    CREATE TABLE plugin_pins (
      clinic_id  TEXT NOT NULL REFERENCES clinics(clinic_id),
      plugin_id  TEXT NOT NULL,
      version    TEXT NOT NULL,
      updated_at BIGINT NOT NULL,
      PRIMARY KEY (clinic_id, plugin_id));
    )sql",
    R"sql(
    CREATE TABLE screenings (
      screening_id TEXT PRIMARY KEY,
      clinic_id    TEXT NOT NULL REFERENCES clinics(clinic_id),
      patient_ref  TEXT NOT NULL,
      outcome      INTEGER NOT NULL,
      result       BYTEA NOT NULL,
      input_digest TEXT NOT NULL,
      created_at   BIGINT NOT NULL);
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
      reviewed_at         BIGINT NOT NULL);
    CREATE INDEX reviews_by_screening ON screening_reviews (clinic_id, screening_id, reviewed_at);
    ALTER TABLE plans ADD COLUMN screening_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE clinics ADD COLUMN screening_recency_days INTEGER NOT NULL DEFAULT 30;
    )sql",
};

// Serialises migrations of replicas that start together (any constant unique to us).
constexpr int64_t kMigrationLock = 0x4e65656469;  // "Needl"

constexpr Statement kReadVersion = {"schema_version_read",
                                    "SELECT COALESCE(MAX(version), 0) FROM schema_version"};
constexpr Statement kRecordVersion = {"schema_version_record",
                                      "INSERT INTO schema_version (version, applied_at) "
                                      "VALUES ($1, EXTRACT(EPOCH FROM now())::BIGINT)"};

Status EnsureVersionTable(Connection& connection) {
  return connection.Execute(
      "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT PRIMARY KEY, "
      "applied_at BIGINT NOT NULL)");
}

Status CheckVersion(int64_t recorded, bool migrate) {
  if (recorded > SchemaVersion()) {
    return FailedPreconditionError("the PostgreSQL store's schema (version " +
                                   std::to_string(recorded) +
                                   ") is newer than this host understands (" +
                                   std::to_string(SchemaVersion()) + "); upgrade needlework-host");
  }
  if (recorded < SchemaVersion() && recorded > 0 && !migrate) {
    return FailedPreconditionError(
        "the PostgreSQL store's schema is version " + std::to_string(recorded) +
        ", this host needs " + std::to_string(SchemaVersion()) +
        "; back the database up, then start once with store.migrate: true");
  }
  return OkStatus();
}

}  // namespace

int64_t SchemaVersion() { return static_cast<int64_t>(std::size(kMigrations)); }

StatusOr<int64_t> RecordedSchemaVersion(Connection& connection) {
  NW_RETURN_IF_ERROR(EnsureVersionTable(connection));
  NW_ASSIGN_OR_RETURN(Result result, connection.Run(kReadVersion));
  return result.Int(0, 0);
}

Status MigrateSchema(Connection& connection, bool migrate) {
  NW_RETURN_IF_ERROR(
      connection.Execute("SELECT pg_advisory_lock(" + std::to_string(kMigrationLock) + ")"));
  auto migrated = [&]() -> Status {
    NW_ASSIGN_OR_RETURN(int64_t recorded, RecordedSchemaVersion(connection));
    NW_RETURN_IF_ERROR(CheckVersion(recorded, migrate));
    for (int64_t version = recorded; version < SchemaVersion(); ++version) {
      NW_RETURN_IF_ERROR(connection.Execute("BEGIN"));
      Status applied = connection.Execute(kMigrations[version]);
      if (applied.ok())
        applied = connection.Run(kRecordVersion, Params().Add(version + 1)).status();
      if (applied.ok()) applied = connection.Execute("COMMIT");
      if (!applied.ok()) {
        (void)connection.Execute("ROLLBACK");
        return applied.WithPrefix("schema migration " + std::to_string(version + 1));
      }
    }
    return OkStatus();
  }();
  (void)connection.Execute("SELECT pg_advisory_unlock(" + std::to_string(kMigrationLock) + ")");
  return migrated;
}

}  // namespace needlework::host::pg
