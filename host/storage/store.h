// The embedded store: everything Needlework owns (not the patient chart), in one SQLite
// file (WAL) under the data directory. Thread-safe. Writes go through one connection,
// serialised by a mutex; plan and booking inserts are group-committed (see group_commit.h),
// so concurrent ones share an fsync. Reads outside a write use a second connection with
// its own mutex: WAL lets them run while a commit waits for the disk, and they see every
// committed write. The hot path (authentication, plugin routing) reads in-memory
// snapshots, not the store.
#ifndef NEEDLEWORK_HOST_STORAGE_STORE_H_
#define NEEDLEWORK_HOST_STORAGE_STORE_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "host/common/paging.h"
#include "host/storage/aftercare_records.h"
#include "host/storage/audit_records.h"
#include "host/storage/data_dir_lock.h"
#include "host/storage/group_commit.h"
#include "host/storage/schedule_records.h"
#include "host/storage/sqlite.h"
#include "needlework/status.h"

namespace needlework::host {

struct ClinicRecord {
  std::string clinic_id;
  std::string display_name;
  int64_t created_at = 0;         // Unix seconds
  std::string time_zone = "UTC";  // IANA
};

struct PluginSetting {
  std::string clinic_id;
  std::string plugin_id;
  bool enabled = false;
  std::string config_json = "{}";  // the clinic's merge patch over the plugin's defaults
  int64_t updated_at = 0;
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
  // Locks the data dir, opens <dir>/needlework.db and brings its schema up to date.
  static StatusOr<std::unique_ptr<Store>> Open(const std::string& data_dir);

  StatusOr<std::vector<ClinicRecord>> ListClinics();
  // NOT_FOUND when absent.
  StatusOr<ClinicRecord> GetClinic(const std::string& clinic_id);
  // Creates the clinic and its first token atomically. ALREADY_EXISTS if the id is taken.
  Status CreateClinic(const ClinicRecord& clinic, const TokenRecord& first_token);

  // Settings of one clinic, or of every clinic when clinic_id is empty.
  StatusOr<std::vector<PluginSetting>> ListPluginSettings(const std::string& clinic_id);
  Status UpsertPluginSetting(const PluginSetting& setting);

  Status InsertToken(const TokenRecord& token);
  StatusOr<std::vector<TokenRecord>> ListTokens();
  // Sets revoked_at (once; a second revoke keeps the first time). NOT_FOUND if unknown.
  StatusOr<TokenRecord> RevokeToken(const std::string& token_id, int64_t now);

  // --- Audit log (store_audit.cc); append-only, hash-chained (host/storage/audit_chain.h) ---
  // Appends `record` after the last one: sets its seq, prev_hash and hash. In its own
  // transaction (one commit per audited call).
  Status AppendAudit(AuditRecord& record);
  // Records matching `filter`, oldest first.
  StatusOr<std::vector<AuditRecord>> QueryAudit(const AuditFilter& filter);
  // Every record, by seq, and the highest seq ever assigned (SQLite's AUTOINCREMENT
  // counter, which survives deleting the last rows).
  StatusOr<std::vector<AuditRecord>> ReadAuditChain(int64_t* highest_seq);

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

  // --- Plans and appointments (store_booking.cc); every read is scoped to a clinic ---
  Status InsertPlan(const PlanRecord& plan);
  // NOT_FOUND for an unknown plan or one of another clinic.
  StatusOr<PlanRecord> GetPlan(const std::string& clinic_id, const std::string& plan_id);
  // The patient's plans, one page of them (keyset on created_at, plan_id).
  StatusOr<std::vector<PlanRecord>> ListPlans(const std::string& clinic_id,
                                              const std::string& patient_ref, const RowPage& page);
  // Cancels the plan and every BOOKED appointment of it, atomically.
  Status CancelPlan(const std::string& clinic_id, const std::string& plan_id,
                    const std::string& reason, int64_t now);
  // Inserts a booked appointment, or, when `replaces` is set, moves that one. In one
  // transaction: FAILED_PRECONDITION unless the plan is still ACTIVE (and the moved
  // appointment still BOOKED); ABORTED naming the resource when any of its resources holds
  // an overlapping appointment; ALREADY_EXISTS when the plan's session is already booked or
  // fulfilled; INVALID_ARGUMENT when it lasts over kMaxAppointmentSeconds.
  Status SaveBooking(const AppointmentRecord& appointment, const std::string& replaces);
  StatusOr<AppointmentRecord> GetAppointment(const std::string& clinic_id,
                                             const std::string& appointment_id);
  // Moves a BOOKED appointment to the status of `appointment` (cancelled frees its
  // resources; fulfilled and noshow keep them). FAILED_PRECONDITION, writing nothing, when
  // the stored appointment is no longer BOOKED (a concurrent cancel or completion won).
  Status TransitionBookedAppointment(const AppointmentRecord& appointment);
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
  // Stores an appointment's aftercare plan and its messages in one transaction.
  Status SaveAftercare(const AftercareRecord& plan, const std::vector<MessageRecord>& messages);
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
  // Changes a message's schedule (send_at, status, text); SENT messages are never changed.
  Status RescheduleMessage(const MessageRecord& message);
  // Marks PENDING messages SENT, atomically. NOT_FOUND (and nothing written) when an id is
  // not a message of the clinic; FAILED_PRECONDITION when one is WAITING or CANCELLED. `marked`
  // gets the ids this call changed, `already` the rest.
  Status MarkMessagesSent(const std::string& clinic_id, const std::vector<std::string>& ids,
                          int64_t now, std::vector<std::string>* marked,
                          std::vector<std::string>* already);
  Status InsertSymptomReport(const SymptomRecord& report);
  // One page (keyset on created_at, report_id) of the reports of a patient or an
  // appointment; an empty patient_ref or appointment_id matches all.
  StatusOr<std::vector<SymptomRecord>> ListSymptomReports(const std::string& clinic_id,
                                                          const std::string& patient_ref,
                                                          const std::string& appointment_id,
                                                          const RowPage& page);

  // Marks the plan COMPLETED when every session is fulfilled.
  Status SetPlanStatus(const std::string& clinic_id, const std::string& plan_id, int status);

 private:
  Store(std::unique_ptr<DataDirLock> lock, std::unique_ptr<sqlite::Database> db)
      : lock_(std::move(lock)), db_(std::move(db)), grouped_(*db_, mutex_) {}
  // The bodies of SaveBooking and InsertPlan, run by grouped_ inside its transaction.
  Status SaveBookingLocked(const AppointmentRecord& appointment, const std::string& replaces);
  Status InsertPlanLocked(const PlanRecord& plan);
  Status Migrate();
  Status InsertTokenLocked(const TokenRecord& token);
  // On reader_; callers hold read_mutex_ (QueryMessages too).
  // `tail` follows the ORDER BY (e.g. a LIMIT).
  StatusOr<std::vector<AppointmentRecord>> QueryAppointments(const std::string& where,
                                                             const std::vector<std::string>& text,
                                                             const std::vector<int64_t>& numbers,
                                                             const std::string& tail = "");
  StatusOr<Conflict> FindConflict(const AppointmentRecord& appointment, const std::string& ignore);
  // FAILED_PRECONDITION unless the stored row of `table` keyed `id` has `status` (in a tx).
  Status ExpectStatus(const char* table, const char* key, const std::string& clinic_id,
                      const std::string& id, int status, const std::string& what);
  Status WriteAppointmentLocked(const AppointmentRecord& appointment);
  StatusOr<std::vector<MessageRecord>> QueryMessages(const std::string& where,
                                                     const std::vector<std::string>& text,
                                                     const std::vector<int64_t>& numbers);

  std::mutex mutex_;  // serialises db_
  std::unique_ptr<DataDirLock> lock_;
  std::unique_ptr<sqlite::Database> db_;      // writes, and reads inside a write
  GroupCommit grouped_;                       // on db_
  std::mutex read_mutex_;                     // serialises reader_
  std::unique_ptr<sqlite::Database> reader_;  // reads outside any write (query_only)
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_STORAGE_STORE_H_
