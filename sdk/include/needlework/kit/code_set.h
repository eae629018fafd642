// Code sets read from a plugin's JSON config: the concepts a rule matches. A code set is a
// JSON object keyed by "system|code" with the display as value,
//
//   {"http://snomed.info/sct|77386006": "Pregnancy", "http://snomed.info/sct|72892002": "..."}
//
// so a clinic's JSON merge patch (RFC 7386) adds a code with a new key and removes one with
// null. Matching is always on system + code, never on display. Header-only.
#ifndef NEEDLEWORK_KIT_CODE_SET_H_
#define NEEDLEWORK_KIT_CODE_SET_H_

#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "needlework/kit/config_reader.h"
#include "needlework/types/v1/clinical.pb.h"

namespace needlework::addon {

using config::ConfigErrors;
using config::Json;
using Codings = google::protobuf::RepeatedPtrField<types::v1::Coding>;

// "system|code": the identity of a coding in config and in a CodeSet.
inline std::string CodeKey(std::string_view system, std::string_view code) {
  std::string key(system);
  key.append(1, '|').append(code);
  return key;
}
inline std::string CodeKey(const types::v1::Coding& coding) {
  return CodeKey(coding.system(), coding.code());
}

// A set of codings, each with the display the config gives it. Immutable once read: const
// members may be called from many threads at once.
class CodeSet {
 public:
  // Adds system|code with `display`; adding a key again keeps the last display.
  void Add(std::string_view system, std::string_view code, std::string display) {
    types::v1::Coding& coding = codings_[CodeKey(system, code)];
    coding.set_system(std::string(system));
    coding.set_code(std::string(code));
    coding.set_display(std::move(display));
  }
  // The config's display for `coding` when the set holds its system and code, else nullptr.
  // The pointer stays valid as long as the set.
  const std::string* Find(const types::v1::Coding& coding) const {
    auto found = codings_.find(CodeKey(coding));
    return found == codings_.end() ? nullptr : &found->second.display();
  }
  // The first of `codings` that the set holds, else nullptr (a pointer into `codings`).
  const types::v1::Coding* FirstIn(const Codings& codings) const {
    for (const auto& coding : codings) {
      if (Find(coding) != nullptr) return &coding;
    }
    return nullptr;
  }
  bool empty() const { return codings_.empty(); }
  size_t size() const { return codings_.size(); }
  // "system|code" -> the coding with the config's display, ordered by key.
  const std::map<std::string, types::v1::Coding>& entries() const { return codings_; }

 private:
  std::map<std::string, types::v1::Coding> codings_;
};

// The object member `key` of `object` read as a code set: each member is "system|code"
// (see config::SplitCodeKey) with a non-empty display string. Absent: an empty set, and a
// problem when `required`. Each malformed key or value is a problem naming its JSON path;
// the rest of the set is still read.
inline CodeSet ReadCodeSet(const Json& object, std::string_view path, std::string_view key,
                           bool required, ConfigErrors& errors) {
  CodeSet set;
  const Json* members = config::ReadObject(object, path, key, required, errors);
  if (members == nullptr) return set;
  const std::string set_path = config::JoinPath(path, key);
  for (const auto& [code_key, display] : members->items()) {
    const auto split = config::SplitCodeKey(code_key);
    if (!split) {
      errors.Add(config::JoinPath(set_path, code_key),
                 "key must be \"system|code\", e.g. \"http://snomed.info/sct|77386006\"");
    } else if (!display.is_string() || display.get_ref<const std::string&>().empty()) {
      errors.Add(config::JoinPath(set_path, code_key),
                 "must be the display text, not " + config::DescribeValue(display));
    } else {
      set.Add(split->first, split->second, display.get<std::string>());
    }
  }
  return set;
}

// The object member `key` read as local codes of `system`, keyed by the bare code:
// {"face": "face", "neck": "neck"} (keys must satisfy config::IsLocalCode). `system` may be
// empty for plain local names such as device kinds. Absent: an empty set. Each malformed key or
// value is a problem naming its JSON path.
inline CodeSet ReadLocalCodeSet(const Json& object, std::string_view path, std::string_view key,
                                std::string_view system, ConfigErrors& errors) {
  CodeSet set;
  const Json* members = config::ReadObject(object, path, key, /*required=*/false, errors);
  if (members == nullptr) return set;
  const std::string set_path = config::JoinPath(path, key);
  for (const auto& [code, display] : members->items()) {
    if (!config::IsLocalCode(code)) {
      errors.Add(config::JoinPath(set_path, code),
                 "key must be a local code: lower-case letters and digits in hyphen-joined words");
    } else if (!display.is_string() || display.get_ref<const std::string&>().empty()) {
      errors.Add(config::JoinPath(set_path, code),
                 "must be the display text, not " + config::DescribeValue(display));
    } else {
      set.Add(system, code, display.get<std::string>());
    }
  }
  return set;
}

}  // namespace needlework::addon

#endif  // NEEDLEWORK_KIT_CODE_SET_H_
