// The embedded store: one SQLite file (WAL) under the data directory. Writes go through one
// connection, serialised by a mutex, and every write is group-committed (see
// group_commit.h): concurrent ones share an fsync, and a write made for an audited call
// commits that call's audit record in its own transaction or fails (call_audit.h). Reads
// outside a write use a second connection with its own mutex: WAL lets them run while a
// commit waits for the disk, and they see every committed write.
#ifndef NEEDLEWORK_HOST_STORAGE_SQLITE_STORE_H_
#define NEEDLEWORK_HOST_STORAGE_SQLITE_STORE_H_

#include <memory>
#include <mutex>
#include <string>

#include "host/storage/data_dir_lock.h"
#include "host/storage/group_commit.h"
#include "host/storage/sqlite.h"
#include "host/storage/store.h"

namespace needlework::host {

class SqliteStore final : public Store {
 public:
  // Default arguments repeat the interface's, so calls through either type read alike.
  // Locks the data dir, opens <dir>/needlework.db and brings its schema up to date. With
  // `max_kib` > 0 the file may not grow past that many KiB: a write that would needs more
  // fails (INTERNAL, "database or disk is full") and writes nothing, as on a full disk.
  static StatusOr<std::unique_ptr<SqliteStore>> Open(const std::string& data_dir,
                                                     int64_t max_kib = 0);
  StatusOr<std::vector<ClinicRecord>> ListClinics() override;
  StatusOr<ClinicRecord> GetClinic(const std::string& clinic_id) override;
  Status CreateClinic(const ClinicRecord& clinic, const TokenRecord& first_token) override;
  StatusOr<std::vector<PluginSetting>> ListPluginSettings(const std::string& clinic_id) override;
  Status UpsertPluginSetting(const PluginSetting& setting) override;
  StatusOr<std::vector<PluginPin>> ListPluginPins(const std::string& clinic_id) override;
  Status SetPluginPin(const PluginPin& pin) override;
  Status InsertToken(const TokenRecord& token) override;
  StatusOr<std::vector<TokenRecord>> ListTokens() override;
  StatusOr<TokenRecord> RevokeToken(const std::string& token_id, int64_t now) override;
  Status AppendAudit(AuditRecord& record) override;
  void AppendAuditAsync(AuditRecord record, std::function<void(const Status&)> done) override;
  int64_t CommitCount() const override { return grouped_.commits(); }
  StatusOr<std::vector<AuditRecord>> QueryAudit(const AuditFilter& filter) override;
  StatusOr<AuditVerdict> VerifyAudit() override;
  StatusOr<AuditPruneResult> PruneAudit(const AuditPrunePolicy& policy) override;
  Status SetClinicTimeZone(const std::string& clinic_id, const std::string& time_zone) override;
  Status UpsertResource(const ResourceRecord& resource) override;
  StatusOr<std::vector<ResourceRecord>> ListResources(const std::string& clinic_id) override;
  Status SetOpeningHours(const std::string& clinic_id,
                         const std::vector<OpeningSpanRecord>& spans) override;
  StatusOr<std::vector<OpeningSpanRecord>> GetOpeningHours(const std::string& clinic_id) override;
  StatusOr<std::vector<BusyRecord>> ListBusy(const std::string& clinic_id, int64_t from,
                                             int64_t to) override;
  Status InsertScreening(const ScreeningRow& row) override;
  StatusOr<ScreeningRow> GetScreening(const std::string& clinic_id,
                                      const std::string& screening_id) override;
  Status InsertReview(const ReviewRow& review, IdempotencyClaim* claim = nullptr) override;
  StatusOr<std::vector<ReviewRow>> ListReviews(const std::string& clinic_id,
                                               const std::string& screening_id) override;
  Status SetScreeningRecency(const std::string& clinic_id, int days) override;
  StatusOr<IdempotencyRecord> FindIdempotencyKey(const std::string& clinic_id,
                                                 const std::string& rpc, const std::string& key,
                                                 int64_t now) override;
  Status InsertPlan(const PlanRecord& plan, IdempotencyClaim* claim = nullptr) override;
  StatusOr<PlanRecord> GetPlan(const std::string& clinic_id, const std::string& plan_id) override;
  StatusOr<std::vector<PlanRecord>> ListPlans(const std::string& clinic_id,
                                              const std::string& patient_ref,
                                              const RowPage& page) override;
  Status ExpectPatient(const std::string& clinic_id, const std::string& patient_ref) override;
  Status CancelPlan(const std::string& clinic_id, const std::string& plan_id,
                    const std::string& reason, int64_t now, const Retimer& retimer,
                    IdempotencyClaim* claim, std::vector<AppointmentRecord>* sessions) override;
  Status SaveBooking(const BookingWrite& write) override;
  StatusOr<AppointmentRecord> GetAppointment(const std::string& clinic_id,
                                             const std::string& appointment_id) override;
  Status TransitionBookedAppointment(const AppointmentRecord& appointment,
                                     const Retimer& retimer = {},
                                     IdempotencyClaim* claim = nullptr) override;
  Status SaveCompletion(const CompletionWrite& write) override;
  StatusOr<std::vector<AppointmentRecord>> ListAppointmentsOfPlan(
      const std::string& clinic_id, const std::string& plan_id) override;
  StatusOr<std::vector<AppointmentRecord>> ListAppointmentsOfPatient(
      const std::string& clinic_id, const std::string& patient_ref) override;
  StatusOr<std::vector<AppointmentRecord>> ListAppointmentsBetween(const std::string& clinic_id,
                                                                   int64_t from,
                                                                   int64_t to) override;
  StatusOr<std::vector<AppointmentRecord>> ListAppointmentsOfResource(
      const std::string& clinic_id, const std::string& resource_id) override;
  StatusOr<std::vector<AppointmentRecord>> ListAppointmentsPage(const std::string& clinic_id,
                                                                const AppointmentFilter& filter,
                                                                const RowPage& page) override;
  StatusOr<AftercareRecord> GetAftercare(const std::string& clinic_id,
                                         const std::string& appointment_id) override;
  StatusOr<std::vector<MessageRecord>> ListMessagesOfAppointment(
      const std::string& clinic_id, const std::string& appointment_id) override;
  StatusOr<std::vector<MessageRecord>> ListMessagesOfPlan(const std::string& clinic_id,
                                                          const std::string& plan_id) override;
  StatusOr<std::vector<MessageRecord>> ListDueMessages(const std::string& clinic_id, int64_t up_to,
                                                       const RowPage& page) override;
  Status MarkMessagesSent(const std::string& clinic_id, const std::vector<std::string>& ids,
                          int64_t now, std::vector<std::string>* marked,
                          std::vector<std::string>* already,
                          IdempotencyClaim* claim = nullptr) override;
  Status InsertSymptomReport(const SymptomRecord& report) override;
  StatusOr<std::vector<SymptomRecord>> ListSymptomReports(const std::string& clinic_id,
                                                          const std::string& patient_ref,
                                                          const std::string& appointment_id,
                                                          const RowPage& page) override;

 private:
  SqliteStore(std::unique_ptr<DataDirLock> lock, std::unique_ptr<sqlite::Database> db)
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

#endif  // NEEDLEWORK_HOST_STORAGE_SQLITE_STORE_H_
