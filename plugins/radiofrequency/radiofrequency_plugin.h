// org.needlework.radiofrequency: radiofrequency (RF) microneedling as an add-on to a
// microneedling session. Everything it answers comes from its config (default_config.json):
// the catalog entry (extra minutes, an RF unit), the screening rules (implanted electronic
// device, metal implant, pregnancy), the aftercare lines and the triage rules, served by the
// SDK's ConfiguredAddOn (needlework/kit/addon_plugin.h). The entry point is in plugin_entry.cc,
// so tests can link the class without exporting one of their own.
#ifndef NEEDLEWORK_PLUGINS_RADIOFREQUENCY_RADIOFREQUENCY_PLUGIN_H_
#define NEEDLEWORK_PLUGINS_RADIOFREQUENCY_RADIOFREQUENCY_PLUGIN_H_

#include "needlework/kit/addon_plugin.h"

namespace needlework::radiofrequency {

// Id, version, texts, the embedded default config and its schema; "radiofrequency config"
// in refusals.
struct RadiofrequencyAddOn {
  static addon::AddOnDescription Description();
};

// One clinic's instance. Immutable after Create: hooks may run on many threads at once.
using RadiofrequencyPlugin = addon::ConfiguredAddOn<RadiofrequencyAddOn>;

}  // namespace needlework::radiofrequency

#endif  // NEEDLEWORK_PLUGINS_RADIOFREQUENCY_RADIOFREQUENCY_PLUGIN_H_
