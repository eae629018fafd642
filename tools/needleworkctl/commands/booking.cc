// slots, book, reschedule, cancel.
#include <algorithm>

#include "commands/families.h"
#include "commands/scheduling.h"
#include "dates.h"
#include "needlework/v1/scheduling.grpc.pb.h"
#include "session.h"
#include "setters.h"
#include "syntax.h"

namespace needlework::ctl {
namespace {

using Scheduling = v1::SchedulingService::Stub;
using Args = SchedulingArgs;

constexpr int32_t kMaxSessionNumber = 1000;  // far beyond any series

// <session>: the session as a person counts it, 1 for the first; the wire's session_index
// is one less.
Status SetSessionNumber(const std::string& word, Args* args) {
  NW_ASSIGN_OR_RETURN(int32_t number, ParseWholeNumber(word, 1, kMaxSessionNumber));
  args->session_index = number - 1;
  return OkStatus();
}

constexpr Positional<Args> kPlanId{"plan-id", SetWord<&Args::plan_id>, false};
constexpr Positional<Args> kSession{"session", SetSessionNumber, false};
constexpr Flag<Args> kStart{"start", FlagKind::kValue, SetBy<&Args::start, NormalizeTimestamp>};
constexpr Flag<Args> kPractitioner{"practitioner", FlagKind::kValue,
                                   SetText<&Args::practitioner_id>};
constexpr Flag<Args> kRoom{"room", FlagKind::kValue, SetText<&Args::room_id>};
constexpr Flag<Args> kDevice{"device", FlagKind::kValues, AddText<&Args::device_ids>};

// slots: --to not before --from, and at most kMaxSlotWindowDays after it.
Status FinishSlots(const GlobalOptions&, Args* args) {
  auto from = ParseDate(args->from_date);
  auto to = ParseDate(args->to_date);
  if (!from || !to) return OkStatus();  // required flags, checked before
  int days = DaysBetween(*from, *to);
  if (days < 0) {
    return InvalidArgumentError("--to " + args->to_date + " is before --from " + args->from_date);
  }
  if (days > kMaxSlotWindowDays) {
    return InvalidArgumentError("--to is " + std::to_string(days) + " days after --from: at most " +
                                std::to_string(kMaxSlotWindowDays));
  }
  return OkStatus();
}

// book, reschedule: no --device twice.
Status FinishBooking(const GlobalOptions&, Args* args) {
  const std::vector<std::string>& devices = args->device_ids;
  for (auto device = devices.begin(); device != devices.end(); ++device) {
    if (std::find(devices.begin(), device, *device) != device) {
      return InvalidArgumentError("--device " + *device + " given twice");
    }
  }
  return OkStatus();
}

int Slots(const Args& args, Session& session) {
  return session.Invoke(&Scheduling::FindSlots, "FindSlots", BuildFindSlotsRequest(args),
                        RenderSlots);
}

int Book(const Args& args, Session& session) {
  return session.Invoke(&Scheduling::Book, "Book", BuildBookRequest(args), RenderAppointment);
}

int Reschedule(const Args& args, Session& session) {
  return session.Invoke(&Scheduling::Reschedule, "Reschedule", BuildRescheduleRequest(args),
                        RenderAppointment);
}

int Cancel(const Args& args, Session& session) {
  return session.Invoke(&Scheduling::Cancel, "Cancel", BuildCancelAppointmentRequest(args),
                        RenderAppointment);
}

}  // namespace

v1::FindSlotsRequest BuildFindSlotsRequest(const SchedulingArgs& args) {
  v1::FindSlotsRequest request;
  request.set_plan_id(args.plan_id);
  request.set_session_index(args.session_index);
  request.set_from_date(args.from_date);
  request.set_to_date(args.to_date);
  request.set_practitioner_id(args.practitioner_id);
  request.set_max_results(args.max_results);
  return request;
}

v1::BookRequest BuildBookRequest(const SchedulingArgs& args) {
  v1::BookRequest request;
  request.set_plan_id(args.plan_id);
  request.set_session_index(args.session_index);
  request.set_start(args.start);
  request.set_practitioner_id(args.practitioner_id);
  request.set_room_id(args.room_id);
  for (const std::string& device : args.device_ids) request.add_device_ids(device);
  return request;
}

v1::RescheduleRequest BuildRescheduleRequest(const SchedulingArgs& args) {
  v1::RescheduleRequest request;
  request.set_appointment_id(args.appointment_id);
  request.set_start(args.start);
  request.set_practitioner_id(args.practitioner_id);
  request.set_room_id(args.room_id);
  for (const std::string& device : args.device_ids) request.add_device_ids(device);
  return request;
}

v1::CancelAppointmentRequest BuildCancelAppointmentRequest(const SchedulingArgs& args) {
  v1::CancelAppointmentRequest request;
  request.set_appointment_id(args.appointment_id);
  request.set_reason(args.reason);
  return request;
}

std::vector<Command> BookingCommands() {
  Positional<Args> appointment_id{"appointment-id", SetWord<&Args::appointment_id>, false};
  return {
      MakeCommand<Args>(
          {"slots",
           "<plan-id> <session> --from YYYY-MM-DD --to YYYY-MM-DD [--practitioner ID] "
           "[--max N]",
           "Find free times for one session of a plan",
           "Free start times for session <session> (1 is the first) of the plan, on the\n"
           "clinic's days --from to --to (inclusive, at most 92 days apart): within opening\n"
           "hours, with a practitioner, a room and every device the plan needs free, keeping the\n"
           "plan's spacing and every plugin's booking rules. --practitioner keeps to one\n"
           "practitioner; --max caps the list (1 to 500; the host's default is 50); a list cut\n"
           "there says so and after which start more follow. Each START is the clinic's local\n"
           "time with its UTC offset, as book --start takes it (2026-03-02T09:00+00:00).\n"
           "First prints the session the slots are for: its minutes and\n"
           "resources with the plan's add-ons the clinic offers now, and those it no longer\n"
           "offers (the session is shaped without them). Needs an `emr` token."},
          {.positionals = {kPlanId, kSession},
           .flags = {{"from", FlagKind::kValue, SetDate<&Args::from_date>},
                     {"to", FlagKind::kValue, SetDate<&Args::to_date>},
                     kPractitioner,
                     {"max", FlagKind::kValue,
                      SetWholeNumber<&Args::max_results, 1, kMaxSlotResults>}},
           .required = {"from", "to"},
           .finish = FinishSlots},
          Slots),
      MakeCommand<Args>(
          {"book", "<plan-id> <session> --start TIME --practitioner ID --room ID [--device ID ...]",
           "Book one session of a plan",
           "Books session <session> (1 is the first) of the plan at TIME, RFC 3339 with an\n"
           "offset (e.g. 2026-03-02T09:00:00+01:00; the seconds may be left out), usually a\n"
           "start slots offered, with the practitioner, the room and one --device for each\n"
           "device the session needs (its add-ons' too, as slots shows). Refused when a plugin's "
           "booking rules forbid it,\n"
           "when a resource is already booked then (the message names the appointment; pick\n"
           "another start from slots), or when a concurrent call took a resource or changed the\n"
           "plan while this booking was checked (ABORTED: run slots again). Needs an `emr` "
           "token."},
          {.positionals = {kPlanId, kSession},
           .flags = {kStart, kPractitioner, kRoom, kDevice},
           .required = {"start", "practitioner", "room"},
           .finish = FinishBooking},
          Book),
      MakeCommand<Args>(
          {"reschedule",
           "<appointment-id> --start TIME [--practitioner ID] [--room ID] [--device ID ...]",
           "Move a booked appointment",
           "Moves the appointment to TIME (RFC 3339 with an offset), with the same checks as\n"
           "book. --practitioner, --room and --device replace the appointment's own; without\n"
           "them it keeps them. Needs an `emr` token."},
          {.positionals = {appointment_id},
           .flags = {kStart, kPractitioner, kRoom, kDevice},
           .required = {"start"},
           .finish = FinishBooking},
          Reschedule),
      MakeCommand<Args>(
          {"cancel", "<appointment-id> --reason TEXT", "Cancel an appointment",
           "Cancels the appointment, recording TEXT as the reason. Needs an `emr` token."},
          {.positionals = {appointment_id},
           .flags = {{"reason", FlagKind::kValue, SetReason<&Args::reason>}},
           .required = {"reason"}},
          Cancel),
  };
}

}  // namespace needlework::ctl
