// GET /metrics on the HTTP listener: the host's metrics as Prometheus text.
#ifndef NEEDLEWORK_HOST_METRICS_METRICS_ROUTE_H_
#define NEEDLEWORK_HOST_METRICS_METRICS_ROUTE_H_

#include "host/http/http_router.h"
#include "host/metrics/prometheus_metrics.h"

namespace needlework::host {

// Adds GET /metrics (text/plain; version=0.0.4), unauthenticated: no label carries patient
// data or a token. `metrics` must outlive the router.
Status AddMetricsRoute(HttpRouter& router, const PrometheusMetrics& metrics);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_METRICS_METRICS_ROUTE_H_
