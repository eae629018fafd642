#include "host/plugins/plugin_version.h"

#include <algorithm>
#include <charconv>
#include <regex>

namespace needlework::host {
namespace {

// semver.org's own expression, without named groups.
const std::regex& VersionPattern() {
  static const std::regex kPattern(
      R"(^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*))"
      R"((?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?)"
      R"((?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?$)");
  return kPattern;
}

bool ToNumber(const std::string& text, uint64_t* number) {
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *number);
  return error == std::errc() && end == text.data() + text.size();
}

std::vector<std::string> Split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t at = text.find(separator); at != std::string::npos;
       at = text.find(separator, start)) {
    parts.push_back(text.substr(start, at - start));
    start = at + 1;
  }
  parts.push_back(text.substr(start));
  return parts;
}

// Pre-release identifiers: numeric ones compare as numbers and sort before alphanumeric ones.
std::strong_ordering CompareIdentifier(const std::string& a, const std::string& b) {
  uint64_t a_number = 0, b_number = 0;
  bool a_numeric = ToNumber(a, &a_number), b_numeric = ToNumber(b, &b_number);
  if (a_numeric && b_numeric) return a_number <=> b_number;
  if (a_numeric != b_numeric)
    return a_numeric ? std::strong_ordering::less : std::strong_ordering::greater;
  return a.compare(b) <=> 0;
}

constexpr const char* kOperators[] = {">=", "<=", ">", "<", "="};

}  // namespace

StatusOr<SemanticVersion> SemanticVersion::Parse(std::string_view text) {
  std::string given(text);
  std::smatch match;
  constexpr size_t kMaxLength = 256;  // std::regex recurses per character
  SemanticVersion version;
  if (given.size() > kMaxLength || !std::regex_match(given, match, VersionPattern()) ||
      !ToNumber(match[1], &version.major_) || !ToNumber(match[2], &version.minor_) ||
      !ToNumber(match[3], &version.patch_)) {
    return InvalidArgumentError("version '" + given.substr(0, 64) +
                                "' is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.4.0 or "
                                "1.4.0-rc.1; semver.org)");
  }
  if (match[4].matched) version.prerelease_ = Split(match[4], '.');
  version.text_ = std::move(given);
  return version;
}

std::strong_ordering SemanticVersion::operator<=>(const SemanticVersion& other) const {
  if (auto order = major_ <=> other.major_; order != 0) return order;
  if (auto order = minor_ <=> other.minor_; order != 0) return order;
  if (auto order = patch_ <=> other.patch_; order != 0) return order;
  if (prerelease_.empty() != other.prerelease_.empty()) {
    return prerelease_.empty() ? std::strong_ordering::greater : std::strong_ordering::less;
  }
  size_t common = std::min(prerelease_.size(), other.prerelease_.size());
  for (size_t i = 0; i < common; ++i) {
    if (auto order = CompareIdentifier(prerelease_[i], other.prerelease_[i]); order != 0) {
      return order;
    }
  }
  return prerelease_.size() <=> other.prerelease_.size();
}

StatusOr<VersionRange> VersionRange::Parse(std::string_view text) {
  VersionRange range;
  range.text_ = std::string(text);
  for (const auto& word : Split(range.text_, ' ')) {
    if (word.empty()) continue;
    const char* op = nullptr;
    for (const char* candidate : kOperators) {
      if (word.starts_with(candidate)) {
        op = candidate;
        break;
      }
    }
    if (op == nullptr) {
      return InvalidArgumentError("version range '" + range.text_ + "': '" + word +
                                  "' does not start with >=, >, <=, < or =");
    }
    StatusOr<SemanticVersion> version =
        SemanticVersion::Parse(word.substr(std::string_view(op).size()));
    if (!version.ok()) {
      return version.status().WithPrefix("version range '" + range.text_ + "'");
    }
    range.comparators_.push_back({op, *std::move(version)});
  }
  return range;
}

bool VersionRange::Contains(const SemanticVersion& version) const {
  return std::all_of(comparators_.begin(), comparators_.end(), [&](const Comparator& c) {
    auto order = version <=> c.version;
    if (c.op == ">=") return order >= 0;
    if (c.op == ">") return order > 0;
    if (c.op == "<=") return order <= 0;
    if (c.op == "<") return order < 0;
    return order == 0;
  });
}

}  // namespace needlework::host
