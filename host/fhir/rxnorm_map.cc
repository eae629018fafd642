#include "host/fhir/rxnorm_map.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "needlework/code_systems.h"

namespace needlework::fhir {
namespace internal {
// rxnorm_ingredients.tsv, generated into rxnorm_ingredients_data.cc by CMake.
extern const std::string_view kBuiltInRxNormTsv;
}  // namespace internal

namespace {

struct TsvRow {
  std::string_view product;
  std::string_view ingredient;
  std::string_view display;
};

bool IsRxCui(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  for (size_t start = 0;;) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

// One data line, or what is wrong with it (without the "<source>:<line>: " prefix).
StatusOr<TsvRow> ParseLine(std::string_view line) {
  std::vector<std::string_view> fields = SplitTabs(line);
  if (fields.size() != 3) {
    return InvalidArgumentError("expected 3 tab-separated fields, got " +
                                std::to_string(fields.size()));
  }
  TsvRow row{fields[0], fields[1], fields[2]};
  if (!IsRxCui(row.product)) {
    return InvalidArgumentError("product RxCUI \"" + std::string(row.product) +
                                "\" is not a number");
  }
  if (!IsRxCui(row.ingredient)) {
    return InvalidArgumentError("ingredient RxCUI \"" + std::string(row.ingredient) +
                                "\" is not a number");
  }
  if (row.display.empty()) return InvalidArgumentError("ingredient display is empty");
  return row;
}

// The data rows of `tsv`; the first bad line fails the whole text.
StatusOr<std::vector<TsvRow>> ParseTsv(std::string_view tsv, std::string_view source) {
  std::vector<TsvRow> rows;
  size_t line_number = 0;
  for (size_t start = 0; start < tsv.size();) {
    size_t end = std::min(tsv.find('\n', start), tsv.size());
    std::string_view line = tsv.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    StatusOr<TsvRow> row = ParseLine(line);
    if (!row.ok()) {
      return row.status().WithPrefix(std::string(source) + ":" + std::to_string(line_number));
    }
    rows.push_back(*row);
  }
  return rows;
}

}  // namespace

StatusOr<RxNormIngredientMap> RxNormIngredientMap::BuiltIn() {
  RxNormIngredientMap map;
  NW_RETURN_IF_ERROR(map.AddTsv(internal::kBuiltInRxNormTsv, "rxnorm_ingredients.tsv"));
  return map;
}

Status RxNormIngredientMap::AddTsv(std::string_view tsv, std::string_view source) {
  NW_ASSIGN_OR_RETURN(std::vector<TsvRow> rows, ParseTsv(tsv, source));
  for (const TsvRow& row : rows) Add(row.product, row.ingredient, row.display);
  return OkStatus();
}

Status RxNormIngredientMap::AddTsvFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return NotFoundError("cannot read RxNorm map " + path + ": " + std::strerror(errno));
  }
  std::ostringstream text;
  text << file.rdbuf();
  return AddTsv(text.str(), path);
}

void RxNormIngredientMap::Add(std::string_view product_rxcui, std::string_view ingredient_rxcui,
                              std::string_view ingredient_display) {
  for (std::string_view key : {product_rxcui, ingredient_rxcui}) {
    std::vector<Ingredient>& ingredients = products_[std::string(key)];
    bool known = std::any_of(ingredients.begin(), ingredients.end(),
                             [&](const Ingredient& i) { return i.rxcui == ingredient_rxcui; });
    if (!known) {
      ingredients.push_back({std::string(ingredient_rxcui), std::string(ingredient_display)});
    }
  }
}

std::vector<types::v1::Coding> RxNormIngredientMap::IngredientsOf(std::string_view rxcui) const {
  std::vector<types::v1::Coding> codings;
  auto it = products_.find(std::string(rxcui));
  if (it == products_.end()) return codings;
  for (const Ingredient& ingredient : it->second) {
    types::v1::Coding& coding = codings.emplace_back();
    coding.set_system(std::string(code_systems::kRxNorm));
    coding.set_code(ingredient.rxcui);
    coding.set_display(ingredient.display);
  }
  return codings;
}

void RxNormIngredientMap::FillIngredients(types::v1::PatientFacts* facts) const {
  for (types::v1::Medication& medication : *facts->mutable_medications()) {
    if (medication.ingredients_size() > 0) continue;
    for (const types::v1::Coding& code : medication.codes()) {
      if (code.system() != code_systems::kRxNorm) continue;
      for (types::v1::Coding& ingredient : IngredientsOf(code.code())) {
        const auto& known = medication.ingredients();
        bool seen = std::any_of(known.begin(), known.end(), [&](const types::v1::Coding& c) {
          return c.code() == ingredient.code();
        });
        if (!seen) *medication.add_ingredients() = std::move(ingredient);
      }
    }
  }
}

}  // namespace needlework::fhir
