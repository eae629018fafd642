// appointments, complete, calendar.
#include "commands/families.h"
#include "commands/scheduling.h"
#include "inputs.h"
#include "needlework/code_systems.h"
#include "needlework/v1/scheduling.grpc.pb.h"
#include "session.h"
#include "setters.h"
#include "syntax.h"
#include "text.h"

namespace needlework::ctl {
namespace {

using Scheduling = v1::SchedulingService::Stub;
using Args = SchedulingArgs;

constexpr Flag<Args> kPatient{"patient", FlagKind::kValue, SetText<&Args::patient_ref>};

Status SetDepth(std::string_view flag, const std::string& value, Args* args) {
  StatusOr<double> depth = ParseDepth(value);
  if (!depth.ok()) return depth.status().WithPrefix(flag);
  args->depth_mm = *depth;
  return OkStatus();
}

Status AddProduct(std::string_view flag, const std::string& value, Args* args) {
  return SetParsed(flag, ParseProduct(value), &args->products.emplace_back());
}

// appointments: exactly one of --patient, --day, --resource.
Status FinishAppointments(const GlobalOptions&, Args* args) {
  int filters = static_cast<int>(!args->patient_ref.empty()) +
                static_cast<int>(!args->day.empty()) + static_cast<int>(!args->resource_id.empty());
  if (filters == 0) return InvalidArgumentError("missing --patient, --day or --resource");
  if (filters > 1) {
    return InvalidArgumentError("--patient, --day and --resource do not go together: give one");
  }
  return OkStatus();
}

// complete: --area takes Needlework's treatment-area codes only (what the host records).
Status FinishComplete(const GlobalOptions&, Args* args) {
  for (const types::v1::Coding& area : args->areas) {
    if (area.system() != code_systems::kTreatmentArea) {
      return InvalidArgumentError("--area: '" + area.system() + "|" + area.code() +
                                  "': complete records Needlework's treatment-area codes (e.g. "
                                  "face), not SYSTEM|CODE");
    }
  }
  return OkStatus();
}

// calendar: --output writes the iCalendar text, so it does not go with --json.
Status FinishCalendar(const GlobalOptions& options, Args* args) {
  if (!args->output_file.empty() && options.json) {
    return InvalidArgumentError(
        "--output and --json do not go together: --output writes the iCalendar text itself");
  }
  return OkStatus();
}

int Appointments(const Args& args, Session& session) {
  return session.InvokeAll(&Scheduling::ListAppointments, "ListAppointments",
                           BuildListAppointmentsRequest(args), RenderAppointments);
}

int Complete(const Args& args, Session& session) {
  return session.Invoke(&Scheduling::CompleteSession, "CompleteSession",
                        BuildCompleteSessionRequest(args), RenderAppointment);
}

int Calendar(const Args& args, Session& session) {
  v1::ExportCalendarRequest request = BuildExportCalendarRequest(args);
  if (args.output_file.empty()) {
    return session.Invoke(&Scheduling::ExportCalendar, "ExportCalendar", request, RenderCalendar);
  }
  v1::ExportCalendarResponse response;
  if (!session.Call(&Scheduling::ExportCalendar, "ExportCalendar", request, &response)) {
    return kExitRpcError;
  }
  Status written = WriteFile(args.output_file, response.icalendar());
  if (!written.ok()) return session.LocalError(written);
  session.out() << "Wrote the calendar of " << Printable(args.patient_ref) << " to "
                << args.output_file << '\n';
  return kExitOk;
}

}  // namespace

v1::ListAppointmentsRequest BuildListAppointmentsRequest(const SchedulingArgs& args) {
  v1::ListAppointmentsRequest request;
  if (!args.patient_ref.empty()) {
    request.set_patient_ref(args.patient_ref);
  } else if (!args.day.empty()) {
    request.set_day(args.day);
  } else {
    request.set_resource_id(args.resource_id);
  }
  request.set_include_cancelled(args.include_cancelled);
  return request;
}

v1::CompleteSessionRequest BuildCompleteSessionRequest(const SchedulingArgs& args) {
  v1::CompleteSessionRequest request;
  request.set_appointment_id(args.appointment_id);
  v1::SessionCompletion& completion = *request.mutable_completion();
  for (const types::v1::Coding& area : args.areas) completion.add_treatment_areas(area.code());
  completion.set_needle_depth_mm(args.depth_mm.value_or(0));
  for (const v1::ProductUse& product : args.products) *completion.add_products() = product;
  completion.mutable_add_ons()->Add(args.add_ons.begin(), args.add_ons.end());
  completion.set_practitioner_id(args.practitioner_id);
  completion.set_notes(args.notes);
  return request;
}

v1::ExportCalendarRequest BuildExportCalendarRequest(const SchedulingArgs& args) {
  v1::ExportCalendarRequest request;
  request.set_patient_ref(args.patient_ref);
  return request;
}

std::vector<Command> AppointmentCommands() {
  return {
      MakeCommand<Args>(
          {"appointments",
           "(--patient REF | --day YYYY-MM-DD | --resource ID) [--include-cancelled]",
           "List the appointments of a patient, a day or a resource",
           "The appointments of the EMR patient REF, of one day of the clinic's calendar, or of\n"
           "one practitioner, room or device: id, session, status, start and end (local time),\n"
           "practitioner, room, devices, add-ons, patient. Cancelled ones only with\n"
           "--include-cancelled.\n"
           "Needs an `emr` token."},
          {.flags = {kPatient,
                     {"day", FlagKind::kValue, SetDate<&Args::day>},
                     {"resource", FlagKind::kValue, SetText<&Args::resource_id>},
                     {"include-cancelled", FlagKind::kSwitch, SetTrue<&Args::include_cancelled>}},
           .finish = FinishAppointments},
          Appointments),
      MakeCommand<Args>(
          {"complete",
           "<appointment-id> [--area CODE ...] [--depth MM] [--product NAME:LOT ...] "
           "[--add-on CODE ...] [--practitioner ID] [--notes TEXT]",
           "Record what was done in a session",
           "Records the session as done: the treatment areas (Needlework's codes, e.g. face,\n"
           "neck), the needle depth in millimetres, each product with its lot number (e.g.\n"
           "--product 'HA serum:L2024-117'), the add-ons given (--add-on, as for screen: those\n"
           "of the booked add-ons actually given; without it, all of them), the practitioner who\n"
           "treated, and notes. An add-on that records its lot (see therapies) is given as\n"
           "--product <add-on code>:<lot>, e.g. --product ha-serum:LOT-7. The appointment\n"
           "becomes fulfilled. Needs an `emr` token."},
          {.positionals = {{"appointment-id", SetWord<&Args::appointment_id>, false}},
           .flags = {{"area", FlagKind::kValues,
                      AddCoding<&Args::areas, &code_systems::kTreatmentArea>},
                     {"depth", FlagKind::kValue, SetDepth},
                     {"product", FlagKind::kValues, AddProduct},
                     {"add-on", FlagKind::kValues, AddAddOn<&Args::add_ons>},
                     {"practitioner", FlagKind::kValue, SetText<&Args::practitioner_id>},
                     {"notes", FlagKind::kValue, SetText<&Args::notes>}},
           .finish = FinishComplete},
          Complete),
      MakeCommand<Args>(
          {"calendar", "--patient REF [--output FILE]",
           "Export a patient's booked sessions as iCalendar",
           "The booked sessions of the EMR patient REF as an iCalendar (RFC 5545) document in\n"
           "the clinic's time zone: printed, or written to FILE with --output (replacing it).\n"
           "Needs an `emr` token."},
          {.flags = {kPatient, {"output", FlagKind::kValue, SetText<&Args::output_file>}},
           .required = {"patient"},
           .finish = FinishCalendar},
          Calendar),
  };
}

}  // namespace needlework::ctl
