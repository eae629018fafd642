#include "plugins/screening/config_reader.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace needlework::screening {
namespace {

bool HasSpace(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
}

bool IsPadded(std::string_view text) {
  return !text.empty() && (std::isspace(static_cast<unsigned char>(text.front())) != 0 ||
                           std::isspace(static_cast<unsigned char>(text.back())) != 0);
}

// Checks one value-set key; on success sets `system` and `code`, else records a problem.
bool SplitValueSetKey(const std::string& key, std::string_view path, std::string_view* system,
                      std::string_view* code, ConfigErrors& errors) {
  const std::string quoted = Json(key).dump();
  size_t bar = key.find('|');
  if (bar == key.npos || bar == 0 || bar + 1 == key.size() || key.find('|', bar + 1) != key.npos) {
    errors.Add(path, "key " + quoted + " must be \"system|code\"");
    return false;
  }
  *system = std::string_view(key).substr(0, bar);
  *code = std::string_view(key).substr(bar + 1);
  if (system->find(':') == system->npos || HasSpace(*system)) {
    errors.Add(path, "key " + quoted + ": system \"" + std::string(*system) +
                         "\" must be an absolute URI such as http://snomed.info/sct");
    return false;
  }
  if (IsPadded(*code)) {
    errors.Add(path, "key " + quoted + ": code must not start or end with a space");
    return false;
  }
  return true;
}

}  // namespace

ValueSet ReadValueSet(const Json& object, std::string_view path, std::string_view key,
                      ConfigErrors& errors) {
  ValueSet set;
  const Json* codes = ReadObject(object, path, key, /*required=*/false, errors);
  if (codes == nullptr) return set;
  const std::string set_path = JoinPath(path, key);
  for (const auto& [entry_key, display] : codes->items()) {
    std::string_view system, code;
    if (!SplitValueSetKey(entry_key, set_path, &system, &code, errors)) continue;
    if (!display.is_string() || display.get_ref<const std::string&>().empty()) {
      errors.Add(set_path + "[" + Json(entry_key).dump() + "]",
                 "display must be a non-empty string, not " + DescribeValue(display));
      continue;
    }
    set.Add(system, code, display.get<std::string>());
  }
  return set;
}

}  // namespace needlework::screening
