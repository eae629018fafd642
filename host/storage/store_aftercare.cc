// Store: aftercare plans, patient messages and symptom reports. Marking messages sent is a
// conditional update inside a transaction, so two callers racing can never both mark one.
#include "host/storage/call_audit.h"
#include "host/storage/sqlite_store.h"
#include "needlework/v1/aftercare.pb.h"

namespace needlework::host {
namespace {

using needlework::v1::Message;

constexpr char kMessageColumns[] =
    "SELECT message_id, clinic_id, appointment_id, plan_id, session_index, patient_ref, kind, "
    "spec, template_text, text, language, send_at, status, sent_at, waiting_template FROM "
    "messages ";

MessageRecord ReadMessage(const sqlite::Statement& row) {
  MessageRecord m;
  m.message_id = row.ColumnText(0);
  m.clinic_id = row.ColumnText(1);
  m.appointment_id = row.ColumnText(2);
  m.plan_id = row.ColumnText(3);
  m.session_index = static_cast<int>(row.ColumnInt(4));
  m.patient_ref = row.ColumnText(5);
  m.kind = row.ColumnText(6);
  m.spec_bytes = row.ColumnText(7);
  m.template_text = row.ColumnText(8);
  m.text = row.ColumnText(9);
  m.language = row.ColumnText(10);
  if (!row.ColumnIsNull(11)) m.send_at = row.ColumnInt(11);
  m.status = static_cast<int>(row.ColumnInt(12));
  m.sent_at = row.ColumnInt(13);
  m.waiting_template = row.ColumnText(14);
  return m;
}

void BindSendAt(sqlite::Statement& statement, int index, const std::optional<int64_t>& send_at) {
  if (send_at) {
    statement.Bind(index, *send_at);
  } else {
    statement.BindNull(index);
  }
}

}  // namespace

Status SqliteStore::SaveAftercareLocked(const AftercareRecord& plan,
                                        const std::vector<MessageRecord>& messages) {
  NW_ASSIGN_OR_RETURN(auto insert_plan,
                      db_->Prepare("INSERT OR REPLACE INTO aftercare_plans (appointment_id, "
                                   "clinic_id, plan, created_at) VALUES (?, ?, ?, ?)"));
  insert_plan->Bind(1, plan.appointment_id).Bind(2, plan.clinic_id).Bind(3, plan.plan_bytes);
  insert_plan->Bind(4, plan.created_at);
  NW_RETURN_IF_ERROR(insert_plan->Run());
  NW_ASSIGN_OR_RETURN(
      auto insert,
      db_->Prepare(
          "INSERT INTO messages (message_id, clinic_id, appointment_id, plan_id, session_index, "
          "patient_ref, kind, spec, template_text, text, language, send_at, status, sent_at, "
          "waiting_template) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  for (const auto& m : messages) {
    insert->Bind(1, m.message_id).Bind(2, m.clinic_id).Bind(3, m.appointment_id);
    insert->Bind(4, m.plan_id).Bind(5, int64_t{m.session_index}).Bind(6, m.patient_ref);
    insert->Bind(7, m.kind).Bind(8, m.spec_bytes).Bind(9, m.template_text).Bind(10, m.text);
    insert->Bind(11, m.language);
    BindSendAt(*insert, 12, m.send_at);
    insert->Bind(13, int64_t{m.status}).Bind(14, m.sent_at).Bind(15, m.waiting_template);
    NW_RETURN_IF_ERROR(insert->Run());
  }
  return OkStatus();
}

StatusOr<AftercareRecord> SqliteStore::GetAftercare(const std::string& clinic_id,
                                                    const std::string& appointment_id) {
  std::lock_guard lock(read_mutex_);
  NW_ASSIGN_OR_RETURN(auto query,
                      reader_->Prepare("SELECT appointment_id, clinic_id, plan, created_at "
                                       "FROM aftercare_plans WHERE clinic_id = ? AND "
                                       "appointment_id = ?"));
  query->Bind(1, clinic_id).Bind(2, appointment_id);
  NW_ASSIGN_OR_RETURN(bool row, query->Step());
  if (!row) return NotFoundError("appointment " + appointment_id + " has no aftercare plan");
  return AftercareRecord{query->ColumnText(0), query->ColumnText(1), query->ColumnText(2),
                         query->ColumnInt(3)};
}

StatusOr<std::vector<MessageRecord>> SqliteStore::QueryMessages(
    sqlite::Database& db, const std::string& where, const std::vector<std::string>& text,
    const std::vector<int64_t>& numbers) {
  NW_ASSIGN_OR_RETURN(auto query, db.Prepare(std::string(kMessageColumns) + where));
  int index = 1;
  for (const auto& t : text) query->Bind(index++, t);
  for (int64_t n : numbers) query->Bind(index++, n);
  std::vector<MessageRecord> found;
  while (true) {
    NW_ASSIGN_OR_RETURN(bool row, query->Step());
    if (!row) break;
    found.push_back(ReadMessage(*query));
  }
  return found;
}

StatusOr<std::vector<MessageRecord>> SqliteStore::ListMessagesOfAppointment(
    const std::string& clinic_id, const std::string& appointment_id) {
  std::lock_guard lock(read_mutex_);
  return QueryMessages(*reader_,
                       "WHERE clinic_id = ? AND appointment_id = ? ORDER BY send_at, message_id",
                       {clinic_id, appointment_id}, {});
}

StatusOr<std::vector<MessageRecord>> SqliteStore::ListMessagesOfPlan(const std::string& clinic_id,
                                                                     const std::string& plan_id) {
  std::lock_guard lock(read_mutex_);
  return QueryMessages(*reader_, "WHERE clinic_id = ? AND plan_id = ? ORDER BY send_at, message_id",
                       {clinic_id, plan_id}, {});
}

StatusOr<std::vector<MessageRecord>> SqliteStore::ListDueMessages(const std::string& clinic_id,
                                                                  int64_t up_to,
                                                                  const RowPage& page) {
  std::lock_guard lock(read_mutex_);
  NW_ASSIGN_OR_RETURN(
      auto due,
      QueryMessages(
          *reader_,
          "WHERE clinic_id = ?1 AND status = ?3 AND send_at IS NOT NULL AND send_at <= ?4 "
          "AND (send_at, message_id) > (?5, ?2) ORDER BY send_at, message_id LIMIT ?6",
          {clinic_id, page.after_id},
          {int64_t{Message::STATUS_PENDING}, up_to, page.after_number, int64_t{page.limit}}));
  NoteCallPatients(PatientsOf(due));
  return due;
}

Status SqliteStore::RescheduleMessageLocked(const MessageRecord& m) {
  NW_ASSIGN_OR_RETURN(
      auto update,
      db_->Prepare("UPDATE messages SET send_at = ?, status = ?, text = ? WHERE clinic_id = ? AND "
                   "message_id = ? AND status != ?"));
  BindSendAt(*update, 1, m.send_at);
  update->Bind(2, int64_t{m.status}).Bind(3, m.text).Bind(4, m.clinic_id).Bind(5, m.message_id);
  update->Bind(6, int64_t{Message::STATUS_SENT});
  return update->Run();
}

StatusOr<std::vector<std::string>> SqliteStore::PatientsOfMessages(
    const std::string& clinic_id, const std::vector<std::string>& ids) {
  std::lock_guard lock(read_mutex_);
  NW_ASSIGN_OR_RETURN(auto query, reader_->Prepare("SELECT patient_ref FROM messages WHERE "
                                                   "clinic_id = ? AND message_id = ?"));
  std::vector<std::string> patients;
  for (const auto& id : ids) {
    query->Reset();
    query->Bind(1, clinic_id).Bind(2, id);
    NW_ASSIGN_OR_RETURN(bool row, query->Step());
    if (row) patients.push_back(query->ColumnText(0));
  }
  return patients;
}

Status SqliteStore::MarkMessagesSent(const std::string& clinic_id,
                                     const std::vector<std::string>& ids, int64_t now,
                                     std::vector<std::string>* marked,
                                     std::vector<std::string>* already, IdempotencyClaim* claim) {
  NW_ASSIGN_OR_RETURN(auto patients, PatientsOfMessages(clinic_id, ids));
  NoteCallPatients(patients);
  return Claimed(claim, [&]() -> Status {
    marked->clear();
    already->clear();
    return MarkMessagesSentLocked(clinic_id, ids, now, marked, already);
  });
}

Status SqliteStore::MarkMessagesSentLocked(const std::string& clinic_id,
                                           const std::vector<std::string>& ids, int64_t now,
                                           std::vector<std::string>* marked,
                                           std::vector<std::string>* already) {
  NW_ASSIGN_OR_RETURN(
      auto status_of,
      db_->Prepare("SELECT status FROM messages WHERE clinic_id = ? AND message_id = ?"));
  NW_ASSIGN_OR_RETURN(
      auto mark,
      db_->Prepare(
          "UPDATE messages SET status = ?, sent_at = ? WHERE clinic_id = ? AND message_id = ? "
          "AND status = ?"));
  for (const auto& id : ids) {
    status_of->Reset();
    status_of->Bind(1, clinic_id).Bind(2, id);
    NW_ASSIGN_OR_RETURN(bool exists, status_of->Step());
    if (!exists) return NotFoundError("no message '" + id + "' at this clinic");
    int status = static_cast<int>(status_of->ColumnInt(0));
    if (status != Message::STATUS_PENDING && status != Message::STATUS_SENT) {
      return FailedPreconditionError("message " + id + " is " + Message::Status_Name(status) +
                                     ", not due: it cannot be marked sent");
    }
    mark->Bind(1, int64_t{Message::STATUS_SENT}).Bind(2, now).Bind(3, clinic_id).Bind(4, id);
    mark->Bind(5, int64_t{Message::STATUS_PENDING});
    NW_RETURN_IF_ERROR(mark->Run());
    (sqlite3_changes(db_->handle()) == 1 ? marked : already)->push_back(id);
  }
  return OkStatus();
}

Status SqliteStore::InsertSymptomReport(const SymptomRecord& report) {
  return grouped_.Run([&] { return InsertSymptomReportLocked(report); },
                      {"appointment_id=" + report.appointment_id});
}

Status SqliteStore::InsertSymptomReportLocked(const SymptomRecord& report) {
  NW_ASSIGN_OR_RETURN(
      auto insert,
      db_->Prepare(
          "INSERT INTO symptom_reports (report_id, clinic_id, appointment_id, patient_ref, report, "
          "created_at) VALUES (?, ?, ?, ?, ?, ?)"));
  insert->Bind(1, report.report_id).Bind(2, report.clinic_id).Bind(3, report.appointment_id);
  insert->Bind(4, report.patient_ref).Bind(5, report.report_bytes).Bind(6, report.created_at);
  return insert->Run();
}

StatusOr<std::vector<SymptomRecord>> SqliteStore::ListSymptomReports(
    const std::string& clinic_id, const std::string& patient_ref, const std::string& appointment_id,
    const RowPage& page) {
  std::lock_guard lock(read_mutex_);
  NW_ASSIGN_OR_RETURN(
      auto query,
      reader_->Prepare(
          "SELECT report_id, clinic_id, appointment_id, patient_ref, report, created_at "
          "FROM symptom_reports WHERE clinic_id = ?1 AND (?2 = '' OR patient_ref = ?2) AND "
          "(?3 = '' OR appointment_id = ?3) AND (created_at, report_id) > (?4, ?5) "
          "ORDER BY created_at, report_id LIMIT ?6"));
  query->Bind(1, clinic_id).Bind(2, patient_ref).Bind(3, appointment_id);
  query->Bind(4, page.after_number).Bind(5, page.after_id).Bind(6, int64_t{page.limit});
  std::vector<SymptomRecord> reports;
  while (true) {
    NW_ASSIGN_OR_RETURN(bool row, query->Step());
    if (!row) break;
    reports.push_back({query->ColumnText(0), query->ColumnText(1), query->ColumnText(2),
                       query->ColumnText(3), query->ColumnText(4), query->ColumnInt(5)});
  }
  NoteCallPatients(PatientsOf(reports));
  return reports;
}

}  // namespace needlework::host
