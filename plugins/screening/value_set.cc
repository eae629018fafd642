#include "plugins/screening/value_set.h"

#include <utility>

namespace needlework::screening {

std::string CodingKey(std::string_view system, std::string_view code) {
  std::string key;
  key.reserve(system.size() + 1 + code.size());
  key.append(system).append(1, '|').append(code);
  return key;
}

void ValueSet::Add(std::string_view system, std::string_view code, std::string display) {
  displays_.insert_or_assign(CodingKey(system, code), std::move(display));
}

const std::string* ValueSet::Find(const types::v1::Coding& coding) const {
  if (displays_.empty() || coding.code().empty()) return nullptr;
  // A rule pass looks up every coding of the patient in every rule's sets: build the key in
  // a buffer the thread keeps, rather than allocating a string per lookup.
  thread_local std::string key;
  key.assign(coding.system()).append(1, '|').append(coding.code());
  auto found = displays_.find(key);
  return found == displays_.end() ? nullptr : &found->second;
}

}  // namespace needlework::screening
