// How `plugin configure` reads: the setting's state, then one line per override that changed.
#include <nlohmann/json.hpp>

#include "commands/clinics.h"
#include "text.h"

namespace needlework::ctl {
namespace {

using Json = nlohmann::json;
using Pointer = Json::json_pointer;

constexpr size_t kValueColumns = 60;

// `text` parsed; an empty object for "" or text that is not a JSON object.
Json ObjectOf(const std::string& text) {
  Json json = Json::parse(text.empty() ? "{}" : text, nullptr, false);
  return json.is_object() ? json : Json::object();
}

std::string Value(const Json& value) { return Shorten(value.dump(), kValueColumns); }

// An object with keys: its keys are listed one by one, not the object as one value.
bool IsBranch(const Json& value) { return value.is_object() && !value.empty(); }

// The lines for every leaf where `before` and `after` differ, below `at`. Objects are walked
// key by key; anything else (arrays too) is one value.
void Compare(const Json& before, const Json& after, const Pointer& at,
             std::vector<std::string>* lines) {
  if (!before.is_object() || !after.is_object()) {
    if (before != after) {
      lines->push_back("changed " + Printable(at.to_string()) + ": " + Value(before) + " -> " +
                       Value(after));
    }
    return;
  }
  const Json kNone = Json::object();
  for (const auto& [key, value] : before.items()) {
    if (after.contains(key)) continue;
    if (IsBranch(value)) {
      Compare(value, kNone, at / key, lines);
    } else {
      lines->push_back("removed " + Printable((at / key).to_string()) + " (was " + Value(value) +
                       ")");
    }
  }
  for (const auto& [key, value] : after.items()) {
    if (before.contains(key)) {
      Compare(before.at(key), value, at / key, lines);
    } else if (IsBranch(value)) {
      Compare(kNone, value, at / key, lines);
    } else {
      lines->push_back("added   " + Printable((at / key).to_string()) + ": " + Value(value));
    }
  }
}

}  // namespace

std::vector<std::string> ConfigChanges(const std::string& before_json,
                                       const std::string& after_json) {
  std::vector<std::string> lines;
  Compare(ObjectOf(before_json), ObjectOf(after_json), Pointer(), &lines);
  return lines;
}

void RenderConfigChange(std::string_view clinic_id, const v1::ClinicPlugin& plugin,
                        std::ostream& out) {
  std::vector<std::string> lines =
      ConfigChanges(plugin.previous_config_json(), plugin.config_json());
  out << "Plugin " << plugin.plugin_id() << " for clinic " << clinic_id << " ("
      << (plugin.enabled() ? "enabled" : "disabled") << "): ";
  if (lines.empty()) {
    out << "the config overrides are unchanged.\n";
    return;
  }
  out << lines.size() << " config override" << (lines.size() == 1 ? "" : "s") << " changed\n";
  for (const std::string& line : lines) out << "  " << line << '\n';
}

}  // namespace needlework::ctl
