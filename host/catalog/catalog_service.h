// needlework.v1.CatalogService, on the gRPC callback API.
#ifndef NEEDLEWORK_HOST_CATALOG_CATALOG_SERVICE_H_
#define NEEDLEWORK_HOST_CATALOG_CATALOG_SERVICE_H_

#include "host/auth/token_authority.h"
#include "host/plugins/clinic_registry.h"
#include "needlework/v1/catalog.grpc.pb.h"

namespace needlework::host {

class CatalogServiceImpl final : public needlework::v1::CatalogService::CallbackService {
 public:
  // Not owned: each outlives the service.
  CatalogServiceImpl(TokenAuthority& tokens, const ClinicRegistry& registry)
      : tokens_(tokens), registry_(registry) {}

  // See catalog.proto: the caller's clinic's snapshot, read without locks.
  grpc::ServerUnaryReactor* ListTherapies(grpc::CallbackServerContext* context,
                                          const needlework::v1::ListTherapiesRequest* request,
                                          needlework::v1::ListTherapiesResponse* response) override;

 private:
  TokenAuthority& tokens_;
  const ClinicRegistry& registry_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CATALOG_CATALOG_SERVICE_H_
