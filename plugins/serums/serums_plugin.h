// org.needlework.serums: the clinic's growth-factor and hyaluronic-acid serums as add-ons to a
// microneedling session. The config lists the products (serums_config.h); the catalog offers
// one ADD_ON per product (product and lot recorded at completion); a known allergy to an
// ingredient contraindicates that product only; a session with any of them gets the
// "approved products only" aftercare line. Served by the SDK's ConfiguredAddOn
// (needlework/kit/addon_plugin.h); the entry point is in plugin_entry.cc.
#ifndef NEEDLEWORK_PLUGINS_SERUMS_SERUMS_PLUGIN_H_
#define NEEDLEWORK_PLUGINS_SERUMS_SERUMS_PLUGIN_H_

#include "needlework/kit/addon_plugin.h"

namespace needlework::serums {

// Id, version, texts, the embedded default config and its schema, CompileSerumsConfig;
// "serums config" in refusals.
struct SerumsAddOn {
  static addon::AddOnDescription Description();
};

// One clinic's instance. Immutable after Create: hooks may run on many threads at once.
using SerumsPlugin = addon::ConfiguredAddOn<SerumsAddOn>;

}  // namespace needlework::serums

#endif  // NEEDLEWORK_PLUGINS_SERUMS_SERUMS_PLUGIN_H_
