// needlework.v1.SchedulingService, on the gRPC callback API. Every RPC needs an `emr` token;
// plans, appointments and resources are scoped to the token's clinic.
#ifndef NEEDLEWORK_HOST_BOOKING_BOOKING_SERVICE_H_
#define NEEDLEWORK_HOST_BOOKING_BOOKING_SERVICE_H_

#include "host/server/host_context.h"
#include "needlework/v1/scheduling.grpc.pb.h"

namespace needlework::host {

class SchedulingServiceImpl final : public needlework::v1::SchedulingService::CallbackService {
 public:
  explicit SchedulingServiceImpl(HostContext* host) : host_(host) {}  // host: not owned

  using Ctx = grpc::CallbackServerContext;
  grpc::ServerUnaryReactor* FindSlots(Ctx*, const needlework::v1::FindSlotsRequest*,
                                      needlework::v1::FindSlotsResponse*) override;
  grpc::ServerUnaryReactor* Book(Ctx*, const needlework::v1::BookRequest*,
                                 needlework::v1::Appointment*) override;
  grpc::ServerUnaryReactor* Reschedule(Ctx*, const needlework::v1::RescheduleRequest*,
                                       needlework::v1::Appointment*) override;
  grpc::ServerUnaryReactor* Cancel(Ctx*, const needlework::v1::CancelAppointmentRequest*,
                                   needlework::v1::Appointment*) override;
  grpc::ServerUnaryReactor* ListAppointments(Ctx*, const needlework::v1::ListAppointmentsRequest*,
                                             needlework::v1::ListAppointmentsResponse*) override;
  grpc::ServerUnaryReactor* CompleteSession(Ctx*, const needlework::v1::CompleteSessionRequest*,
                                            needlework::v1::Appointment*) override;
  grpc::ServerUnaryReactor* ExportCalendar(Ctx*, const needlework::v1::ExportCalendarRequest*,
                                           needlework::v1::ExportCalendarResponse*) override;

 private:
  template <typename Body>
  grpc::ServerUnaryReactor* AsEmr(Ctx* context, Body&& body);
  // Like AsEmr, but `body` (which must own or copy what it uses) runs on the blocking pool.
  template <typename Body>
  grpc::ServerUnaryReactor* AsEmrWriter(Ctx* context, Body body);

  HostContext* host_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_BOOKING_BOOKING_SERVICE_H_
