// The write side of SchedulingService: book, move, cancel and complete appointments.
#ifndef NEEDLEWORK_HOST_SCHEDULING_BOOKING_FLOW_H_
#define NEEDLEWORK_HOST_SCHEDULING_BOOKING_FLOW_H_

#include "host/plugins/hook_runner.h"
#include "host/storage/store.h"
#include "needlework/v1/scheduling.pb.h"

namespace needlework::host {

// Each validates everything before it writes, writes in one transaction (with `claim`, which
// may be null: see RunIdempotent), and answers the appointment as stored. Errors: see
// scheduling.proto.
StatusOr<needlework::v1::Appointment> BookSession(Store& store, const PluginCalls& plugins,
                                                  const std::string& clinic_id,
                                                  const needlework::v1::BookRequest& request,
                                                  IdempotencyClaim* claim);
StatusOr<needlework::v1::Appointment> RescheduleSession(
    Store& store, const PluginCalls& plugins, const std::string& clinic_id,
    const needlework::v1::RescheduleRequest& request, IdempotencyClaim* claim);
StatusOr<needlework::v1::Appointment> CancelSession(
    Store& store, const std::string& clinic_id,
    const needlework::v1::CancelAppointmentRequest& request, IdempotencyClaim* claim);
StatusOr<needlework::v1::Appointment> CompleteSession(
    Store& store, const PluginCalls& plugins, const std::string& clinic_id,
    const needlework::v1::CompleteSessionRequest& request, IdempotencyClaim* claim);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_SCHEDULING_BOOKING_FLOW_H_
