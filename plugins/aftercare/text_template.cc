#include "plugins/aftercare/text_template.h"

namespace needlework::aftercare {

std::vector<std::string> PlaceholderNames(std::string_view text) {
  std::vector<std::string> names;
  size_t open = text.find('{');
  while (open != text.npos) {
    const size_t close = text.find('}', open + 1);
    if (close == text.npos) break;
    names.emplace_back(text.substr(open + 1, close - open - 1));
    open = text.find('{', close + 1);
  }
  return names;
}

std::string FillTemplate(std::string_view text, const std::map<std::string, std::string>& values) {
  std::string filled;
  size_t copied = 0;
  size_t open = text.find('{');
  while (open != text.npos) {
    const size_t close = text.find('}', open + 1);
    if (close == text.npos) break;
    auto value = values.find(std::string(text.substr(open + 1, close - open - 1)));
    if (value != values.end()) {
      filled.append(text.substr(copied, open - copied)).append(value->second);
      copied = close + 1;
    }
    open = text.find('{', close + 1);
  }
  filled.append(text.substr(copied));
  return filled;
}

}  // namespace needlework::aftercare
