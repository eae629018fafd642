// SqliteStore::ListAppointmentsPage: one page of a clinic's appointments, in SQL (keyset and
// LIMIT), for ListAppointments.
#include "host/storage/sqlite_store.h"
#include "needlework/types/v1/scheduling.pb.h"

namespace needlework::host {
namespace {

// The filter's condition on ?2 (its text) or ?5 and ?6 (its range).
std::string FilterCondition(const AppointmentFilter& filter) {
  if (!filter.patient_ref.empty()) return "patient_ref = ?2";
  if (!filter.resource_id.empty()) return "(',' || resource_ids || ',') LIKE ('%,' || ?2 || ',%')";
  return "start_utc < ?6 AND end_utc > ?5";
}

}  // namespace

StatusOr<std::vector<AppointmentRecord>> SqliteStore::ListAppointmentsPage(
    const std::string& clinic_id, const AppointmentFilter& filter, const RowPage& page) {
  int64_t hidden_status =
      filter.include_cancelled ? -1 : int64_t{needlework::types::v1::APPOINTMENT_STATUS_CANCELLED};
  std::string text = filter.patient_ref.empty() ? filter.resource_id : filter.patient_ref;
  std::lock_guard lock(read_mutex_);
  return QueryAppointments(
      *reader_,
      "WHERE clinic_id = ?1 AND " + FilterCondition(filter) +
          " AND status != ?7 AND (start_utc, appointment_id) > (?4, ?3)",
      {clinic_id, text, page.after_id},
      {page.after_number, filter.from, filter.to, hidden_status, int64_t{page.limit}}, " LIMIT ?8");
}

}  // namespace needlework::host
