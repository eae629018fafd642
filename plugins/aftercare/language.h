// Which of the clinic's languages answers a request.
#ifndef NEEDLEWORK_PLUGINS_AFTERCARE_LANGUAGE_H_
#define NEEDLEWORK_PLUGINS_AFTERCARE_LANGUAGE_H_

#include <string>
#include <string_view>

#include "plugins/aftercare/aftercare_rules.h"

namespace needlework::aftercare {

// The tag of rules.languages that serves `requested` (BCP 47, compared case-insensitively):
// the same tag, else its primary language ("fr" for "fr-CA"), else rules.default_language
// (also for ""). The result is always a key of rules.languages.
const std::string& ResolveLanguage(const AftercareRules& rules, std::string_view requested);

}  // namespace needlework::aftercare

#endif  // NEEDLEWORK_PLUGINS_AFTERCARE_LANGUAGE_H_
