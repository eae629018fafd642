// Semantic versions (semver.org 2.0) of plugins and of the host, and the ranges of host
// versions a plugin's manifest may declare. Debian ships no C++ semver library.
#ifndef NEEDLEWORK_HOST_PLUGINS_PLUGIN_VERSION_H_
#define NEEDLEWORK_HOST_PLUGINS_PLUGIN_VERSION_H_

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "needlework/status.h"

namespace needlework::host {

// MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]. Ordered by semver precedence: numbers compare as
// numbers (0.1.10 > 0.1.9), a pre-release sorts before its release, build metadata is ignored.
class SemanticVersion {
 public:
  // INVALID_ARGUMENT naming `text` and what a version looks like.
  static StatusOr<SemanticVersion> Parse(std::string_view text);

  const std::string& text() const { return text_; }
  std::strong_ordering operator<=>(const SemanticVersion& other) const;
  bool operator==(const SemanticVersion& other) const { return (*this <=> other) == 0; }

 private:
  std::string text_;  // as given
  uint64_t major_ = 0, minor_ = 0, patch_ = 0;
  std::vector<std::string> prerelease_;  // dot-separated identifiers; empty for a release
};

// Space-separated comparators, all of which must hold, e.g. ">=0.1.0 <2.0.0"; each is one
// of >=, >, <=, <, = followed by a version. Empty: every version.
class VersionRange {
 public:
  // INVALID_ARGUMENT naming the comparator that is malformed.
  static StatusOr<VersionRange> Parse(std::string_view text);

  bool Contains(const SemanticVersion& version) const;
  const std::string& text() const { return text_; }

 private:
  struct Comparator {
    std::string op;
    SemanticVersion version;
  };
  std::string text_;
  std::vector<Comparator> comparators_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_PLUGINS_PLUGIN_VERSION_H_
