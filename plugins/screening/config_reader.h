// The SDK's path-aware config readers (needlework/kit/config_reader.h), named in this plugin's
// namespace, with the refusals saying "screening config".
#ifndef NEEDLEWORK_PLUGINS_SCREENING_CONFIG_READER_H_
#define NEEDLEWORK_PLUGINS_SCREENING_CONFIG_READER_H_

#include <string_view>

#include "needlework/kit/config_reader.h"
#include "plugins/screening/value_set.h"

namespace needlework::screening {

using Json = config::Json;
using config::ConfigErrors;
using config::DescribeValue;
using config::IsLocalCode;
using config::JoinPath;
using config::ReadBool;
using config::ReadInt;
using config::ReadNumber;
using config::ReadObject;
using config::ReadText;
using config::RejectUnknownKeys;
using config::SplitCodeKey;

inline constexpr std::string_view kConfigSubject = "screening config";

// The effective config text parsed as a JSON object (see config::ParseConfigObject).
inline StatusOr<Json> ParseConfigObject(std::string_view text) {
  return config::ParseConfigObject(text, kConfigSubject);
}

// The optional value set `key`: an object whose keys are "system|code" (system an absolute
// URI, neither part empty nor padded with spaces) and whose values are non-empty displays.
ValueSet ReadValueSet(const Json& object, std::string_view path, std::string_view key,
                      ConfigErrors& errors);

}  // namespace needlework::screening

#endif  // NEEDLEWORK_PLUGINS_SCREENING_CONFIG_READER_H_
