// Records the scheduling part of the store reads and writes.
#ifndef NEEDLEWORK_HOST_STORAGE_SCHEDULE_RECORDS_H_
#define NEEDLEWORK_HOST_STORAGE_SCHEDULE_RECORDS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace needlework::host {

struct ResourceRecord {
  std::string clinic_id;
  std::string resource_id;
  int type = 0;             // needlework.types.v1.ResourceType
  std::string device_kind;  // devices only
  std::string display_name;
  bool active = true;
};

struct OpeningSpanRecord {
  int weekday = 0;  // 0 = Sunday
  int open_minute = 0;
  int close_minute = 0;
};

struct PlanRecord {
  std::string plan_id;
  std::string clinic_id;
  std::string patient_ref;
  std::string series_bytes;   // serialized needlework.types.v1.SeriesPlan
  int status = 0;             // needlework.types.v1.PlanStatus
  int screening_outcome = 0;  // needlework.types.v1.Outcome
  int64_t created_at = 0;
  std::string cancel_reason;
  std::string screening_id;  // the screening record the plan is bound to; "" for older plans
};

struct AppointmentRecord {
  std::string appointment_id;
  std::string clinic_id;
  std::string plan_id;
  int session_index = 0;
  std::string patient_ref;
  int64_t start = 0;  // Unix seconds, UTC
  int64_t end = 0;
  int status = 0;                         // needlework.types.v1.AppointmentStatus
  std::vector<std::string> resource_ids;  // practitioner, room, devices: what it occupies
  std::string cancel_reason;
  std::string completion_bytes;  // serialized needlework.v1.SessionCompletion
  int64_t updated_at = 0;
  // serialized needlework.types.v1.SessionShape: the time, resources and add-ons booked
  std::string session_bytes;
};

// What a resource is busy with, for slot search.
// Which appointments ListAppointmentsPage selects: those of one patient, those using one
// resource, or those overlapping [from, to) (Unix seconds) when both names are empty.
struct AppointmentFilter {
  std::string patient_ref;
  std::string resource_id;
  int64_t from = 0, to = 0;
  bool include_cancelled = false;
};

struct BusyRecord {
  std::string resource_id;
  int64_t start = 0;
  int64_t end = 0;
  std::string appointment_id;  // the appointment that holds it
};

// The resource that stood in the way of a booking.
struct Conflict {
  std::string resource_id;
  std::string appointment_id;
  int64_t start = 0;
  int64_t end = 0;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_STORAGE_SCHEDULE_RECORDS_H_
