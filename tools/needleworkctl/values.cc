#include "values.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace needlework::ctl {
namespace {

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
    text.remove_suffix(1);
  }
  return text;
}

bool IsZoneChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '/' || c == '_' || c == '-' ||
         c == '+';
}

}  // namespace

StatusOr<int32_t> ParseWholeNumber(std::string_view text, int32_t min, int32_t max) {
  int32_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  bool digits = !text.empty() && std::isdigit(static_cast<unsigned char>(text[0])) != 0;
  if (!digits || error != std::errc() || end != text.data() + text.size() || value < min ||
      value > max) {
    return InvalidArgumentError(Quoted(text) + " is not a whole number from " +
                                std::to_string(min) + " to " + std::to_string(max));
  }
  return value;
}

StatusOr<double> ParseDepth(std::string_view text) {
  double depth = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), depth);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(depth) ||
      !(depth > 0) || depth > kMaxNeedleDepthMm) {
    return InvalidArgumentError(Quoted(text) +
                                " is not a needle depth: want millimetres above 0 and at most " +
                                std::to_string(static_cast<int>(kMaxNeedleDepthMm)) + ", e.g. 1.5");
  }
  return depth;
}

StatusOr<v1::ProductUse> ParseProduct(std::string_view text) {
  size_t colon = text.rfind(':');
  std::string_view name = Trim(text.substr(0, colon));
  std::string_view lot = colon == std::string_view::npos ? "" : Trim(text.substr(colon + 1));
  if (name.empty() || lot.empty()) {
    return InvalidArgumentError(Quoted(text) +
                                " is not NAME:LOT: want the product and its lot number, e.g. "
                                "'HA serum:L2024-117'");
  }
  v1::ProductUse product;
  product.set_product(std::string(name));
  product.set_lot_number(std::string(lot));
  return product;
}

Status CheckTimeZoneName(std::string_view text) {
  bool spelled = !text.empty() && std::all_of(text.begin(), text.end(), IsZoneChar) &&
                 text.front() != '/' && text.back() != '/' &&
                 text.find("//") == std::string_view::npos;
  if (spelled) return OkStatus();
  return InvalidArgumentError(Quoted(text) +
                              " is not an IANA time zone name: want e.g. Europe/London or UTC");
}

Status CheckLanguageTag(std::string_view text) {
  bool spelled = true;
  size_t index = 0;
  for (size_t start = 0; spelled && start <= text.size(); ++index) {
    size_t end = std::min(text.find('-', start), text.size());
    std::string_view part = text.substr(start, end - start);
    auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
    auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    spelled =
        index == 0
            ? part.size() >= 2 && part.size() <= 3 && std::all_of(part.begin(), part.end(), letter)
            : !part.empty() && part.size() <= 8 && std::all_of(part.begin(), part.end(), alnum);
    start = end + 1;
  }
  if (spelled) return OkStatus();
  return InvalidArgumentError(Quoted(text) + " is not a language tag: want e.g. en, fr or pt-BR");
}

}  // namespace needlework::ctl
