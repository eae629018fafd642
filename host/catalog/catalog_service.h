// needlework.v1.CatalogService, on the gRPC callback API.
#ifndef NEEDLEWORK_HOST_CATALOG_CATALOG_SERVICE_H_
#define NEEDLEWORK_HOST_CATALOG_CATALOG_SERVICE_H_

#include "host/server/host_context.h"
#include "needlework/v1/catalog.grpc.pb.h"

namespace needlework::host {

class CatalogServiceImpl final : public needlework::v1::CatalogService::CallbackService {
 public:
  explicit CatalogServiceImpl(HostContext* host) : host_(host) {}  // host: not owned

  // See catalog.proto: the caller's clinic's snapshot, read without locks.
  grpc::ServerUnaryReactor* ListTherapies(grpc::CallbackServerContext* context,
                                          const needlework::v1::ListTherapiesRequest* request,
                                          needlework::v1::ListTherapiesResponse* response) override;

 private:
  HostContext* host_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CATALOG_CATALOG_SERVICE_H_
