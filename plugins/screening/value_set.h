// A value set compiled from config: the codes a rule matches, each with its display.
#ifndef NEEDLEWORK_PLUGINS_SCREENING_VALUE_SET_H_
#define NEEDLEWORK_PLUGINS_SCREENING_VALUE_SET_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include "needlework/types/v1/clinical.pb.h"

namespace needlework::screening {

// The key a coding has in config and in a ValueSet: "system|code".
std::string CodingKey(std::string_view system, std::string_view code);

// A set of codes keyed by system and code, each with the display the config gives it.
// Matching is exact on system and code, never on display. Immutable once built; const
// methods are safe to call from many threads at once.
class ValueSet {
 public:
  // Adds `system|code` with `display`. A key added twice keeps the last display.
  void Add(std::string_view system, std::string_view code, std::string display);

  // The config's display for `coding` when the set holds its system and code, else nullptr.
  // The pointer stays valid as long as this set.
  const std::string* Find(const types::v1::Coding& coding) const;

  bool empty() const { return displays_.empty(); }
  size_t size() const { return displays_.size(); }

 private:
  std::unordered_map<std::string, std::string> displays_;  // "system|code" -> display
};

}  // namespace needlework::screening

#endif  // NEEDLEWORK_PLUGINS_SCREENING_VALUE_SET_H_
