// The HTTP probes: GET /healthz (the process serves) and GET /readyz (the store answers and
// every clinic's enabled plugins are loaded). Unauthenticated: they say nothing about patients.
#ifndef NEEDLEWORK_HOST_SERVER_PROBES_H_
#define NEEDLEWORK_HOST_SERVER_PROBES_H_

#include "host/http/http_router.h"
#include "host/plugins/clinic_registry.h"
#include "host/storage/store.h"

namespace needlework::host {

// Adds both probes to `router`. /healthz: 200 {"status": "serving"} whenever it answers.
// /readyz: 200 {"status": "ready"} when the store answers a read and no clinic has an enabled
// plugin that could not be loaded; else 503 {"status": "not ready", "reasons": [...]}, each
// reason a sentence (the store's error, or "plugin P is enabled but unavailable: why").
// `store` and `registry` must outlive the router.
Status AddProbeRoutes(HttpRouter& router, Store& store, const ClinicRegistry& registry);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_SERVER_PROBES_H_
