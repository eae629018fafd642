// The CDS Hooks 2.0 service (https://cds-hooks.hl7.org/) as HTTP handlers:
//   GET  /cds-services                 discovery (no token: it holds no patient data)
//   POST /cds-services/{id}            a hook call: {"cards": [...]}
//   POST /cds-services/{id}/feedback   what the clinician did with cards
// Every POST is authenticated (CdsAuthenticate) before anything else runs; the clinic is
// the caller's, never the body's.
#ifndef NEEDLEWORK_HOST_CDSHOOKS_CDS_SERVICE_H_
#define NEEDLEWORK_HOST_CDSHOOKS_CDS_SERVICE_H_

#include <string>

#include "host/cdshooks/cds_caller.h"
#include "host/cdshooks/hook_answer.h"
#include "host/http/http_types.h"

namespace needlework::host {

// The path prefix every route of the service starts with.
inline constexpr char kCdsServicesPath[] = "/cds-services";

// Which of the routes above a path names; kNone for any other path. service_id is not
// checked against our services.
struct CdsRoute {
  enum Kind { kNone, kDiscovery, kCall, kFeedback } kind = kNone;
  std::string service_id;  // kCall and kFeedback
};
CdsRoute ParseCdsRoute(const std::string& path);

// The metrics label of a request's path: "discovery", one of our service ids (with
// "/feedback"), or "unknown"; never the raw path, which the caller chooses.
std::string CdsEndpointLabel(const std::string& path);

class CdsHooksService {
 public:
  CdsHooksService(CdsHookDeps deps, CdsAuthenticate authenticate)
      : deps_(std::move(deps)), authenticate_(std::move(authenticate)) {}

  // Routes any request under kCdsServicesPath to the handlers below: 404 for an unknown
  // service or path, 405 for a wrong method. Thread-safe.
  HttpReply Handle(const HttpRequest& request) const;

  HttpReply Discovery(const HttpRequest& request) const;
  // 401 when authentication fails; 400 for a malformed body (ErrorReply); else 200 with
  // cards (see AnswerHook); 503 when the screening record cannot be written.
  HttpReply Call(const std::string& service_id, const HttpRequest& request) const;
  // 401, 400 as above; 404 for a card this clinic was not shown; 200 "{}" once every item is
  // recorded (items before a failing one stay recorded).
  HttpReply Feedback(const std::string& service_id, const HttpRequest& request) const;

 private:
  CdsHookDeps deps_;
  CdsAuthenticate authenticate_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CDSHOOKS_CDS_SERVICE_H_
