#include "codes.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "needlework/code_systems.h"

namespace needlework::ctl {
namespace {

namespace cs = ::needlework::code_systems;

constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kSystemNames = {{
    {cs::kSnomed, "SNOMED"},
    {cs::kRxNorm, "RxNorm"},
    {cs::kLoinc, "LOINC"},
    {cs::kConcern, "concern"},
    {cs::kTreatmentArea, "area"},
    {cs::kObservation, "observation"},
    {cs::kProcedure, "procedure"},
    {cs::kScreeningRule, "rule"},
    {cs::kSymptom, "symptom"},
}};

bool IsToken(std::string_view part) {
  return !part.empty() && std::none_of(part.begin(), part.end(), [](char c) {
    return c == '|' || std::isspace(static_cast<unsigned char>(c)) != 0;
  });
}

}  // namespace

StatusOr<types::v1::Coding> ParseCoding(std::string_view text, std::string_view default_system) {
  std::string_view system = default_system;
  std::string_view code = text;
  if (size_t bar = text.find('|'); bar != std::string_view::npos) {
    system = text.substr(0, bar);
    code = text.substr(bar + 1);
  }
  if (!IsToken(system) || !IsToken(code)) {
    return InvalidArgumentError("'" + std::string(text) +
                                "' is not a code: want CODE or SYSTEM|CODE, without spaces");
  }
  types::v1::Coding coding;
  coding.set_system(std::string(system));
  coding.set_code(std::string(code));
  return coding;
}

std::string FormatCoding(const types::v1::Coding& coding) {
  std::string text;
  for (const auto& [uri, name] : kSystemNames) {
    if (coding.system() == uri) text.append(name).append(" ");
  }
  if (text.empty() && !coding.system().empty()) text.append(coding.system()).append("|");
  text.append(coding.code());
  if (!coding.display().empty()) text.append(" (").append(coding.display()).append(")");
  return text;
}

std::string AddOnCode(const types::v1::Coding& add_on) {
  if (add_on.system().empty() || add_on.system() == cs::kProcedure) return add_on.code();
  return add_on.system() + "|" + add_on.code();
}

std::string FormatAddOn(const types::v1::Coding& add_on) {
  std::string text = AddOnCode(add_on);
  if (!add_on.display().empty()) text.append(" (").append(add_on.display()).append(")");
  return text;
}

std::string FormatAddOns(const google::protobuf::RepeatedPtrField<types::v1::Coding>& add_ons) {
  std::string text;
  for (const types::v1::Coding& add_on : add_ons) {
    text.append(text.empty() ? "" : ", ").append(FormatAddOn(add_on));
  }
  return text;
}

}  // namespace needlework::ctl
