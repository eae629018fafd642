// The names the aftercare config uses for anchors, triage levels, indicators and session
// filters, and its "HH:MM" times. Explicit tables, never the enums' numbers or generated
// names.
#ifndef NEEDLEWORK_PLUGINS_AFTERCARE_NAMES_H_
#define NEEDLEWORK_PLUGINS_AFTERCARE_NAMES_H_

#include <optional>
#include <string>
#include <string_view>

#include "plugins/aftercare/aftercare_rules.h"

namespace needlework::aftercare {

// "session-end", "next-session-start", "series-end"; nullopt for anything else.
std::optional<Anchor> AnchorFromName(std::string_view name);

// "expected", "monitor", "contact-clinic", "urgent"; nullopt for anything else.
std::optional<TriageLevel> LevelFromName(std::string_view name);
// The config name of `level`; "unspecified" for anything without one.
std::string_view LevelName(TriageLevel level);

// "info", "warning", "critical"; nullopt for anything else.
std::optional<Indicator> IndicatorFromName(std::string_view name);

// "all", "not-last", "last"; nullopt for anything else.
std::optional<SessionFilter> SessionFilterFromName(std::string_view name);

// Minutes since midnight of "HH:MM" (00:00 to 23:59, two digits each); nullopt otherwise.
std::optional<int> MinuteOfDay(std::string_view time);

}  // namespace needlework::aftercare

#endif  // NEEDLEWORK_PLUGINS_AFTERCARE_NAMES_H_
