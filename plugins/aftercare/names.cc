#include "plugins/aftercare/names.h"

#include <array>
#include <utility>

namespace needlework::aftercare {
namespace {

template <typename T, size_t N>
std::optional<T> Find(const std::array<std::pair<std::string_view, T>, N>& table,
                      std::string_view name) {
  for (const auto& [row_name, value] : table) {
    if (row_name == name) return value;
  }
  return std::nullopt;
}

constexpr std::array<std::pair<std::string_view, Anchor>, 3> kAnchors = {{
    {"session-end", types::v1::ANCHOR_SESSION_END},
    {"next-session-start", types::v1::ANCHOR_NEXT_SESSION_START},
    {"series-end", types::v1::ANCHOR_SERIES_END},
}};

constexpr std::array<std::pair<std::string_view, TriageLevel>, 4> kLevels = {{
    {"expected", types::v1::TRIAGE_LEVEL_EXPECTED},
    {"monitor", types::v1::TRIAGE_LEVEL_MONITOR},
    {"contact-clinic", types::v1::TRIAGE_LEVEL_CONTACT_CLINIC},
    {"urgent", types::v1::TRIAGE_LEVEL_URGENT},
}};

constexpr std::array<std::pair<std::string_view, Indicator>, 3> kIndicators = {{
    {"info", types::v1::INDICATOR_INFO},
    {"warning", types::v1::INDICATOR_WARNING},
    {"critical", types::v1::INDICATOR_CRITICAL},
}};

constexpr std::array<std::pair<std::string_view, SessionFilter>, 3> kSessionFilters = {{
    {"all", SessionFilter::kAll},
    {"not-last", SessionFilter::kNotLast},
    {"last", SessionFilter::kLast},
}};

std::optional<int> TwoDigits(std::string_view text) {
  if (text.size() != 2 || text[0] < '0' || text[0] > '9' || text[1] < '0' || text[1] > '9') {
    return std::nullopt;
  }
  return (text[0] - '0') * 10 + (text[1] - '0');
}

}  // namespace

std::optional<Anchor> AnchorFromName(std::string_view name) { return Find(kAnchors, name); }

std::optional<TriageLevel> LevelFromName(std::string_view name) { return Find(kLevels, name); }

std::string_view LevelName(TriageLevel level) {
  for (const auto& [name, value] : kLevels) {
    if (value == level) return name;
  }
  return "unspecified";
}

std::optional<Indicator> IndicatorFromName(std::string_view name) {
  return Find(kIndicators, name);
}

std::optional<SessionFilter> SessionFilterFromName(std::string_view name) {
  return Find(kSessionFilters, name);
}

std::optional<int> MinuteOfDay(std::string_view time) {
  if (time.size() != 5 || time[2] != ':') return std::nullopt;
  std::optional<int> hours = TwoDigits(time.substr(0, 2));
  std::optional<int> minutes = TwoDigits(time.substr(3, 2));
  if (!hours || !minutes || *hours > 23 || *minutes > 59) return std::nullopt;
  return *hours * 60 + *minutes;
}

}  // namespace needlework::aftercare
