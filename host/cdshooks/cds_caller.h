// Who calls the CDS Hooks service: an EMR, known by its verified JWT, speaking for one clinic.
#ifndef NEEDLEWORK_HOST_CDSHOOKS_CDS_CALLER_H_
#define NEEDLEWORK_HOST_CDSHOOKS_CDS_CALLER_H_

#include <functional>
#include <string>

#include "host/http/http_types.h"
#include "needlework/status.h"

namespace needlework::host {

struct CdsCaller {
  std::string clinic_id;  // from the config's iss (+ tenant) mapping, never from the body
  std::string issuer;     // the JWT's iss
  std::string tenant;     // the JWT's tenant; may be empty
  std::string subject;    // the JWT's sub (the EMR's client id)
  std::string jti;        // the JWT's id, unique per call
};

// Verifies a request's caller (the JWT in its Authorization header). UNAUTHENTICATED, with
// a reason safe to show, for anything but a valid token of a configured issuer. Must be
// thread-safe. The host uses the JWT verifier; unit tests may use a stand-in.
using CdsAuthenticate = std::function<StatusOr<CdsCaller>(const HttpRequest&)>;

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CDSHOOKS_CDS_CALLER_H_
