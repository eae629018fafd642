// Ready-made `apply` functions for the flags and positionals of syntax.h: each sets one field
// of a command family's arguments struct, named by a pointer to member, after checking it.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_SETTERS_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_SETTERS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "codes.h"
#include "needlework/status.h"
#include "needlework/types/v1/clinical.pb.h"
#include "values.h"

namespace needlework::ctl {

// The struct a pointer to member belongs to: ArgsOf<&PlanArgs::plan_id> is PlanArgs.
template <typename T>
struct MemberPointer;
template <typename Class, typename Field>
struct MemberPointer<Field Class::*> {
  using Args = Class;
};
template <auto kField>
using ArgsOf = typename MemberPointer<decltype(kField)>::Args;

// Sets `*field` from `parsed`, or returns its error after "--flag: ".
template <typename T>
Status SetParsed(std::string_view flag, StatusOr<T> parsed, T* field) {
  if (!parsed.ok()) return parsed.status().WithPrefix(flag);
  *field = std::move(parsed).value();
  return OkStatus();
}

// Flags.
template <auto kField>
Status SetText(std::string_view, const std::string& value, ArgsOf<kField>* args) {
  args->*kField = value;
  return OkStatus();
}

template <auto kField>
Status AddText(std::string_view, const std::string& value, ArgsOf<kField>* args) {
  (args->*kField).push_back(value);
  return OkStatus();
}

template <auto kField>
Status SetTrue(std::string_view, const std::string&, ArgsOf<kField>* args) {
  args->*kField = true;
  return OkStatus();
}

// `value` as `kParse` reads it (a function of the value alone returning StatusOr).
template <auto kField, auto kParse>
Status SetBy(std::string_view flag, const std::string& value, ArgsOf<kField>* args) {
  return SetParsed(flag, kParse(value), &(args->*kField));
}

// A whole number from kMin to kMax (values.h).
template <auto kField, int32_t kMin, int32_t kMax>
Status SetWholeNumber(std::string_view flag, const std::string& value, ArgsOf<kField>* args) {
  return SetParsed(flag, ParseWholeNumber(value, kMin, kMax), &(args->*kField));
}

// A YYYY-MM-DD date, kept as given.
Status CheckDateFlag(std::string_view flag, const std::string& value);
template <auto kField>
Status SetDate(std::string_view flag, const std::string& value, ArgsOf<kField>* args) {
  NW_RETURN_IF_ERROR(CheckDateFlag(flag, value));
  args->*kField = value;
  return OkStatus();
}

// A coding: CODE in `*kSystem`, or SYSTEM|CODE; appended to a vector of them.
template <auto kField, const std::string_view* kSystem>
Status AddCoding(std::string_view flag, const std::string& value, ArgsOf<kField>* args) {
  return SetParsed(flag, ParseCoding(value, *kSystem), &(args->*kField).emplace_back());
}

// An add-on therapy: a code of the procedure code system, or SYSTEM|CODE; each one once.
Status AddAddOnTo(std::string_view flag, const std::string& value,
                  std::vector<types::v1::Coding>* add_ons);
template <auto kField>
Status AddAddOn(std::string_view flag, const std::string& value, ArgsOf<kField>* args) {
  return AddAddOnTo(flag, value, &(args->*kField));
}

// A reason that is not blank.
Status CheckReason(std::string_view flag, const std::string& value);
template <auto kField>
Status SetReason(std::string_view flag, const std::string& value, ArgsOf<kField>* args) {
  NW_RETURN_IF_ERROR(CheckReason(flag, value));
  args->*kField = value;
  return OkStatus();
}

// A config as given: JSON text or @FILE (read when the request is built).
Status CheckConfig(const std::string& value);
template <auto kField>
Status SetConfig(std::string_view, const std::string& value, ArgsOf<kField>* args) {
  NW_RETURN_IF_ERROR(CheckConfig(value));
  args->*kField = value;
  return OkStatus();
}

// An IANA time zone name.
template <auto kField>
Status SetTimeZone(std::string_view flag, const std::string& value, ArgsOf<kField>* args) {
  NW_RETURN_IF_ERROR(CheckTimeZoneName(value).WithPrefix(flag));
  args->*kField = value;
  return OkStatus();
}

// Positionals.
template <auto kField>
Status SetWord(const std::string& word, ArgsOf<kField>* args) {
  args->*kField = word;
  return OkStatus();
}

template <auto kField>
Status AddWord(const std::string& word, ArgsOf<kField>* args) {
  (args->*kField).push_back(word);
  return OkStatus();
}

template <auto kField>
Status SetTimeZoneWord(const std::string& word, ArgsOf<kField>* args) {
  NW_RETURN_IF_ERROR(CheckTimeZoneName(word));
  args->*kField = word;
  return OkStatus();
}

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_SETTERS_H_
