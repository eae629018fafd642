#include "text.h"

#include <algorithm>
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

std::string Shorten(std::string_view text, size_t max_columns) {
  std::string line;
  for (char c : Printable(text)) {
    if (c == ' ' && (line.empty() || line.back() == ' ')) continue;
    line.push_back(c);
  }
  if (!line.empty() && line.back() == ' ') line.pop_back();
  size_t limit = std::max<size_t>(max_columns, 4);
  size_t columns = 0;
  size_t cut = line.size();  // the byte where the limit-3'th code point starts
  for (size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
    if (columns == limit - 3) cut = i;
    ++columns;
  }
  if (columns <= limit) return line;
  line.resize(cut);
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line + "...";
}

std::string OrDash(std::string_view text) { return text.empty() ? "-" : std::string(text); }

std::string SessionNumber(int32_t session_index) { return std::to_string(session_index + 1); }

std::string_view YesNo(bool value) { return value ? "yes" : "no"; }

}  // namespace needlework::ctl
