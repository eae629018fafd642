// org.needlework.prp: PRP-style serum (platelet-rich plasma from the patient's own blood) as
// an add-on to a microneedling session. Everything it answers comes from its config
// (default_config.json): the catalog entry (blood draw and centrifuge time, a centrifuge),
// the screening rules (clotting disorder, low platelets, blood thinners, bloodborne
// infection), the aftercare lines and the triage rules, served by the SDK's ConfiguredAddOn
// (needlework/kit/addon_plugin.h). The entry point is in plugin_entry.cc.
#ifndef NEEDLEWORK_PLUGINS_PRP_PRP_PLUGIN_H_
#define NEEDLEWORK_PLUGINS_PRP_PRP_PLUGIN_H_

#include "needlework/kit/addon_plugin.h"

namespace needlework::prp {

// Id, version, texts, the embedded default config and its schema; "prp config" in refusals.
struct PrpAddOn {
  static addon::AddOnDescription Description();
};

// One clinic's instance. Immutable after Create: hooks may run on many threads at once.
using PrpPlugin = addon::ConfiguredAddOn<PrpAddOn>;

}  // namespace needlework::prp

#endif  // NEEDLEWORK_PLUGINS_PRP_PRP_PLUGIN_H_
