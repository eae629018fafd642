#include "plugins/aftercare/language.h"

#include <cctype>

namespace needlework::aftercare {
namespace {

bool SameTag(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

const std::string* FindTag(const AftercareRules& rules, std::string_view tag) {
  for (const auto& [key, texts] : rules.languages) {
    if (SameTag(key, tag)) return &key;
  }
  return nullptr;
}

}  // namespace

const std::string& ResolveLanguage(const AftercareRules& rules, std::string_view requested) {
  if (requested.empty()) return rules.default_language;
  if (const std::string* exact = FindTag(rules, requested)) return *exact;
  if (const std::string* primary = FindTag(rules, requested.substr(0, requested.find('-')))) {
    return *primary;
  }
  return rules.default_language;
}

}  // namespace needlework::aftercare
