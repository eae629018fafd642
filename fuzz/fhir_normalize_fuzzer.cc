// libFuzzer target: the FHIR R4 JSON normaliser (host/fhir/normalize.h), then the RxNorm
// ingredient fill, on any bytes. The input is split at each "\n---\n" into resources, so
// the fuzzer can send several (a Patient and a Condition about someone else, ...).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "host/fhir/normalize.h"
#include "host/fhir/rxnorm_map.h"

namespace {

std::vector<std::string> SplitResources(std::string_view input) {
  constexpr std::string_view kSeparator = "\n---\n";
  std::vector<std::string> resources;
  for (size_t at = input.find(kSeparator); at != std::string_view::npos;
       at = input.find(kSeparator)) {
    resources.emplace_back(input.substr(0, at));
    input.remove_prefix(at + kSeparator.size());
  }
  resources.emplace_back(input);
  return resources;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto* const kRxNorm =
      new needlework::fhir::RxNormIngredientMap(*needlework::fhir::RxNormIngredientMap::BuiltIn());
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto facts = needlework::fhir::NormalizeFhir(SplitResources(input));
  if (facts.ok()) {
    kRxNorm->FillIngredients(&*facts);
    (void)facts->SerializeAsString();
  }
  return 0;
}
