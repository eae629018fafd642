// needlework.v1.SchedulingService, on the gRPC callback API. Every RPC needs an `emr` token;
// plans, appointments and resources are scoped to the token's clinic.
#ifndef NEEDLEWORK_HOST_SCHEDULING_SCHEDULING_SERVICE_H_
#define NEEDLEWORK_HOST_SCHEDULING_SCHEDULING_SERVICE_H_

#include "host/auth/token_authority.h"
#include "host/common/blocking_pool.h"
#include "host/plugins/hook_runner.h"
#include "host/storage/store.h"
#include "needlework/v1/scheduling.grpc.pb.h"

namespace needlework::host {

class SchedulingServiceImpl final : public needlework::v1::SchedulingService::CallbackService {
 public:
  // Not owned: each outlives the service. Writes (which wait on the disk) run on `blocking`.
  SchedulingServiceImpl(TokenAuthority& tokens, Store& store, PluginCalls plugins,
                        BlockingPool& blocking)
      : tokens_(tokens), store_(store), plugins_(plugins), blocking_(blocking) {}

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

  TokenAuthority& tokens_;
  Store& store_;
  PluginCalls plugins_;  // check_booking, and aftercare on completion
  BlockingPool& blocking_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_SCHEDULING_SCHEDULING_SERVICE_H_
