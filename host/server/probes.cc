#include "host/server/probes.h"

#include <nlohmann/json.hpp>
#include <set>

namespace needlework::host {
namespace {

HttpReply JsonReply(int status, const nlohmann::json& body) {
  HttpReply reply;
  reply.status = status;
  reply.body = body.dump();
  return reply;
}

// Why the host is not ready; empty when it is.
std::vector<std::string> NotReadyReasons(Store& store, const ClinicRegistry& registry) {
  std::vector<std::string> reasons;
  auto clinics = store.ListClinics();
  if (!clinics.ok()) reasons.push_back("the store does not answer: " + clinics.status().ToString());
  std::set<std::string> named;  // one reason per plugin, however many clinics enable it
  for (const auto& [clinic_id, plugins] : registry.All()) {
    for (const UnavailablePlugin& plugin : plugins->unavailable) {
      if (named.insert(plugin.plugin_id).second) {
        reasons.push_back("plugin " + plugin.plugin_id +
                          " is enabled but unavailable: " + plugin.reason);
      }
    }
  }
  return reasons;
}

}  // namespace

Status AddProbeRoutes(HttpRouter& router, Store& store, const ClinicRegistry& registry) {
  NW_RETURN_IF_ERROR(router.Add({"GET", "/healthz", false, [](const HttpRequest&) {
                                   return JsonReply(200, {{"status", "serving"}});
                                 }}));
  return router.Add({"GET", "/readyz", false, [&store, &registry](const HttpRequest&) {
                       std::vector<std::string> reasons = NotReadyReasons(store, registry);
                       if (reasons.empty()) return JsonReply(200, {{"status", "ready"}});
                       return JsonReply(503, {{"status", "not ready"}, {"reasons", reasons}});
                     }});
}

}  // namespace needlework::host
