// The HTTP listener's settings (config section `http`). The README's "Configuration" section
// documents every key and its default.
#ifndef NEEDLEWORK_HOST_HTTP_HTTP_OPTIONS_H_
#define NEEDLEWORK_HOST_HTTP_HTTP_OPTIONS_H_

#include <chrono>
#include <cstddef>
#include <string>

namespace needlework::host {

struct HttpOptions {
  // "host:port" ("127.0.0.1:0" picks a free port; IPv6 in brackets). Empty: no listener.
  std::string listen;
  // Largest request body; a larger one is refused with 413 before it is read.
  size_t max_body_bytes = size_t{1} << 20;
  // Largest request head (request line and all header lines together); 431 beyond it.
  // (Each single line is also capped at 8 KiB by the HTTP library.)
  size_t max_header_bytes = size_t{16} << 10;
  // A connection that sends nothing for idle_timeout is closed; each read of the request
  // and each write of the reply must finish within read_timeout and write_timeout. A
  // connection carries one request (the reply says Connection: close).
  std::chrono::seconds idle_timeout{5};
  std::chrono::seconds read_timeout{5};
  std::chrono::seconds write_timeout{5};
  // Threads that serve connections (one connection at a time each); further connections
  // wait in the listener's queue.
  int workers = 8;

  bool enabled() const { return !listen.empty(); }
};

// The certificate the HTTP listener serves TLS with (the host's `tls` settings). Off while
// cert_file is empty.
struct HttpTls {
  std::string cert_file;
  std::string key_file;

  bool enabled() const { return !cert_file.empty(); }
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_HTTP_HTTP_OPTIONS_H_
