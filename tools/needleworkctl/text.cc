#include "text.h"

#include <cctype>
#include <cstdio>

namespace needlework::ctl {

std::string EnumLabel(std::string_view name, std::string_view prefix) {
  if (name.empty()) return "unknown";
  std::string label(StripPrefix(name, prefix));
  for (char& c : label) {
    c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return label;
}

std::string_view StripPrefix(std::string_view name, std::string_view prefix) {
  if (name.starts_with(prefix)) name.remove_prefix(prefix.size());
  return name;
}

std::string CompactJson(std::string_view json) {
  std::string compact;
  bool in_string = false;
  bool escaped = false;
  for (char c : json) {
    if (in_string) {
      in_string = escaped || c != '"';
      escaped = !escaped && c == '\\';
    } else if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      continue;
    } else {
      in_string = c == '"';
    }
    compact.push_back(c);
  }
  return compact;
}

std::string FormatMicros(int64_t micros) {
  char text[32];
  if (micros < 1000) {
    std::snprintf(text, sizeof(text), "%lld us", static_cast<long long>(micros));
  } else if (micros < 1'000'000) {
    std::snprintf(text, sizeof(text), "%.1f ms", static_cast<double>(micros) / 1e3);
  } else {
    std::snprintf(text, sizeof(text), "%.2f s", static_cast<double>(micros) / 1e6);
  }
  return text;
}

std::string Printable(std::string_view text) {
  std::string printable(text);
  for (char& c : printable) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return printable;
}

std::string OrDash(std::string_view text) { return text.empty() ? "-" : std::string(text); }

std::string_view YesNo(bool value) { return value ? "yes" : "no"; }

}  // namespace needlework::ctl
