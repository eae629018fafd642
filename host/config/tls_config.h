// The transport keys of the host config: `tls` and `allow_plaintext_non_loopback`. Part of
// ParseHostConfig, in a file of its own.
#ifndef NEEDLEWORK_HOST_CONFIG_TLS_CONFIG_H_
#define NEEDLEWORK_HOST_CONFIG_TLS_CONFIG_H_

#include <yaml-cpp/yaml.h>

#include <string>

#include "host/config/host_config.h"

namespace needlework::host {

// Reads `tls: {cert_file, key_file, client_ca_file}` and `allow_plaintext_non_loopback` from
// `root` (a YAML map) into `config`, file names as written (the caller resolves them).
// INVALID_ARGUMENT
// naming the key: a sub-key that is unknown or not a string, a cert without a key (or the
// reverse), a client CA without a cert, a flag that is not true or false.
Status ReadTransport(const YAML::Node& root, HostConfig& config);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CONFIG_TLS_CONFIG_H_
