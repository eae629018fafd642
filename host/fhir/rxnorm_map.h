// RxNorm product -> ingredient map: EMRs prescribe at clinical-drug level ("warfarin sodium
// 5 MG Oral Tablet", an SCD) or branded-drug level (SBD), while screening rules name
// ingredients ("warfarin"). This map bridges the two.
#ifndef NEEDLEWORK_HOST_FHIR_RXNORM_MAP_H_
#define NEEDLEWORK_HOST_FHIR_RXNORM_MAP_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "needlework/status.h"
#include "needlework/types/v1/clinical.pb.h"

namespace needlework::fhir {

// Maps RxNorm product RxCUIs to their ingredient Codings (system RxNorm, code = ingredient
// RxCUI, display = ingredient name). Every ingredient the map knows maps to itself.
// Immutable after loading; const methods are safe to call from any thread.
class RxNormIngredientMap {
 public:
  // An empty map.
  RxNormIngredientMap() = default;

  // The built-in table, host/fhir/rxnorm_ingredients.tsv, compiled into the binary. It covers
  // common anticoagulants and antiplatelets and most products of the Synthea fixture (not,
  // e.g., Humulin 70/30 or an etonogestrel implant: those stay without ingredients, and
  // screening reports them as unrecognised). An error means the embedded table is malformed
  // (a build defect the tests catch).
  static StatusOr<RxNormIngredientMap> BuiltIn();

  // Adds the mappings of `tsv`: one `product_rxcui<TAB>ingredient_rxcui<TAB>ingredient_display`
  // a line; a product with several ingredients takes several lines; blank lines and lines
  // starting with '#' are skipped; a trailing '\r' is ignored. `source` names the text in
  // errors: INVALID_ARGUMENT "<source>:<line>: <what is wrong>". On error, nothing is added.
  Status AddTsv(std::string_view tsv, std::string_view source);
  // AddTsv with the contents of the file at `path` (named as given in errors); NOT_FOUND when
  // it cannot be read.
  Status AddTsvFile(const std::string& path);
  // Maps `product_rxcui` to `ingredient_rxcui` (also mapped to itself), once per pair.
  void Add(std::string_view product_rxcui, std::string_view ingredient_rxcui,
           std::string_view ingredient_display);

  // The ingredients of `rxcui`, in the order they were added; empty when unknown.
  std::vector<types::v1::Coding> IngredientsOf(std::string_view rxcui) const;
  // Fills `ingredients` of every medication of `facts` whose ingredients are empty, from all
  // of its RxNorm codes, each ingredient once. Medications the map does not know stay empty.
  void FillIngredients(types::v1::PatientFacts* facts) const;
  // Number of products known (ingredients mapped to themselves included).
  size_t size() const { return products_.size(); }

 private:
  struct Ingredient {
    std::string rxcui;
    std::string display;
  };
  std::unordered_map<std::string, std::vector<Ingredient>> products_;
};

}  // namespace needlework::fhir

#endif  // NEEDLEWORK_HOST_FHIR_RXNORM_MAP_H_
