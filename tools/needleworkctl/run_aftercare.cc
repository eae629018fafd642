// The Runner's AftercareService commands.
#include "needlework/v1/aftercare.grpc.pb.h"
#include "requests.h"
#include "runner.h"

namespace needlework::ctl {
namespace {

std::unique_ptr<v1::AftercareService::Stub> Aftercare(
    const std::shared_ptr<grpc::Channel>& channel) {
  return v1::AftercareService::NewStub(channel);
}

}  // namespace

int Runner::AftercarePlan() {
  return Invoke<v1::AftercarePlan>(
      "GetAftercarePlan",
      [&](auto* context, auto* response) {
        return Aftercare(channel_)->GetAftercarePlan(
            context, BuildGetAftercarePlanRequest(command_), response);
      },
      RenderAftercarePlan);
}

int Runner::MessagesDue() {
  return Invoke<v1::ListDueMessagesResponse>(
      "ListDueMessages",
      [&](auto* context, auto* response) {
        return Aftercare(channel_)->ListDueMessages(context, BuildListDueMessagesRequest(command_),
                                                    response);
      },
      RenderDueMessages);
}

int Runner::MessagesSent() {
  return Invoke<v1::MarkMessagesSentResponse>(
      "MarkMessagesSent",
      [&](auto* context, auto* response) {
        return Aftercare(channel_)->MarkMessagesSent(
            context, BuildMarkMessagesSentRequest(command_), response);
      },
      RenderMarkedSent);
}

int Runner::Symptom() {
  return Invoke<v1::SymptomReport>(
      "ReportSymptom",
      [&](auto* context, auto* response) {
        return Aftercare(channel_)->ReportSymptom(context, BuildReportSymptomRequest(command_),
                                                  response);
      },
      RenderSymptomReport);
}

int Runner::Symptoms() {
  return Invoke<v1::ListSymptomReportsResponse>(
      "ListSymptomReports",
      [&](auto* context, auto* response) {
        return Aftercare(channel_)->ListSymptomReports(
            context, BuildListSymptomReportsRequest(command_), response);
      },
      RenderSymptomReports);
}

}  // namespace needlework::ctl
