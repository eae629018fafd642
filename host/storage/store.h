// The store: everything Needlework owns (not the patient chart). One interface, and behind
// it the embedded SQLite store (sqlite_store.h, the default) or PostgreSQL, shared by several
// host replicas. Every implementation is thread-safe and keeps the same contracts, stated on
// each method: a write made for an audited call commits that call's audit record in the
// same transaction or fails (call_audit.h); bookings never overlap on a resource; message
// hand-out is exactly-once. The hot path (authentication, plugin routing) reads in-memory
// snapshots, not the store.
#ifndef NEEDLEWORK_HOST_STORAGE_STORE_H_
#define NEEDLEWORK_HOST_STORAGE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "host/common/paging.h"
#include "host/storage/aftercare_records.h"
#include "host/storage/audit_chain.h"
#include "host/storage/audit_prune.h"
#include "host/storage/audit_records.h"
#include "host/storage/schedule_records.h"
#include "host/storage/screening_records.h"
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
  virtual ~Store() = default;

  virtual StatusOr<std::vector<ClinicRecord>> ListClinics() = 0;
  // NOT_FOUND when absent.
  virtual StatusOr<ClinicRecord> GetClinic(const std::string& clinic_id) = 0;
  // Creates the clinic and its first token atomically. ALREADY_EXISTS if the id is taken.
  virtual Status CreateClinic(const ClinicRecord& clinic, const TokenRecord& first_token) = 0;

  // Settings of one clinic, or of every clinic when clinic_id is empty.
  virtual StatusOr<std::vector<PluginSetting>> ListPluginSettings(const std::string& clinic_id) = 0;
  virtual Status UpsertPluginSetting(const PluginSetting& setting) = 0;
  // Pins (store_plugin_pins.cc): of one clinic, or of every clinic when clinic_id is empty.
  virtual StatusOr<std::vector<PluginPin>> ListPluginPins(const std::string& clinic_id) = 0;
  // Creates or replaces the pin of (clinic, plugin); with an empty version, removes it.
  virtual Status SetPluginPin(const PluginPin& pin) = 0;

  virtual Status InsertToken(const TokenRecord& token) = 0;
  virtual StatusOr<std::vector<TokenRecord>> ListTokens() = 0;
  // Sets revoked_at (once; a second revoke keeps the first time). NOT_FOUND if unknown.
  virtual StatusOr<TokenRecord> RevokeToken(const std::string& token_id, int64_t now) = 0;

  // --- Audit log (store_audit.cc); append-only, hash-chained (host/storage/audit_chain.h) ---
  // Appends `record` after the last one: sets its seq, prev_hash and hash. Rides the group
  // commit; returns once it is durable.
  virtual Status AppendAudit(AuditRecord& record) = 0;
  // The same without holding the caller: `done` gets the status once the record is durable
  // (or could not be written), on a store thread. `done` must not write to the store.
  virtual void AppendAuditAsync(AuditRecord record, std::function<void(const Status&)> done) = 0;
  // Transactions committed on the write connection since Open (each one fsync).
  virtual int64_t CommitCount() const = 0;
  // Records matching `filter`, oldest first (store_audit_read.cc, on the reader connection).
  virtual StatusOr<std::vector<AuditRecord>> QueryAudit(const AuditFilter& filter) = 0;
  // Verifies the chain from the newest anchor to the highest seq ever assigned, in one
  // snapshot on a read connection of its own (a long walk holds up no other read), a chunk
  // of rows at a time (VerifyAuditLog).
  virtual StatusOr<AuditVerdict> VerifyAudit() = 0;
  // Retention (store_audit_retention.cc): verifies the records written before
  // `policy.cutoff` (the oldest ones, up to the first newer one), anchors the last of them,
  // then deletes every anchored record in transactions of `policy.chunk_rows`, each taking
  // the write mutex briefly. DATA_LOSS, deleting nothing, when those records do not verify.
  // Not run concurrently with itself (one retention task per host).
  virtual StatusOr<AuditPruneResult> PruneAudit(const AuditPrunePolicy& policy) = 0;

  // --- Scheduling (store_schedule.cc) ---
  virtual Status SetClinicTimeZone(const std::string& clinic_id, const std::string& time_zone) = 0;
  virtual Status UpsertResource(const ResourceRecord& resource) = 0;
  virtual StatusOr<std::vector<ResourceRecord>> ListResources(const std::string& clinic_id) = 0;
  // Replaces the clinic's weekly hours.
  virtual Status SetOpeningHours(const std::string& clinic_id,
                                 const std::vector<OpeningSpanRecord>& spans) = 0;
  virtual StatusOr<std::vector<OpeningSpanRecord>> GetOpeningHours(
      const std::string& clinic_id) = 0;
  // What the clinic's resources are busy with between `from` and `to` (Unix seconds).
  virtual StatusOr<std::vector<BusyRecord>> ListBusy(const std::string& clinic_id, int64_t from,
                                                     int64_t to) = 0;

  // --- Screening records (store_screening.cc); every read is scoped to a clinic ---
  // Stores `row` with the current call's audit record (naming the screening), group-committed.
  virtual Status InsertScreening(const ScreeningRow& row) = 0;
  // NOT_FOUND for an unknown id or one of another clinic.
  virtual StatusOr<ScreeningRow> GetScreening(const std::string& clinic_id,
                                              const std::string& screening_id) = 0;
  // Stores `review` (its screening must exist) with `claim` (may be null; see InsertPlan).
  virtual Status InsertReview(const ReviewRow& review, IdempotencyClaim* claim = nullptr) = 0;
  // The screening's reviews, oldest first.
  virtual StatusOr<std::vector<ReviewRow>> ListReviews(const std::string& clinic_id,
                                                       const std::string& screening_id) = 0;
  // NOT_FOUND for an unknown clinic.
  virtual Status SetScreeningRecency(const std::string& clinic_id, int days) = 0;

  // --- Idempotency keys (store_idempotency.cc) ---
  // The answer stored for `key` of `rpc` at the clinic less than kIdempotencyKeySeconds
  // before `now`; NOT_FOUND otherwise.
  virtual StatusOr<IdempotencyRecord> FindIdempotencyKey(const std::string& clinic_id,
                                                         const std::string& rpc,
                                                         const std::string& key, int64_t now) = 0;

  // --- Plans and appointments (store_booking.cc); every read is scoped to a clinic ---
  // Every write below commits whole or not at all, together with `claim` (may be null): when
  // its key is already stored the write is skipped, `claim->replayed` is set and the status
  // is ABORTED.
  virtual Status InsertPlan(const PlanRecord& plan, IdempotencyClaim* claim = nullptr) = 0;
  // NOT_FOUND for an unknown plan or one of another clinic.
  virtual StatusOr<PlanRecord> GetPlan(const std::string& clinic_id,
                                       const std::string& plan_id) = 0;
  // The patient's plans, one page of them (keyset on created_at, plan_id).
  virtual StatusOr<std::vector<PlanRecord>> ListPlans(const std::string& clinic_id,
                                                      const std::string& patient_ref,
                                                      const RowPage& page) = 0;
  // NOT_FOUND unless the clinic holds a plan of `patient_ref`: the patient is not its own.
  virtual Status ExpectPatient(const std::string& clinic_id, const std::string& patient_ref) = 0;
  // Cancels the ACTIVE plan and every BOOKED appointment of it and re-times its reminders
  // with `retimer`, atomically; `sessions` gets the plan's appointments as committed.
  // FAILED_PRECONDITION when the plan is no longer ACTIVE.
  virtual Status CancelPlan(const std::string& clinic_id, const std::string& plan_id,
                            const std::string& reason, int64_t now, const Retimer& retimer,
                            IdempotencyClaim* claim, std::vector<AppointmentRecord>* sessions) = 0;
  // Inserts a booked appointment, or, when `write.replaces` is set, moves that one, and
  // re-times the plan's reminders. In one transaction: FAILED_PRECONDITION unless the plan
  // is still ACTIVE (and the moved appointment still BOOKED); ABORTED when the plan's
  // appointments are no longer `write.checked_history`, or naming the resource when any of
  // its resources holds an overlapping appointment; ALREADY_EXISTS when the plan's session
  // is already booked or fulfilled; INVALID_ARGUMENT when it lasts over
  // kMaxAppointmentSeconds.
  virtual Status SaveBooking(const BookingWrite& write) = 0;
  virtual StatusOr<AppointmentRecord> GetAppointment(const std::string& clinic_id,
                                                     const std::string& appointment_id) = 0;
  // Moves a BOOKED appointment to the status of `appointment` (cancelled frees its
  // resources; fulfilled and noshow keep them). FAILED_PRECONDITION, writing nothing, when
  // the stored appointment is no longer BOOKED (a concurrent cancel or completion won).
  // Re-times the plan's reminders with `retimer` (may be empty) in the same transaction.
  virtual Status TransitionBookedAppointment(const AppointmentRecord& appointment,
                                             const Retimer& retimer = {},
                                             IdempotencyClaim* claim = nullptr) = 0;
  // Completes a BOOKED appointment in one transaction: the appointment FULFILLED, the plan
  // COMPLETED when all its sessions are, the aftercare plan and its messages, the reminders
  // re-timed. FAILED_PRECONDITION, writing nothing, when it is no longer BOOKED.
  virtual Status SaveCompletion(const CompletionWrite& write) = 0;
  virtual StatusOr<std::vector<AppointmentRecord>> ListAppointmentsOfPlan(
      const std::string& clinic_id, const std::string& plan_id) = 0;
  virtual StatusOr<std::vector<AppointmentRecord>> ListAppointmentsOfPatient(
      const std::string& clinic_id, const std::string& patient_ref) = 0;
  virtual StatusOr<std::vector<AppointmentRecord>> ListAppointmentsBetween(
      const std::string& clinic_id, int64_t from, int64_t to) = 0;
  virtual StatusOr<std::vector<AppointmentRecord>> ListAppointmentsOfResource(
      const std::string& clinic_id, const std::string& resource_id) = 0;
  // One page of the appointments `filter` selects (keyset on start_utc, appointment_id;
  // store_pages.cc).
  virtual StatusOr<std::vector<AppointmentRecord>> ListAppointmentsPage(
      const std::string& clinic_id, const AppointmentFilter& filter, const RowPage& page) = 0;
  // --- Aftercare (store_aftercare.cc) ---
  // NOT_FOUND when the appointment has no aftercare plan.
  virtual StatusOr<AftercareRecord> GetAftercare(const std::string& clinic_id,
                                                 const std::string& appointment_id) = 0;
  virtual StatusOr<std::vector<MessageRecord>> ListMessagesOfAppointment(
      const std::string& clinic_id, const std::string& appointment_id) = 0;
  virtual StatusOr<std::vector<MessageRecord>> ListMessagesOfPlan(const std::string& clinic_id,
                                                                  const std::string& plan_id) = 0;
  // PENDING messages with send_at <= up_to, oldest first; one page of them (keyset on
  // send_at, message_id).
  virtual StatusOr<std::vector<MessageRecord>> ListDueMessages(const std::string& clinic_id,
                                                               int64_t up_to,
                                                               const RowPage& page) = 0;
  // Marks PENDING messages SENT, atomically. NOT_FOUND (and nothing written) when an id is
  // not a message of the clinic; FAILED_PRECONDITION when one is WAITING or CANCELLED. `marked`
  // gets the ids this call changed, `already` the rest.
  virtual Status MarkMessagesSent(const std::string& clinic_id, const std::vector<std::string>& ids,
                                  int64_t now, std::vector<std::string>* marked,
                                  std::vector<std::string>* already,
                                  IdempotencyClaim* claim = nullptr) = 0;
  virtual Status InsertSymptomReport(const SymptomRecord& report) = 0;
  // One page (keyset on created_at, report_id) of the reports of a patient or an
  // appointment; an empty patient_ref or appointment_id matches all.
  virtual StatusOr<std::vector<SymptomRecord>> ListSymptomReports(const std::string& clinic_id,
                                                                  const std::string& patient_ref,
                                                                  const std::string& appointment_id,
                                                                  const RowPage& page) = 0;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_STORAGE_STORE_H_
