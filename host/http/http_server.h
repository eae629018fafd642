// The HTTP listener (cpp-httplib): serves an HttpRouter's routes over HTTP/1.1, or HTTPS
// with the host's certificate, with bounded requests, timeouts and a bounded worker pool.
#ifndef NEEDLEWORK_HOST_HTTP_HTTP_SERVER_H_
#define NEEDLEWORK_HOST_HTTP_HTTP_SERVER_H_

#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "host/http/http_options.h"
#include "host/http/http_router.h"
#include "needlework/status.h"

namespace httplib {
class Server;
}

namespace needlework::host {

class HttpServer {
 public:
  // Binds options.listen and starts serving `router`'s routes on options.workers threads;
  // TLS when `tls` is enabled (no client certificate is requested: see the README,
  // "HTTP listener"). Returns once the listener accepts connections. FAILED_PRECONDITION
  // when the address cannot be bound or the certificate and key cannot be loaded;
  // INVALID_ARGUMENT when options.listen is not "host:port".
  // The transport rule (no plaintext off loopback) is the caller's: see CheckTransport.
  static StatusOr<std::unique_ptr<HttpServer>> Start(const HttpOptions& options, const HttpTls& tls,
                                                     HttpRouter router);
  ~HttpServer();  // Stop()

  // The address actually bound, e.g. "127.0.0.1:43121" when port 0 was configured.
  const std::string& address() const { return address_; }
  // Closes the listening socket: no new connection is accepted. Returns at once.
  void StopAccepting();
  // StopAccepting, then waits for every worker to finish its connection and joins them. A
  // connection ends within idle_timeout if it sends nothing, else within the read and write
  // timeouts of its request plus its handler's time. Idempotent.
  void Stop();

 private:
  HttpServer() = default;
  void Configure(const HttpOptions& options);

  HttpRouter router_;
  std::unique_ptr<httplib::Server> server_;
  std::thread listener_;
  std::atomic<bool> stopping_{false};  // the library's stop() must be called only once
  std::string address_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_HTTP_HTTP_SERVER_H_
