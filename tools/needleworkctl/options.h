// The options every needleworkctl command shares: where the host is, how to authenticate,
// how to print. Set from the environment first, then from the global flags.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_OPTIONS_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_OPTIONS_H_

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "tls_options.h"

namespace needlework::ctl {

inline constexpr std::string_view kDefaultAddress = "127.0.0.1:50051";
inline constexpr std::chrono::milliseconds kDefaultTimeout{10'000};

// What the environment contributes: NEEDLEWORK_ADDRESS, NEEDLEWORK_TOKEN and the
// NEEDLEWORK_TLS_* variables. Flags win.
struct Environment {
  std::optional<std::string> address = {};
  std::optional<std::string> token = {};
  TlsOptions tls = {};  // NEEDLEWORK_TLS_CA, _CERT, _KEY, _SERVER_NAME

  // Reads the variables from the process environment.
  static Environment FromProcess();
};

// Flags that every command accepts, in any position.
struct GlobalOptions {
  std::string address = std::string(kDefaultAddress);
  std::string token;  // empty: no authorization metadata is sent
  bool json = false;
  std::chrono::milliseconds timeout = kDefaultTimeout;  // deadline of every call
  TlsOptions tls;                                       // --tls-*; off by default
};

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_OPTIONS_H_
