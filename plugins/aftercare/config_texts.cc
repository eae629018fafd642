// Reads root.languages: for each language, a text for every configured id.
#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <span>
#include <string>

#include "plugins/aftercare/config_parts.h"
#include "plugins/aftercare/text_template.h"

namespace needlework::aftercare {
namespace {

using Names = std::span<const std::string_view>;

// A BCP 47-like tag: ASCII letters first, then letters, digits and hyphens, e.g. "pt-BR".
bool IsLanguageTag(std::string_view tag) {
  if (tag.empty() || tag.size() > 35 || !std::isalpha(static_cast<unsigned char>(tag[0]))) {
    return false;
  }
  return std::all_of(tag.begin(), tag.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-';
  });
}

bool Contains(Names names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Records a problem for each {placeholder} of `text` that is neither the host's nor in
// `own`.
void CheckPlaceholders(std::string_view text, std::string_view path, Names own,
                       config::ConfigErrors& errors) {
  for (const std::string& name : PlaceholderNames(text)) {
    if (Contains(kHostPlaceholders, name) || Contains(own, name)) continue;
    std::string known;
    for (Names names : {own, Names(kHostPlaceholders)}) {
      for (std::string_view known_name : names)
        known.append(known.empty() ? "" : ", ").append(known_name);
    }
    errors.Add(path, "unknown placeholder {" + name + "} (known: " + known + ")");
  }
}

// A text member `key` of `object`, checked for placeholders.
std::string ReadTemplate(const config::Json& object, std::string_view path, std::string_view key,
                         Names own, config::ConfigErrors& errors) {
  std::string text = config::ReadText(object, path, key, errors);
  CheckPlaceholders(text, config::JoinPath(path, key), own, errors);
  return text;
}

// object[key]: a text for each of `ids` and for nothing else.
std::map<std::string, std::string> ReadTextMap(const config::Json& object, std::string_view path,
                                               std::string_view key,
                                               const std::set<std::string>& ids, Names own,
                                               config::ConfigErrors& errors) {
  std::map<std::string, std::string> texts;
  const config::Json* members = config::ReadObject(object, path, key, /*required=*/true, errors);
  if (members == nullptr) return texts;
  const std::string map_path = config::JoinPath(path, key);
  for (const auto& [id, text] : members->items()) {
    if (!ids.contains(id)) errors.Add(config::JoinPath(map_path, id), "text for an unknown id");
  }
  for (const std::string& id : ids) texts[id] = ReadTemplate(*members, map_path, id, own, errors);
  return texts;
}

// object.waiting_messages: a text for each message anchored to the next session (required
// when there is one), none naming {next_session_time}, which such a text is shown without.
std::map<std::string, std::string> ReadWaitingTexts(const config::Json& object,
                                                    std::string_view path,
                                                    const std::set<std::string>& ids,
                                                    config::ConfigErrors& errors) {
  if (ids.empty() && !object.contains("waiting_messages")) return {};
  auto texts = ReadTextMap(object, path, "waiting_messages", ids, kMessagePlaceholders, errors);
  for (const auto& [id, text] : texts) {
    if (text.find("{next_session_time}") == std::string::npos) continue;
    errors.Add(config::JoinPath(config::JoinPath(path, "waiting_messages"), id),
               "must not name {next_session_time}: it is shown while the next session is not "
               "booked");
  }
  return texts;
}

Texts ReadLanguage(const config::Json& object, const std::string& path, const ConfiguredIds& ids,
                   config::ConfigErrors& errors) {
  config::RejectUnknownKeys(object, path,
                            {"until_healed", "from_healed", "or", "instructions", "effects",
                             "messages", "waiting_messages", "symptoms", "advice"},
                            errors);
  Texts texts;
  texts.list_or = object.contains("or") ? ReadTemplate(object, path, "or", {}, errors) : "/";
  texts.until_healed = ReadTemplate(object, path, "until_healed", {}, errors);
  texts.from_healed = ReadTemplate(object, path, "from_healed", {}, errors);
  texts.instructions = ReadTextMap(object, path, "instructions", ids.instructions, {}, errors);
  texts.effects = ReadTextMap(object, path, "effects", ids.effects, {}, errors);
  texts.messages =
      ReadTextMap(object, path, "messages", ids.messages, kMessagePlaceholders, errors);
  texts.waiting_messages = ReadWaitingTexts(object, path, ids.waiting_messages, errors);
  texts.symptoms = ReadTextMap(object, path, "symptoms", ids.symptoms, {}, errors);
  texts.advice = ReadTextMap(object, path, "advice", ids.advice, kAdvicePlaceholders, errors);
  return texts;
}

}  // namespace

void ReadLanguages(const config::Json& root, const ConfiguredIds& ids, AftercareRules& rules,
                   config::ConfigErrors& errors) {
  const config::Json* languages =
      config::ReadObject(root, "", "languages", /*required=*/true, errors);
  if (languages == nullptr) return;
  for (const auto& [tag, object] : languages->items()) {
    const std::string path = config::JoinPath("languages", tag);
    if (!IsLanguageTag(tag)) {
      errors.Add(path, "key must be a language tag, e.g. \"en\" or \"pt-BR\"");
    } else if (!object.is_object()) {
      errors.Add(path, "must be an object, not " + config::DescribeValue(object));
    } else {
      rules.languages.emplace(tag, ReadLanguage(object, path, ids, errors));
    }
  }
  if (!rules.default_language.empty() && !languages->contains(rules.default_language)) {
    std::string known;
    for (const auto& [tag, object] : languages->items())
      known.append(known.empty() ? "" : ", ").append(tag);
    errors.Add("default_language", config::Json(rules.default_language).dump() +
                                       " has no texts in languages (languages: " + known + ")");
  }
}

}  // namespace needlework::aftercare
