// The scheduling commands: slots, book, reschedule, cancel (booking.cc) and appointments,
// complete, calendar (appointments.cc). Their arguments, the requests they send and how the
// answers read (scheduling_render.cc).
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_SCHEDULING_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_SCHEDULING_H_

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "needlework/types/v1/clinical.pb.h"
#include "needlework/v1/scheduling.pb.h"

namespace needlework::ctl {

// FindSlotsRequest's limit on the date window.
inline constexpr int kMaxSlotWindowDays = 92;

struct SchedulingArgs {
  std::string plan_id;                     // <plan-id>
  int32_t session_index = 0;               // the wire's, 0-based: <session> minus 1
  std::string appointment_id;              // <appointment-id>
  std::string from_date;                   // slots --from, YYYY-MM-DD
  std::string to_date;                     // slots --to, YYYY-MM-DD
  std::string practitioner_id;             // --practitioner
  int32_t max_results = 0;                 // slots --max; 0: the host's default
  std::string start;                       // --start, RFC 3339 with an offset
  std::string room_id;                     // --room
  std::vector<std::string> device_ids;     // --device, in order
  std::string reason;                      // cancel --reason
  std::string patient_ref;                 // --patient
  std::string day;                         // appointments --day, YYYY-MM-DD
  std::string resource_id;                 // appointments --resource
  bool include_cancelled = false;          // appointments --include-cancelled
  std::vector<types::v1::Coding> areas;    // complete --area: treatment-area codes only
  std::optional<double> depth_mm;          // complete --depth
  std::vector<v1::ProductUse> products;    // complete --product NAME:LOT
  std::vector<types::v1::Coding> add_ons;  // complete --add-on: therapy codes, none twice
  std::string notes;                       // complete --notes
  std::string output_file;                 // calendar --output
};

// max_results stays 0 (the host's default) without --max.
v1::FindSlotsRequest BuildFindSlotsRequest(const SchedulingArgs& args);
v1::BookRequest BuildBookRequest(const SchedulingArgs& args);
// practitioner, room and devices stay empty (the appointment keeps its own) unless given.
v1::RescheduleRequest BuildRescheduleRequest(const SchedulingArgs& args);
v1::CancelAppointmentRequest BuildCancelAppointmentRequest(const SchedulingArgs& args);
// The one filter given: --patient, --day or --resource.
v1::ListAppointmentsRequest BuildListAppointmentsRequest(const SchedulingArgs& args);
// Areas as their codes; needle_depth_mm 0 without --depth; add_ons empty (every add-on booked)
// without --add-on.
v1::CompleteSessionRequest BuildCompleteSessionRequest(const SchedulingArgs& args);
v1::ExportCalendarRequest BuildExportCalendarRequest(const SchedulingArgs& args);

// The count (saying when the host cut the list, and after which start more follow), the
// time zone, the window the plan's spacing allows and the session shape, then a table of
// slots: weekday, start as --start takes it (local time with its offset), end, practitioner,
// room, devices.
void RenderSlots(const v1::FindSlotsResponse& response, std::ostream& out);

// One appointment as book, reschedule, cancel or complete leave it (add-ons included), with
// what was done when it has a completion.
void RenderAppointment(const v1::Appointment& appointment, std::ostream& out);

// A table of appointments: id, session, status, start, end (local time), practitioner,
// room, devices, add-ons, patient.
void RenderAppointments(const v1::ListAppointmentsResponse& response, std::ostream& out);

// The iCalendar text as the host sent it, but for control characters other than CR, LF and
// tab (which RFC 5545 does not allow anyway), shown as spaces.
void RenderCalendar(const v1::ExportCalendarResponse& response, std::ostream& out);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_SCHEDULING_H_
