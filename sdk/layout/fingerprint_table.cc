#include "sdk/layout/fingerprint_table.h"

#include <algorithm>

namespace needlework::layout {
namespace {

constexpr size_t kFingerprintDigits = 16;

bool IsFingerprint(std::string_view text) {
  return text.size() == kFingerprintDigits && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

// One "name=fingerprint" entry into `table`.
Status AddEntry(std::string_view entry, FingerprintTable* table) {
  const size_t equals = entry.find('=');
  const std::string_view name = entry.substr(0, std::min(equals, entry.size()));
  if (equals == std::string_view::npos || name.empty() ||
      !IsFingerprint(entry.substr(equals + 1))) {
    return InvalidArgumentError("entry '" + std::string(entry) +
                                "' is not name=<16 lowercase hex digits>");
  }
  if (!table->emplace(name, entry.substr(equals + 1)).second) {
    return InvalidArgumentError("message " + std::string(name) + " is listed twice");
  }
  return OkStatus();
}

}  // namespace

StatusOr<FingerprintTable> ParseFingerprintTable(std::string_view text) {
  FingerprintTable table;
  while (!text.empty()) {
    const size_t end = std::min(text.find(';'), text.size());
    NW_RETURN_IF_ERROR(AddEntry(text.substr(0, end), &table));
    text.remove_prefix(end == text.size() ? end : end + 1);
  }
  return table;
}

std::string FormatFingerprintTable(const FingerprintTable& table) {
  std::string text;
  for (const auto& [name, fingerprint] : table) {
    text += (text.empty() ? "" : ";") + name + "=" + fingerprint;
  }
  return text;
}

std::vector<std::string> DifferingMessages(const FingerprintTable& plugin,
                                           const FingerprintTable& host) {
  std::vector<std::string> differing;
  for (const auto& [name, fingerprint] : plugin) {
    auto known = host.find(name);
    if (known != host.end() && known->second != fingerprint) differing.push_back(name);
  }
  return differing;
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string joined;
  for (const auto& name : names) joined += (joined.empty() ? "" : ", ") + name;
  return joined;
}

}  // namespace needlework::layout
