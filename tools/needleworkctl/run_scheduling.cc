// The Runner's SchedulingService commands.
#include "inputs.h"
#include "needlework/v1/scheduling.grpc.pb.h"
#include "requests.h"
#include "runner.h"
#include "text.h"

namespace needlework::ctl {
namespace {

std::unique_ptr<v1::SchedulingService::Stub> Scheduling(
    const std::shared_ptr<grpc::Channel>& channel) {
  return v1::SchedulingService::NewStub(channel);
}

}  // namespace

int Runner::Slots() {
  return Invoke<v1::FindSlotsResponse>(
      "FindSlots",
      [&](auto* context, auto* response) {
        return Scheduling(channel_)->FindSlots(context, BuildFindSlotsRequest(command_), response);
      },
      RenderSlots);
}

int Runner::Book() {
  return Invoke<v1::Appointment>(
      "Book",
      [&](auto* context, auto* response) {
        return Scheduling(channel_)->Book(context, BuildBookRequest(command_), response);
      },
      RenderAppointment);
}

int Runner::Reschedule() {
  return Invoke<v1::Appointment>(
      "Reschedule",
      [&](auto* context, auto* response) {
        return Scheduling(channel_)->Reschedule(context, BuildRescheduleRequest(command_),
                                                response);
      },
      RenderAppointment);
}

int Runner::Cancel() {
  return Invoke<v1::Appointment>(
      "Cancel",
      [&](auto* context, auto* response) {
        return Scheduling(channel_)->Cancel(context, BuildCancelAppointmentRequest(command_),
                                            response);
      },
      RenderAppointment);
}

int Runner::Appointments() {
  return Invoke<v1::ListAppointmentsResponse>(
      "ListAppointments",
      [&](auto* context, auto* response) {
        return Scheduling(channel_)->ListAppointments(
            context, BuildListAppointmentsRequest(command_), response);
      },
      RenderAppointments);
}

int Runner::Complete() {
  return Invoke<v1::Appointment>(
      "CompleteSession",
      [&](auto* context, auto* response) {
        return Scheduling(channel_)->CompleteSession(context, BuildCompleteSessionRequest(command_),
                                                     response);
      },
      RenderAppointment);
}

int Runner::Calendar() {
  auto call = [&](auto* context, auto* response) {
    return Scheduling(channel_)->ExportCalendar(context, BuildExportCalendarRequest(command_),
                                                response);
  };
  if (command_.output_file.empty()) {
    return Invoke<v1::ExportCalendarResponse>("ExportCalendar", call, RenderCalendar);
  }
  v1::ExportCalendarResponse response;
  if (!CallRpc("ExportCalendar", call, &response)) return kExitRpcError;
  Status written = WriteFile(command_.output_file, response.icalendar());
  if (!written.ok()) return LocalError(written);
  out_ << "Wrote the calendar of " << Printable(command_.patient_ref) << " to "
       << command_.output_file << '\n';
  return kExitOk;
}

}  // namespace needlework::ctl
