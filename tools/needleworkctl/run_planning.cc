// The Runner's CatalogService, ScreeningService and PlanningService commands.
#include "inputs.h"
#include "needlework/v1/catalog.grpc.pb.h"
#include "needlework/v1/planning.grpc.pb.h"
#include "needlework/v1/screening.grpc.pb.h"
#include "requests.h"
#include "runner.h"

namespace needlework::ctl {
namespace {

std::unique_ptr<v1::PlanningService::Stub> Planning(const std::shared_ptr<grpc::Channel>& channel) {
  return v1::PlanningService::NewStub(channel);
}

}  // namespace

int Runner::Therapies() {
  auto stub = v1::CatalogService::NewStub(channel_);
  return Invoke<v1::ListTherapiesResponse>(
      "ListTherapies",
      [&](auto* context, auto* response) {
        return stub->ListTherapies(context, v1::ListTherapiesRequest(), response);
      },
      RenderTherapies);
}

int Runner::Screen() {
  StatusOr<v1::ScreenRequest> request = BuildScreenRequest(command_);
  if (!request.ok()) return LocalError(request.status());
  auto stub = v1::ScreeningService::NewStub(channel_);
  return Invoke<v1::ScreenResponse>(
      "Screen",
      [&](auto* context, auto* response) { return stub->Screen(context, *request, response); },
      RenderScreen);
}

int Runner::PlanPropose() {
  StatusOr<v1::ProposePlanRequest> request = BuildProposePlanRequest(command_);
  if (!request.ok()) return LocalError(request.status());
  return Invoke<v1::ProposePlanResponse>(
      "ProposePlan",
      [&](auto* context, auto* response) {
        return Planning(channel_)->ProposePlan(context, *request, response);
      },
      RenderProposal);
}

int Runner::SeriesToCreate(types::v1::SeriesPlan* series) {
  if (!command_.proposal_file.empty()) {
    StatusOr<types::v1::SeriesPlan> read = ReadSeriesPlan(command_.proposal_file);
    if (!read.ok()) return LocalError(read.status());
    *series = std::move(read).value();
    return kExitOk;
  }
  StatusOr<v1::ProposePlanRequest> request = BuildProposePlanRequest(command_);
  if (!request.ok()) return LocalError(request.status());
  v1::ProposePlanResponse proposal;
  bool answered = CallRpc(
      "ProposePlan",
      [&](auto* context, auto* response) {
        return Planning(channel_)->ProposePlan(context, *request, response);
      },
      &proposal);
  if (!answered) return kExitRpcError;
  if (!proposal.has_plan()) {
    err_ << "needleworkctl: ProposePlan: no plugin proposed a plan; nothing was stored\n";
    return kExitRpcError;
  }
  *series = proposal.plan();
  return kExitOk;
}

int Runner::PlanCreate() {
  types::v1::SeriesPlan series;
  if (int exit_code = SeriesToCreate(&series); exit_code != kExitOk) return exit_code;
  v1::CreatePlanRequest request = BuildCreatePlanRequest(command_, std::move(series));
  return Invoke<v1::Plan>(
      "CreatePlan",
      [&](auto* context, auto* response) {
        return Planning(channel_)->CreatePlan(context, request, response);
      },
      RenderPlan);
}

int Runner::Plans() {
  return Invoke<v1::ListPlansResponse>(
      "ListPlans",
      [&](auto* context, auto* response) {
        return Planning(channel_)->ListPlans(context, BuildListPlansRequest(command_), response);
      },
      RenderPlans);
}

int Runner::PlanShow() {
  return Invoke<v1::Plan>(
      "GetPlan",
      [&](auto* context, auto* response) {
        return Planning(channel_)->GetPlan(context, BuildGetPlanRequest(command_), response);
      },
      RenderPlan);
}

int Runner::PlanCancel() {
  return Invoke<v1::Plan>(
      "CancelPlan",
      [&](auto* context, auto* response) {
        return Planning(channel_)->CancelPlan(context, BuildCancelPlanRequest(command_), response);
      },
      RenderPlan);
}

}  // namespace needlework::ctl
