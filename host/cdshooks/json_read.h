// Reading untrusted JSON without exceptions: nlohmann's value() throws on a wrong type.
#ifndef NEEDLEWORK_HOST_CDSHOOKS_JSON_READ_H_
#define NEEDLEWORK_HOST_CDSHOOKS_JSON_READ_H_

#include <nlohmann/json.hpp>
#include <string>

namespace needlework::host {

// object[key] when `object` is an object holding a string there; else "".
inline std::string StringAt(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

// object[key] when `object` is an object holding it; else JSON null.
inline const nlohmann::json& ValueAt(const nlohmann::json& object, const char* key) {
  static const nlohmann::json kNull;
  if (!object.is_object()) return kNull;
  auto it = object.find(key);
  return it != object.end() ? *it : kNull;
}

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CDSHOOKS_JSON_READ_H_
