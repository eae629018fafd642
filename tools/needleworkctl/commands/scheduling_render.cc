// How the answers of the scheduling commands read (scheduling.h).
#include <cstdio>

#include "codes.h"
#include "commands/scheduling.h"
#include "dates.h"
#include "enums.h"
#include "render.h"
#include "table.h"
#include "text.h"

namespace needlework::ctl {
namespace {

// "pen-1,rf-2", or "-" for none.
std::string Devices(const google::protobuf::RepeatedPtrField<std::string>& devices) {
  std::string text;
  for (const std::string& device : devices) text.append(text.empty() ? "" : ",").append(device);
  return OrDash(text);
}

// "rf-microneedling,prp-serum", or "-" for none.
std::string AddOnCodes(const google::protobuf::RepeatedPtrField<types::v1::Coding>& add_ons) {
  std::string text;
  for (const types::v1::Coding& add_on : add_ons) {
    text.append(text.empty() ? "" : ",").append(AddOnCode(add_on));
  }
  return OrDash(text);
}

// "1.5 mm".
std::string Millimetres(double depth) {
  char text[32];
  std::snprintf(text, sizeof(text), "%g mm", depth);
  return text;
}

void PrintWindow(const v1::FindSlotsResponse& response, std::ostream& out) {
  if (response.window_start().empty() && response.window_end().empty()) return;
  out << "The plan's spacing allows " << Printable(FormatLocal(response.window_start())) << " to "
      << Printable(FormatLocal(response.window_end())) << ".\n";
}

// The add-ons the completion records as given: those it names, or all those booked.
std::string AddOnsGiven(const v1::Appointment& appointment) {
  const v1::SessionCompletion& completion = appointment.completion();
  if (completion.add_ons().empty()) return "every one booked";
  return FormatAddOns(completion.add_ons());
}

void AddCompletionRows(const v1::Appointment& appointment, Table* table) {
  const v1::SessionCompletion& completion = appointment.completion();
  table->AddRow({"completed", OrDash(FormatLocalWithOffset(completion.completed_at()))});
  std::string areas;
  for (const std::string& area : completion.treatment_areas()) {
    areas.append(areas.empty() ? "" : ", ").append(area);
  }
  table->AddRow({"areas", OrDash(areas)});
  bool depth = completion.needle_depth_mm() > 0;
  table->AddRow({"needle depth", depth ? Millimetres(completion.needle_depth_mm()) : "-"});
  for (int i = 0; i < completion.products_size(); ++i) {
    const v1::ProductUse& product = completion.products(i);
    table->AddRow({i == 0 ? "products" : "", product.product() + ", lot " + product.lot_number()});
  }
  bool add_ons = !appointment.add_ons().empty() || !completion.add_ons().empty();
  if (add_ons) table->AddRow({"add-ons given", AddOnsGiven(appointment)});
  table->AddRow({"treated by", OrDash(completion.practitioner_id())});
  if (!completion.notes().empty()) table->AddRow({"notes", completion.notes()});
}

// "50 free slots (times in Europe/London).", or when the host cut the list "First 50 free
// slots (...); more after Mon 2026-03-02 16:15: use --max or a later --from."
void PrintSlotCount(const v1::FindSlotsResponse& response, std::ostream& out) {
  size_t count = static_cast<size_t>(response.slots_size());
  bool cut = response.truncated() && count > 0;
  out << (cut ? "First " : "") << (count == 0 ? "No" : std::to_string(count)) << " free slot"
      << (count == 1 ? "" : "s");
  if (!response.time_zone().empty()) out << " (times in " << Printable(response.time_zone()) << ")";
  if (cut) {
    out << "; more after " << Printable(FormatLocal(response.slots().rbegin()->start()))
        << ": use --max or a later --from";
  }
  out << ".\n";
}

}  // namespace

void RenderSlots(const v1::FindSlotsResponse& response, std::ostream& out) {
  size_t count = static_cast<size_t>(response.slots_size());
  PrintSlotCount(response, out);
  PrintWindow(response, out);
  if (response.has_session()) RenderSessionShape("Session", response.session(), out);
  if (count == 0) {
    out << "Try wider dates or another --practitioner; check the opening hours and resources.\n";
    return;
  }
  Table table({"DAY", "START", "END", "PRACTITIONER", "ROOM", "DEVICES"});
  for (const v1::Slot& slot : response.slots()) {
    table.AddRow({WeekdayOf(slot.start()), FormatStartFlag(slot.start()),
                  FormatLocalEnd(slot.start(), slot.end()), OrDash(slot.practitioner_id()),
                  OrDash(slot.room_id()), Devices(slot.device_ids())});
  }
  out << '\n';
  table.Print(out);
}

void RenderAppointment(const v1::Appointment& appointment, std::ostream& out) {
  out << "Appointment " << Printable(appointment.appointment_id()) << ": "
      << AppointmentStatusLabel(appointment.status()) << '\n';
  Table table;
  table.AddRow({"plan", OrDash(appointment.plan_id()) + ", session " +
                            SessionNumber(appointment.session_index())});
  table.AddRow({"patient", OrDash(appointment.patient_ref())});
  table.AddRow({"start", OrDash(FormatLocalWithOffset(appointment.start()))});
  table.AddRow({"end", OrDash(FormatLocalWithOffset(appointment.end()))});
  table.AddRow({"practitioner", OrDash(appointment.practitioner_id())});
  table.AddRow({"room", OrDash(appointment.room_id())});
  table.AddRow({"devices", Devices(appointment.device_ids())});
  if (!appointment.add_ons().empty()) {
    table.AddRow({"add-ons", FormatAddOns(appointment.add_ons())});
  }
  if (!appointment.cancel_reason().empty()) {
    table.AddRow({"cancel reason", appointment.cancel_reason()});
  }
  if (appointment.has_completion()) AddCompletionRows(appointment, &table);
  table.Print(out, "  ");
}

void RenderAppointments(const v1::ListAppointmentsResponse& response, std::ostream& out) {
  if (response.appointments().empty()) {
    out << "No appointments.\n";
    return;
  }
  Table table({"ID", "SESSION", "STATUS", "START", "END", "PRACTITIONER", "ROOM", "DEVICES",
               "ADD-ONS", "PATIENT"});
  for (const v1::Appointment& appointment : response.appointments()) {
    table.AddRow({appointment.appointment_id(), SessionNumber(appointment.session_index()),
                  AppointmentStatusLabel(appointment.status()), FormatLocal(appointment.start()),
                  FormatLocalEnd(appointment.start(), appointment.end()),
                  OrDash(appointment.practitioner_id()), OrDash(appointment.room_id()),
                  Devices(appointment.device_ids()), AddOnCodes(appointment.add_ons()),
                  OrDash(appointment.patient_ref())});
  }
  table.Print(out);
}

void RenderCalendar(const v1::ExportCalendarResponse& response, std::ostream& out) {
  std::string text = response.icalendar();
  for (char& c : text) {
    bool control = static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
    if (control && c != '\r' && c != '\n' && c != '\t') c = ' ';
  }
  out << text;
  if (!text.empty() && text.back() != '\n') out << '\n';
}

}  // namespace needlework::ctl
