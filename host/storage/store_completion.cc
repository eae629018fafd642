// Store: the writes that span a plan — completing a session with its aftercare, the
// reminders every change to a plan's appointments re-times, and the check that a booking's
// plugin verdict still describes the plan it is committed to.
#include <algorithm>
#include <tuple>

#include "host/storage/sqlite_store.h"
#include "needlework/types/v1/scheduling.pb.h"

namespace needlework::host {
namespace {

namespace types = needlework::types::v1;

// What a check_booking plugin is shown of each session, in a comparable order.
using SessionKey = std::tuple<std::string, int, int64_t, int64_t, int>;

std::vector<SessionKey> Keys(const std::vector<AppointmentRecord>& sessions,
                             const std::string& ignore) {
  std::vector<SessionKey> keys;
  for (const auto& s : sessions) {
    if (s.appointment_id != ignore)
      keys.emplace_back(s.appointment_id, s.session_index, s.start, s.end, s.status);
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

}  // namespace

Status SqliteStore::ExpectHistoryLocked(const AppointmentRecord& appointment,
                                        const std::string& ignore,
                                        const std::vector<AppointmentRecord>& checked) {
  NW_ASSIGN_OR_RETURN(auto now,
                      QueryAppointments(*db_, "WHERE clinic_id = ? AND plan_id = ?",
                                        {appointment.clinic_id, appointment.plan_id}, {}));
  if (Keys(now, ignore) == Keys(checked, ignore)) return OkStatus();
  return Status(StatusCode::kAborted, "plan " + appointment.plan_id +
                                          " changed while this booking was checked (another "
                                          "session was booked, moved or cancelled); retry");
}

Status SqliteStore::SaveCompletion(const CompletionWrite& write) {
  const AppointmentRecord& appointment = write.appointment;
  return Claimed(write.claim, [&]() -> Status {
    NW_RETURN_IF_ERROR(ExpectStatus("appointments", "appointment_id", appointment.clinic_id,
                                    appointment.appointment_id, types::APPOINTMENT_STATUS_BOOKED,
                                    "appointment"));
    NW_RETURN_IF_ERROR(WriteAppointmentLocked(appointment));
    NW_RETURN_IF_ERROR(CompletePlanIfDoneLocked(appointment, write.session_count));
    if (write.has_aftercare)
      NW_RETURN_IF_ERROR(SaveAftercareLocked(write.aftercare, write.messages));
    return RetimeLocked(appointment.clinic_id, appointment.plan_id, write.retimer);
  });
}

Status SqliteStore::CompletePlanIfDoneLocked(const AppointmentRecord& appointment,
                                             int session_count) {
  NW_ASSIGN_OR_RETURN(auto count, db_->Prepare("SELECT COUNT(*) FROM appointments WHERE "
                                               "clinic_id = ? AND plan_id = ? AND status = ?"));
  count->Bind(1, appointment.clinic_id).Bind(2, appointment.plan_id);
  count->Bind(3, int64_t{types::APPOINTMENT_STATUS_FULFILLED});
  NW_ASSIGN_OR_RETURN(bool row, count->Step());
  if (!row || count->ColumnInt(0) < session_count) return OkStatus();
  NW_ASSIGN_OR_RETURN(auto update, db_->Prepare("UPDATE plans SET status = ? WHERE clinic_id = ? "
                                                "AND plan_id = ?"));
  update->Bind(1, int64_t{types::PLAN_STATUS_COMPLETED}).Bind(2, appointment.clinic_id);
  update->Bind(3, appointment.plan_id);
  return update->Run();
}

Status SqliteStore::RetimeLocked(const std::string& clinic_id, const std::string& plan_id,
                                 const Retimer& retimer) {
  if (!retimer) return OkStatus();
  PlanState state;
  NW_ASSIGN_OR_RETURN(state.messages,
                      QueryMessages(*db_, "WHERE clinic_id = ? AND plan_id = ? ORDER BY message_id",
                                    {clinic_id, plan_id}, {}));
  if (state.messages.empty()) return OkStatus();
  NW_ASSIGN_OR_RETURN(
      state.appointments,
      QueryAppointments(*db_, "WHERE clinic_id = ? AND plan_id = ?", {clinic_id, plan_id}, {}));
  for (const auto& message : retimer(state)) NW_RETURN_IF_ERROR(RescheduleMessageLocked(message));
  return OkStatus();
}

}  // namespace needlework::host
