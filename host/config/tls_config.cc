#include "host/config/tls_config.h"

#include <algorithm>
#include <iterator>

#include "host/config/config_keys.h"

namespace needlework::host {
namespace {

constexpr const char* kTlsKeys[] = {"cert_file", "key_file", "client_ca_file"};

// The value of tls.<key>, a file name; "" when absent.
StatusOr<std::string> PathKey(const YAML::Node& tls, const char* key) {
  YAML::Node node = tls[key];
  if (!node) return std::string();
  if (!node.IsScalar() || node.Scalar().empty()) {
    return KeyError(std::string("tls.") + key, "expected a file name");
  }
  return node.Scalar();
}

Status CheckTlsKeys(const YAML::Node& tls) {
  for (const auto& entry : tls) {
    if (!entry.first.IsScalar()) return KeyError("tls", "keys must be plain names");
    const std::string& key = entry.first.Scalar();
    if (std::find(std::begin(kTlsKeys), std::end(kTlsKeys), key) == std::end(kTlsKeys)) {
      return KeyError("tls." + key,
                      "unknown key; known keys are cert_file, key_file, "
                      "client_ca_file");
    }
  }
  return OkStatus();
}

Status ReadTls(const YAML::Node& tls, TlsConfig& out) {
  if (!tls.IsMap()) return KeyError("tls", "expected a map with cert_file and key_file");
  NW_RETURN_IF_ERROR(CheckTlsKeys(tls));
  NW_ASSIGN_OR_RETURN(out.cert_file, PathKey(tls, "cert_file"));
  NW_ASSIGN_OR_RETURN(out.key_file, PathKey(tls, "key_file"));
  NW_ASSIGN_OR_RETURN(out.client_ca_file, PathKey(tls, "client_ca_file"));
  if (out.cert_file.empty() || out.key_file.empty()) {
    return KeyError(out.cert_file.empty() ? "tls.cert_file" : "tls.key_file",
                    "missing; TLS needs both cert_file and key_file");
  }
  return OkStatus();
}

StatusOr<bool> ReadFlag(const YAML::Node& node, const std::string& key) {
  bool value = false;
  if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value)) {
    return KeyError(key, "expected true or false");
  }
  return value;
}

}  // namespace

Status ReadTransport(const YAML::Node& root, HostConfig& config) {
  if (root["tls"]) NW_RETURN_IF_ERROR(ReadTls(root["tls"], config.tls));
  if (root["allow_plaintext_non_loopback"]) {
    NW_ASSIGN_OR_RETURN(
        config.allow_plaintext_non_loopback,
        ReadFlag(root["allow_plaintext_non_loopback"], "allow_plaintext_non_loopback"));
  }
  return OkStatus();
}

}  // namespace needlework::host
