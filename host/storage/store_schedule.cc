// Store: clinic time zones, resources, opening hours and resource occupancy.
#include "host/storage/sqlite_store.h"

namespace needlework::host {

Status SqliteStore::SetClinicTimeZone(const std::string& clinic_id, const std::string& time_zone) {
  return grouped_.Run([&] { return SetClinicTimeZoneLocked(clinic_id, time_zone); });
}

Status SqliteStore::SetClinicTimeZoneLocked(const std::string& clinic_id, const std::string& time_zone) {
  NW_ASSIGN_OR_RETURN(auto update,
                      db_->Prepare("UPDATE clinics SET time_zone = ? WHERE clinic_id = ?"));
  update->Bind(1, time_zone).Bind(2, clinic_id);
  NW_RETURN_IF_ERROR(update->Run());
  if (sqlite3_changes(db_->handle()) == 0) return NotFoundError("no clinic '" + clinic_id + "'");
  return OkStatus();
}

Status SqliteStore::UpsertResource(const ResourceRecord& resource) {
  return grouped_.Run([&] { return UpsertResourceLocked(resource); },
                      {"resource_id=" + resource.resource_id});
}

Status SqliteStore::UpsertResourceLocked(const ResourceRecord& resource) {
  NW_ASSIGN_OR_RETURN(
      auto upsert,
      db_->Prepare("INSERT INTO resources (clinic_id, resource_id, type, device_kind, "
                   "display_name, active) VALUES (?, ?, ?, ?, ?, ?) "
                   "ON CONFLICT (clinic_id, resource_id) DO UPDATE SET type = excluded.type, "
                   "device_kind = excluded.device_kind, display_name = excluded.display_name, "
                   "active = excluded.active"));
  upsert->Bind(1, resource.clinic_id).Bind(2, resource.resource_id);
  upsert->Bind(3, int64_t{resource.type}).Bind(4, resource.device_kind);
  upsert->Bind(5, resource.display_name).Bind(6, int64_t{resource.active ? 1 : 0});
  return upsert->Run();
}

StatusOr<std::vector<ResourceRecord>> SqliteStore::ListResources(const std::string& clinic_id) {
  std::lock_guard lock(read_mutex_);
  NW_ASSIGN_OR_RETURN(auto query,
                      reader_->Prepare("SELECT clinic_id, resource_id, type, device_kind, "
                                       "display_name, active FROM resources WHERE clinic_id = ? "
                                       "ORDER BY resource_id"));
  query->Bind(1, clinic_id);
  std::vector<ResourceRecord> resources;
  while (true) {
    NW_ASSIGN_OR_RETURN(bool row, query->Step());
    if (!row) break;
    resources.push_back({query->ColumnText(0), query->ColumnText(1),
                         static_cast<int>(query->ColumnInt(2)), query->ColumnText(3),
                         query->ColumnText(4), query->ColumnInt(5) != 0});
  }
  return resources;
}

Status SqliteStore::SetOpeningHours(const std::string& clinic_id,
                              const std::vector<OpeningSpanRecord>& spans) {
  return grouped_.Run([&] { return SetOpeningHoursLocked(clinic_id, spans); });
}

Status SqliteStore::SetOpeningHoursLocked(const std::string& clinic_id,
                                    const std::vector<OpeningSpanRecord>& spans) {
  NW_ASSIGN_OR_RETURN(auto clear, db_->Prepare("DELETE FROM opening_hours WHERE clinic_id = ?"));
  clear->Bind(1, clinic_id);
  NW_RETURN_IF_ERROR(clear->Run());
  NW_ASSIGN_OR_RETURN(auto insert,
                      db_->Prepare("INSERT INTO opening_hours (clinic_id, weekday, open_minute, "
                                   "close_minute) VALUES (?, ?, ?, ?)"));
  for (const auto& span : spans) {
    insert->Bind(1, clinic_id).Bind(2, int64_t{span.weekday});
    insert->Bind(3, int64_t{span.open_minute}).Bind(4, int64_t{span.close_minute});
    NW_RETURN_IF_ERROR(insert->Run());
  }
  return OkStatus();
}

StatusOr<std::vector<OpeningSpanRecord>> SqliteStore::GetOpeningHours(const std::string& clinic_id) {
  std::lock_guard lock(read_mutex_);
  NW_ASSIGN_OR_RETURN(
      auto query, reader_->Prepare("SELECT weekday, open_minute, close_minute FROM opening_hours "
                                   "WHERE clinic_id = ? ORDER BY weekday, open_minute"));
  query->Bind(1, clinic_id);
  std::vector<OpeningSpanRecord> spans;
  while (true) {
    NW_ASSIGN_OR_RETURN(bool row, query->Step());
    if (!row) break;
    spans.push_back({static_cast<int>(query->ColumnInt(0)), static_cast<int>(query->ColumnInt(1)),
                     static_cast<int>(query->ColumnInt(2))});
  }
  return spans;
}

StatusOr<std::vector<BusyRecord>> SqliteStore::ListBusy(const std::string& clinic_id, int64_t from,
                                                  int64_t to) {
  std::lock_guard lock(read_mutex_);
  NW_ASSIGN_OR_RETURN(
      auto query, reader_->Prepare("SELECT resource_id, start_utc, end_utc FROM occupancy "
                                   "WHERE clinic_id = ?1 AND resource_id IN (SELECT resource_id "
                                   "FROM resources WHERE clinic_id = ?1) AND start_utc < ?2 "
                                   "AND start_utc > ?3 AND end_utc > ?4"));
  // One index range per resource (occupancy_by_resource), bounded like FindConflict's.
  query->Bind(1, clinic_id).Bind(2, to).Bind(3, from - kMaxAppointmentSeconds).Bind(4, from);
  std::vector<BusyRecord> busy;
  while (true) {
    NW_ASSIGN_OR_RETURN(bool row, query->Step());
    if (!row) break;
    busy.push_back({query->ColumnText(0), query->ColumnInt(1), query->ColumnInt(2)});
  }
  return busy;
}

}  // namespace needlework::host
