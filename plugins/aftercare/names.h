// The names the aftercare config uses for anchors and session filters. Explicit tables,
// never the enums' numbers or generated names.
#ifndef NEEDLEWORK_PLUGINS_AFTERCARE_NAMES_H_
#define NEEDLEWORK_PLUGINS_AFTERCARE_NAMES_H_

#include "needlework/kit/config_names.h"
#include "plugins/aftercare/aftercare_rules.h"

namespace needlework::aftercare {

// The config names of anchors: "session-end", "next-session-start", "series-end". (Triage
// levels and indicators are named by the kit: addon::TriageLevelNames, IndicatorNames.)
const addon::NameTable<Anchor>& AnchorNames();

// The config names of session filters: "all", "not-last", "last".
const addon::NameTable<SessionFilter>& SessionFilterNames();

}  // namespace needlework::aftercare

#endif  // NEEDLEWORK_PLUGINS_AFTERCARE_NAMES_H_
