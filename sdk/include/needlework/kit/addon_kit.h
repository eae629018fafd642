// The add-on kit: everything a config-driven add-on plugin needs, in one include.
//
//   code_set.h          "system|code" code sets read from config
//   fact_match.h        patient facts (conditions, medications, allergies, observations)
//                       matched against code sets, with their evidence
//   config_names.h      config names of outcomes, indicators, triage levels, severities;
//                       text helpers (placeholders, UTF-8 truncation)
//   addon_config.h      a therapy (catalog entry) and screening rules from config
//   aftercare_config.h  aftercare instructions, expected effects and triage rules from config
//   addon_hooks.h       serving screen, aftercare and triage from those
//   addon_plugin.h      AddOnPlugin: a whole add-on plugin served from its config
//
// Header-only; the headers include only each other, the standard library, nlohmann/json
// (through config_reader.h) and the generated plugin and type protos.
#ifndef NEEDLEWORK_KIT_ADDON_KIT_H_
#define NEEDLEWORK_KIT_ADDON_KIT_H_

#include "needlework/kit/addon_config.h"
#include "needlework/kit/addon_hooks.h"
#include "needlework/kit/addon_plugin.h"
#include "needlework/kit/aftercare_config.h"
#include "needlework/kit/code_set.h"
#include "needlework/kit/config_names.h"
#include "needlework/kit/fact_match.h"

#endif  // NEEDLEWORK_KIT_ADDON_KIT_H_
