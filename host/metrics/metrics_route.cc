#include "host/metrics/metrics_route.h"

namespace needlework::host {

Status AddMetricsRoute(HttpRouter& router, const PrometheusMetrics& metrics) {
  return router.Add({"GET", "/metrics", false, [&metrics](const HttpRequest&) {
                       HttpReply reply;
                       reply.content_type = "text/plain; version=0.0.4; charset=utf-8";
                       reply.body = metrics.Scrape();
                       return reply;
                     }});
}

}  // namespace needlework::host
