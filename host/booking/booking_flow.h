// The write side of SchedulingService: book, move, cancel and complete appointments.
#ifndef NEEDLEWORK_HOST_BOOKING_BOOKING_FLOW_H_
#define NEEDLEWORK_HOST_BOOKING_BOOKING_FLOW_H_

#include "host/server/host_context.h"
#include "needlework/v1/scheduling.pb.h"

namespace needlework::host {

// Each validates everything before it writes, writes in one transaction, and answers the
// appointment as stored. Errors: see scheduling.proto.
StatusOr<needlework::v1::Appointment> BookSession(HostContext& host, const std::string& clinic_id,
                                                  const needlework::v1::BookRequest& request);
StatusOr<needlework::v1::Appointment> RescheduleSession(
    HostContext& host, const std::string& clinic_id,
    const needlework::v1::RescheduleRequest& request);
StatusOr<needlework::v1::Appointment> CancelSession(
    HostContext& host, const std::string& clinic_id,
    const needlework::v1::CancelAppointmentRequest& request);
StatusOr<needlework::v1::Appointment> CompleteSession(
    HostContext& host, const std::string& clinic_id,
    const needlework::v1::CompleteSessionRequest& request);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_BOOKING_BOOKING_FLOW_H_
