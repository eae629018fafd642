// The SDK's path-aware config readers (needlework/kit/config_reader.h), named in this plugin's
// namespace, with the refusals saying "aftercare config".
#ifndef NEEDLEWORK_PLUGINS_AFTERCARE_CONFIG_READER_H_
#define NEEDLEWORK_PLUGINS_AFTERCARE_CONFIG_READER_H_

#include <string_view>

#include "needlework/kit/config_reader.h"

namespace needlework::aftercare {

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

inline constexpr std::string_view kConfigSubject = "aftercare config";

// The effective config text parsed as a JSON object (see config::ParseConfigObject).
inline StatusOr<Json> ParseConfigObject(std::string_view text) {
  return config::ParseConfigObject(text, kConfigSubject);
}

}  // namespace needlework::aftercare

#endif  // NEEDLEWORK_PLUGINS_AFTERCARE_CONFIG_READER_H_
