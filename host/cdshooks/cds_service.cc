#include "host/cdshooks/cds_service.h"

#include "host/cdshooks/discovery.h"
#include "host/cdshooks/feedback.h"
#include "host/cdshooks/hook_request.h"

namespace needlework::host {
namespace {

HttpReply JsonReply(const nlohmann::json& body) {
  HttpReply reply;
  reply.body = body.dump();
  return reply;
}

HttpReply MethodNotAllowed(const std::string& allowed) {
  HttpReply reply = ErrorReply(InvalidArgumentError("use " + allowed + " here"));
  reply.status = 405;
  reply.headers.emplace_back("Allow", allowed);
  return reply;
}

StatusOr<const CdsServiceInfo*> ServiceOf(const std::string& id) {
  const CdsServiceInfo* service = FindCdsService(id);
  if (service == nullptr) {
    return NotFoundError("no CDS service '" + id + "'; GET " + std::string(kCdsServicesPath) +
                         " lists them");
  }
  return service;
}

}  // namespace

CdsRoute ParseCdsRoute(const std::string& path) {
  const std::string prefix = kCdsServicesPath;
  if (path.rfind(prefix, 0) != 0) return {};
  std::string rest = path.substr(prefix.size());
  if (rest.empty() || rest == "/") return {CdsRoute::kDiscovery, ""};
  if (rest[0] != '/') return {};
  std::string id = rest.substr(1);
  size_t slash = id.find('/');
  if (slash == std::string::npos) return {CdsRoute::kCall, id};
  if (id.substr(slash) != "/feedback") return {};
  id.resize(slash);
  return {CdsRoute::kFeedback, id};
}

std::string CdsEndpointLabel(const std::string& path) {
  CdsRoute route = ParseCdsRoute(path);
  if (route.kind == CdsRoute::kDiscovery) return "discovery";
  if (route.kind == CdsRoute::kNone || FindCdsService(route.service_id) == nullptr) {
    return "unknown";
  }
  return route.kind == CdsRoute::kFeedback ? route.service_id + "/feedback" : route.service_id;
}

HttpReply CdsHooksService::Handle(const HttpRequest& request) const {
  CdsRoute route = ParseCdsRoute(request.path);
  switch (route.kind) {
    case CdsRoute::kNone:
      return ErrorReply(NotFoundError("no route " + request.path));
    case CdsRoute::kDiscovery:
      return request.method == "GET" ? Discovery(request) : MethodNotAllowed("GET");
    case CdsRoute::kCall:
    case CdsRoute::kFeedback:
      break;
  }
  if (request.method != "POST") return MethodNotAllowed("POST");
  return route.kind == CdsRoute::kFeedback ? Feedback(route.service_id, request)
                                           : Call(route.service_id, request);
}

HttpReply CdsHooksService::Discovery(const HttpRequest&) const {
  return JsonReply(DiscoveryDocument());
}

HttpReply CdsHooksService::Call(const std::string& service_id, const HttpRequest& request) const {
  auto caller = authenticate_(request);
  if (!caller.ok()) return ErrorReply(caller.status());
  auto service = ServiceOf(service_id);
  if (!service.ok()) return ErrorReply(service.status());
  CdsCallAudit audit(deps_.store, *caller, CdsAuditRpc(service_id, false));
  auto answer = [&]() -> StatusOr<nlohmann::json> {
    NW_ASSIGN_OR_RETURN(HookRequest hook, ParseHookRequest(request.body, **service));
    return AnswerHook(deps_, **service, *caller, hook, audit);
  }();
  Status audited = audit.Finish(answer.status());
  if (!answer.ok()) return ErrorReply(answer.status());
  if (!audited.ok())
    return ErrorReply(UnavailableError("the call's audit record could not be written"));
  return JsonReply(*answer);
}

HttpReply CdsHooksService::Feedback(const std::string& service_id,
                                    const HttpRequest& request) const {
  auto caller = authenticate_(request);
  if (!caller.ok()) return ErrorReply(caller.status());
  auto service = ServiceOf(service_id);
  if (!service.ok()) return ErrorReply(service.status());
  auto items = ParseFeedback(request.body);
  if (!items.ok()) return ErrorReply(items.status());
  for (const auto& item : *items) {
    Status recorded = RecordFeedback(deps_.store, *caller, service_id, item);
    if (!recorded.ok()) return ErrorReply(recorded);
  }
  return JsonReply(nlohmann::json::object());
}

}  // namespace needlework::host
