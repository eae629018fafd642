#include "host/catalog/catalog_service.h"

#include "host/common/paging.h"
#include "host/common/rpc.h"

namespace needlework::host {

grpc::ServerUnaryReactor* CatalogServiceImpl::ListTherapies(
    grpc::CallbackServerContext* context, const needlework::v1::ListTherapiesRequest* request,
    needlework::v1::ListTherapiesResponse* response) {
  auto caller = tokens_.Authorize(*context);
  if (!caller.ok()) return FinishWith(context, caller.status());
  auto snapshot = registry_.Snapshot(caller->clinic_id);
  for (const auto& offered : snapshot->therapies()) {
    auto* out = response->add_therapies();
    *out->mutable_therapy() = offered.therapy;
    out->set_plugin_id(offered.instance->plugin_id());
    out->set_plugin_version(offered.instance->version());
    out->set_config_json(offered.instance->effective_config_json());
  }
  for (const auto& missing : snapshot->unavailable) {
    if (!request->page_token().empty()) break;  // listed on the first page only
    auto* out = response->add_unavailable();
    out->set_plugin_id(missing.plugin_id);
    out->set_reason(missing.reason);
  }
  // The snapshot's order: BASE therapies first, then ADD_ONs, each by code.
  return FinishWith(
      context, PageInMemory(*request, caller->clinic_id, response->mutable_therapies(), response,
                            [](const needlework::v1::OfferedTherapy& offered) {
                              const auto& therapy = offered.therapy();
                              return PageKey(therapy.kind(),
                                             therapy.code().code() + "|" + therapy.code().system());
                            }));
}

}  // namespace needlework::host
