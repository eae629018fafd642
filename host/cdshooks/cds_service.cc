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

HttpReply CdsHooksService::Handle(const HttpRequest& request) const {
  const std::string prefix = kCdsServicesPath;
  if (request.path.rfind(prefix, 0) != 0)
    return ErrorReply(NotFoundError("no route " + request.path));
  std::string rest = request.path.substr(prefix.size());
  if (rest.empty() || rest == "/") {
    return request.method == "GET" ? Discovery(request) : MethodNotAllowed("GET");
  }
  if (rest[0] != '/') return ErrorReply(NotFoundError("no route " + request.path));
  std::string id = rest.substr(1);
  bool feedback = false;
  if (size_t slash = id.find('/'); slash != std::string::npos) {
    if (id.substr(slash) != "/feedback") {
      return ErrorReply(NotFoundError("no route " + request.path));
    }
    id.resize(slash);
    feedback = true;
  }
  if (request.method != "POST") return MethodNotAllowed("POST");
  return feedback ? Feedback(id, request) : Call(id, request);
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
