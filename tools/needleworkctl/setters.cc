#include "setters.h"

#include <algorithm>
#include <cctype>

#include "dates.h"
#include "needlework/code_systems.h"

namespace needlework::ctl {
namespace {

bool SameCode(const types::v1::Coding& a, const types::v1::Coding& b) {
  return a.system() == b.system() && a.code() == b.code();
}

}  // namespace

Status CheckDateFlag(std::string_view flag, const std::string& value) {
  if (ParseDate(value)) return OkStatus();
  return InvalidArgumentError(std::string(flag) + ": '" + value +
                              "' is not a date: want YYYY-MM-DD");
}

Status AddAddOnTo(std::string_view flag, const std::string& value,
                  std::vector<types::v1::Coding>* add_ons) {
  NW_RETURN_IF_ERROR(
      SetParsed(flag, ParseCoding(value, code_systems::kProcedure), &add_ons->emplace_back()));
  const types::v1::Coding& added = add_ons->back();
  auto same = [&](const types::v1::Coding& other) { return SameCode(other, added); };
  if (std::count_if(add_ons->begin(), add_ons->end(), same) > 1) {
    return InvalidArgumentError(std::string(flag) + " " + AddOnCode(added) + " given twice");
  }
  return OkStatus();
}

Status CheckReason(std::string_view flag, const std::string& value) {
  if (std::all_of(value.begin(), value.end(),
                  [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; })) {
    return InvalidArgumentError(std::string(flag) + " is empty");
  }
  return OkStatus();
}

Status CheckConfig(const std::string& value) {
  if (value == "@") return InvalidArgumentError("--config @FILE needs a file name");
  return OkStatus();
}

}  // namespace needlework::ctl
