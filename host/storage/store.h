// The embedded store: everything Needlework owns (not the patient chart), in one SQLite
// file (WAL) under the data directory. Thread-safe. Writes go through one connection,
// serialised by a mutex, and every write is group-committed (see group_commit.h): concurrent
// ones share an fsync, and a write made for an audited call commits that call's audit
// record in its own transaction or fails (call_audit.h). Reads outside a write use a second
// connection with its own mutex: WAL lets them run while a commit waits for the disk, and they see
// every committed write. The hot path (authentication, plugin routing) reads in-memory snapshots,
// not the store.
#ifndef NEEDLEWORK_HOST_STORAGE_STORE_H_
#define NEEDLEWORK_HOST_STORAGE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "host/common/paging.h"
#include "host/storage/aftercare_records.h"
#include "host/storage/audit_prune.h"
#include "host/storage/audit_records.h"
#include "host/storage/data_dir_lock.h"
#include "host/storage/group_commit.h"
#include "host/storage/schedule_records.h"
#include "host/storage/screening_records.h"
#include "host/storage/sqlite.h"
#include "host/storage/write_records.h"
#include "needlework/status.h"

namespace needlework::host {

struct ClinicRecord {
  std::string clinic_id;
  std::string display_name;
  int64_t created_at = 0;           // Unix seconds
  std::string time_zone = "UTC";    // IANA
  int screening_recency_days = 30;  // CreatePlan refuses older screening records
};

struct PluginSetting {
  std::string clinic_id;
  std::string plugin_id;
  bool enabled = false;
  std::string config_json = "{}";  // the clinic's merge patch over the plugin's defaults
  int64_t updated_at = 0;
};

// A clinic held at one version of a plugin (store_plugin_pins.cc).
struct PluginPin {
  std::string clinic_id;
  std::string plugin_id;
  std::string version;
  int64_t updated_at = 0;  // Unix seconds
};

struct TokenRecord {
  std::string token_id;    // public handle, safe to log
  std::string token_hash;  // hex SHA-256 of the secret; the secret itself is never stored
  std::string role;        // "emr", "clinic_admin" or "admin"
  std::string clinic_id;   // empty for host-wide roles
  std::string label;
  int64_t created_at = 0;
  int64_t expires_at = 0;  // Unix seconds; 0: never
  int64_t revoked_at = 0;  // Unix seconds; 0: not revoked
};

// The longest an appointment may last. Overlap checks and busy lists look this far back
// from a window's start, so they read only the rows near the window (index ranges), not a
// resource's whole history.
inline constexpr int64_t kMaxAppointmentSeconds = 24 * 3600;

class Store {
 public:
  // Locks the data dir, opens <dir>/needlework.db and brings its schema up to date. With
  // `max_kib` > 0 the file may not grow past that many KiB: a write that would needs more
  // fails (INTERNAL, "database or disk is full") and writes nothing, as on a full disk.
  static StatusOr<std::unique_ptr<Store>> Open(const std::string& data_dir, int64_t max_kib = 0);

  StatusOr<std::vector<ClinicRecord>> ListClinics();
  // NOT_FOUND when absent.
  StatusOr<ClinicRecord> GetClinic(const std::string& clinic_id);
  // Creates the clinic and its first token atomically. ALREADY_EXISTS if the id is taken.
  Status CreateClinic(const ClinicRecord& clinic, const TokenRecord& first_token);

  // Settings of one clinic, or of every clinic when clinic_id is empty.
  StatusOr<std::vector<PluginSetting>> ListPluginSettings(const std::string& clinic_id);
  Status UpsertPluginSetting(const PluginSetting& setting);
  // Pins (store_plugin_pins.cc): of one clinic, or of every clinic when clinic_id is empty.
  StatusOr<std::vector<PluginPin>> ListPluginPins(const std::string& clinic_id);
  // Creates or replaces the pin of (clinic, plugin); with an empty version, removes it.
  Status SetPluginPin(const PluginPin& pin);

  Status InsertToken(const TokenRecord& token);
  StatusOr<std::vector<TokenRecord>> ListTokens();
  // Sets revoked_at (once; a second revoke keeps the first time). NOT_FOUND if unknown.
  StatusOr<TokenRecord> RevokeToken(const std::string& token_id, int64_t now);

  // --- Audit log (store_audit.cc); append-only, hash-chained (host/storage/audit_chain.h) ---
  // Appends `record` after the last one: sets its seq, prev_hash and hash. Rides the group
  // commit; returns once it is durable.
  Status AppendAudit(AuditRecord& record);
  // The same without holding the caller: `done` gets the status once the record is durable
  // (or could not be written), on a store thread. `done` must not write to the store.
  void AppendAuditAsync(AuditRecord record, std::function<void(const Status&)> done);
  // Transactions committed on the write connection since Open (each one fsync).
  int64_t CommitCount() const { return grouped_.commits(); }
  // Records matching `filter`, oldest first (store_audit_read.cc, on the reader connection).
  StatusOr<std::vector<AuditRecord>> QueryAudit(const AuditFilter& filter);
  // Verifies the chain from the newest anchor to the highest seq ever assigned, in one
  // snapshot on a read connection of its own (a long walk holds up no other read), a chunk
  // of rows at a time (VerifyAuditLog).
  StatusOr<AuditVerdict> VerifyAudit();
  // Retention (store_audit_retention.cc): verifies the records written before
  // `policy.cutoff` (the oldest ones, up to the first newer one), anchors the last of them,
  // then deletes every anchored record in transactions of `policy.chunk_rows`, each taking
  // the write mutex briefly. DATA_LOSS, deleting nothing, when those records do not verify.
  // Not run concurrently with itself (one retention task per host).
  StatusOr<AuditPruneResult> PruneAudit(const AuditPrunePolicy& policy);

  // --- Scheduling (store_schedule.cc) ---
  Status SetClinicTimeZone(const std::string& clinic_id, const std::string& time_zone);
  Status UpsertResource(const ResourceRecord& resource);
  StatusOr<std::vector<ResourceRecord>> ListResources(const std::string& clinic_id);
  // Replaces the clinic's weekly hours.
  Status SetOpeningHours(const std::string& clinic_id, const std::vector<OpeningSpanRecord>& spans);
  StatusOr<std::vector<OpeningSpanRecord>> GetOpeningHours(const std::string& clinic_id);
  // What the clinic's resources are busy with between `from` and `to` (Unix seconds).
  StatusOr<std::vector<BusyRecord>> ListBusy(const std::string& clinic_id, int64_t from,
                                             int64_t to);

  // --- Screening records (store_screening.cc); every read is scoped to a clinic ---
  // Stores `row` with the current call's audit record (naming the screening), group-committed.
  Status InsertScreening(const ScreeningRow& row);
  // NOT_FOUND for an unknown id or one of another clinic.
  StatusOr<ScreeningRow> GetScreening(const std::string& clinic_id,
                                      const std::string& screening_id);
  // Stores `review` (its screening must exist) with `claim` (may be null; see InsertPlan).
  Status InsertReview(const ReviewRow& review, IdempotencyClaim* claim = nullptr);
  // The screening's reviews, oldest first.
  StatusOr<std::vector<ReviewRow>> ListReviews(const std::string& clinic_id,
                                               const std::string& screening_id);
  // NOT_FOUND for an unknown clinic.
  Status SetScreeningRecency(const std::string& clinic_id, int days);

  // --- Idempotency keys (store_idempotency.cc) ---
  // The answer stored for `key` of `rpc` at the clinic less than kIdempotencyKeySeconds
  // before `now`; NOT_FOUND otherwise.
  StatusOr<IdempotencyRecord> FindIdempotencyKey(const std::string& clinic_id,
                                                 const std::string& rpc, const std::string& key,
                                                 int64_t now);

  // --- Plans and appointments (store_booking.cc); every read is scoped to a clinic ---
  // Every write below commits whole or not at all, together with `claim` (may be null): when
  // its key is already stored the write is skipped, `claim->replayed` is set and the status
  // is ABORTED.
  Status InsertPlan(const PlanRecord& plan, IdempotencyClaim* claim = nullptr);
  // NOT_FOUND for an unknown plan or one of another clinic.
  StatusOr<PlanRecord> GetPlan(const std::string& clinic_id, const std::string& plan_id);
  // The patient's plans, one page of them (keyset on created_at, plan_id).
  StatusOr<std::vector<PlanRecord>> ListPlans(const std::string& clinic_id,
                                              const std::string& patient_ref, const RowPage& page);
  // NOT_FOUND unless the clinic holds a plan of `patient_ref`: the patient is not its own.
  Status ExpectPatient(const std::string& clinic_id, const std::string& patient_ref);
  // Cancels the ACTIVE plan and every BOOKED appointment of it and re-times its reminders
  // with `retimer`, atomically; `sessions` gets the plan's appointments as committed.
  // FAILED_PRECONDITION when the plan is no longer ACTIVE.
  Status CancelPlan(const std::string& clinic_id, const std::string& plan_id,
                    const std::string& reason, int64_t now, const Retimer& retimer,
                    IdempotencyClaim* claim, std::vector<AppointmentRecord>* sessions);
  // Inserts a booked appointment, or, when `write.replaces` is set, moves that one, and
  // re-times the plan's reminders. In one transaction: FAILED_PRECONDITION unless the plan
  // is still ACTIVE (and the moved appointment still BOOKED); ABORTED when the plan's
  // appointments are no longer `write.checked_history`, or naming the resource when any of
  // its resources holds an overlapping appointment; ALREADY_EXISTS when the plan's session
  // is already booked or fulfilled; INVALID_ARGUMENT when it lasts over
  // kMaxAppointmentSeconds.
  Status SaveBooking(const BookingWrite& write);
  StatusOr<AppointmentRecord> GetAppointment(const std::string& clinic_id,
                                             const std::string& appointment_id);
  // Moves a BOOKED appointment to the status of `appointment` (cancelled frees its
  // resources; fulfilled and noshow keep them). FAILED_PRECONDITION, writing nothing, when
  // the stored appointment is no longer BOOKED (a concurrent cancel or completion won).
  // Re-times the plan's reminders with `retimer` (may be empty) in the same transaction.
  Status TransitionBookedAppointment(const AppointmentRecord& appointment,
                                     const Retimer& retimer = {},
                                     IdempotencyClaim* claim = nullptr);
  // Completes a BOOKED appointment in one transaction: the appointment FULFILLED, the plan
  // COMPLETED when all its sessions are, the aftercare plan and its messages, the reminders
  // re-timed. FAILED_PRECONDITION, writing nothing, when it is no longer BOOKED.
  Status SaveCompletion(const CompletionWrite& write);
  StatusOr<std::vector<AppointmentRecord>> ListAppointmentsOfPlan(const std::string& clinic_id,
                                                                  const std::string& plan_id);
  StatusOr<std::vector<AppointmentRecord>> ListAppointmentsOfPatient(
      const std::string& clinic_id, const std::string& patient_ref);
  StatusOr<std::vector<AppointmentRecord>> ListAppointmentsBetween(const std::string& clinic_id,
                                                                   int64_t from, int64_t to);
  StatusOr<std::vector<AppointmentRecord>> ListAppointmentsOfResource(
      const std::string& clinic_id, const std::string& resource_id);
  // One page of the appointments `filter` selects (keyset on start_utc, appointment_id;
  // store_pages.cc).
  StatusOr<std::vector<AppointmentRecord>> ListAppointmentsPage(const std::string& clinic_id,
                                                                const AppointmentFilter& filter,
                                                                const RowPage& page);
  // --- Aftercare (store_aftercare.cc) ---
  // NOT_FOUND when the appointment has no aftercare plan.
  StatusOr<AftercareRecord> GetAftercare(const std::string& clinic_id,
                                         const std::string& appointment_id);
  StatusOr<std::vector<MessageRecord>> ListMessagesOfAppointment(const std::string& clinic_id,
                                                                 const std::string& appointment_id);
  StatusOr<std::vector<MessageRecord>> ListMessagesOfPlan(const std::string& clinic_id,
                                                          const std::string& plan_id);
  // PENDING messages with send_at <= up_to, oldest first; one page of them (keyset on
  // send_at, message_id).
  StatusOr<std::vector<MessageRecord>> ListDueMessages(const std::string& clinic_id, int64_t up_to,
                                                       const RowPage& page);
  // Marks PENDING messages SENT, atomically. NOT_FOUND (and nothing written) when an id is
  // not a message of the clinic; FAILED_PRECONDITION when one is WAITING or CANCELLED. `marked`
  // gets the ids this call changed, `already` the rest.
  Status MarkMessagesSent(const std::string& clinic_id, const std::vector<std::string>& ids,
                          int64_t now, std::vector<std::string>* marked,
                          std::vector<std::string>* already, IdempotencyClaim* claim = nullptr);
  Status InsertSymptomReport(const SymptomRecord& report);
  // One page (keyset on created_at, report_id) of the reports of a patient or an
  // appointment; an empty patient_ref or appointment_id matches all.
  StatusOr<std::vector<SymptomRecord>> ListSymptomReports(const std::string& clinic_id,
                                                          const std::string& patient_ref,
                                                          const std::string& appointment_id,
                                                          const RowPage& page);

 private:
  Store(std::unique_ptr<DataDirLock> lock, std::unique_ptr<sqlite::Database> db)
      : lock_(std::move(lock)),
        db_(std::move(db)),
        grouped_(*db_, mutex_, [this](AuditRecord& record) { return AppendAuditLocked(record); }) {}
  // Runs `write` and records `claim` (may be null) in one group-committed transaction, with
  // the current call's audit record (`audit` adds the ids only the write knows); skips
  // `write` when the claim's key is already stored (see InsertPlan).
  Status Claimed(IdempotencyClaim* claim, const std::function<Status()>& write,
                 const WriteAudit& audit = {});
  // In a transaction: whether the claim's key is stored (unexpired); then storing it.
  StatusOr<bool> KeyStoredLocked(const IdempotencyClaim& claim);
  Status StoreKeyLocked(const IdempotencyClaim& claim);
  // The bodies of the writes above, run inside Claimed's transaction.
  Status SaveBookingLocked(const BookingWrite& write);
  Status InsertPlanLocked(const PlanRecord& plan);
  Status CancelPlanLocked(const std::string& clinic_id, const std::string& plan_id,
                          const std::string& reason, int64_t now);
  Status SaveCompletionLocked(const CompletionWrite& write);
  Status CompletePlanIfDoneLocked(const AppointmentRecord& appointment, int session_count);
  Status SaveAftercareLocked(const AftercareRecord& plan,
                             const std::vector<MessageRecord>& messages);
  // The patients of the messages `ids` names (unknown ids are skipped), on reader_.
  StatusOr<std::vector<std::string>> PatientsOfMessages(const std::string& clinic_id,
                                                        const std::vector<std::string>& ids);
  Status MarkMessagesSentLocked(const std::string& clinic_id, const std::vector<std::string>& ids,
                                int64_t now, std::vector<std::string>* marked,
                                std::vector<std::string>* already);
  // ABORTED unless the plan's appointments other than `ignore` match `checked` (in a tx).
  Status ExpectHistoryLocked(const AppointmentRecord& appointment, const std::string& ignore,
                             const std::vector<AppointmentRecord>& checked);
  // Applies `retimer` (may be empty) to the plan's state as this transaction sees it.
  Status RetimeLocked(const std::string& clinic_id, const std::string& plan_id,
                      const Retimer& retimer);
  // Changes a message's schedule (send_at, status, text); SENT messages are never changed.
  Status RescheduleMessageLocked(const MessageRecord& message);
  // The bodies of the other writes, each run by grouped_ inside its transaction.
  Status CreateClinicLocked(const ClinicRecord& clinic, const TokenRecord& first_token);
  Status UpsertPluginSettingLocked(const PluginSetting& setting);
  Status SetPluginPinLocked(const PluginPin& pin);
  Status SetClinicTimeZoneLocked(const std::string& clinic_id, const std::string& time_zone);
  Status UpsertResourceLocked(const ResourceRecord& resource);
  Status SetOpeningHoursLocked(const std::string& clinic_id,
                               const std::vector<OpeningSpanRecord>& spans);
  Status InsertSymptomReportLocked(const SymptomRecord& report);
  Status InsertScreeningLocked(const ScreeningRow& row);
  Status InsertReviewLocked(const ReviewRow& review);
  Status SetScreeningRecencyLocked(const std::string& clinic_id, int days);

  Status AppendAuditLocked(AuditRecord& record);
  Status Migrate();
  Status LimitSize(int64_t max_kib);
  Status InsertTokenLocked(const TokenRecord& token);
  // A new query-only connection to the store's file: reader_, and one per walk of the
  // audit log.
  StatusOr<std::unique_ptr<sqlite::Database>> OpenReader();
  // The steps of PruneAudit: the last record to prune (0: none), verified on its own
  // connection; its anchor, written under mutex_; the anchored records, deleted a chunk at a
  // time.
  StatusOr<int64_t> VerifiedPrunePoint(const AuditPrunePolicy& policy);
  StatusOr<AuditPruneResult> AnchorPrunePoint(int64_t point, const AuditPrunePolicy& policy);
  StatusOr<int64_t> DeleteAnchoredAudit(int chunk_rows);
  // On `db`: reader_ with read_mutex_ held, or db_ inside a write (QueryMessages too).
  // `tail` follows the ORDER BY (e.g. a LIMIT).
  StatusOr<std::vector<AppointmentRecord>> QueryAppointments(sqlite::Database& db,
                                                             const std::string& where,
                                                             const std::vector<std::string>& text,
                                                             const std::vector<int64_t>& numbers,
                                                             const std::string& tail = "");
  StatusOr<Conflict> FindConflict(const AppointmentRecord& appointment, const std::string& ignore);
  // FAILED_PRECONDITION unless the stored row of `table` keyed `id` has `status` (in a tx).
  Status ExpectStatus(const char* table, const char* key, const std::string& clinic_id,
                      const std::string& id, int status, const std::string& what);
  Status WriteAppointmentLocked(const AppointmentRecord& appointment);
  StatusOr<std::vector<MessageRecord>> QueryMessages(sqlite::Database& db, const std::string& where,
                                                     const std::vector<std::string>& text,
                                                     const std::vector<int64_t>& numbers);

  std::mutex mutex_;  // serialises db_
  std::unique_ptr<DataDirLock> lock_;
  std::unique_ptr<sqlite::Database> db_;      // writes, and reads inside a write
  GroupCommit grouped_;                       // on db_
  std::mutex read_mutex_;                     // serialises reader_
  std::unique_ptr<sqlite::Database> reader_;  // reads outside any write (query_only)
  std::string path_;                          // of the database file
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_STORAGE_STORE_H_
