#include "plugins/scheduling/manifest.h"

#include <string>

#include "plugins/scheduling/embedded_config.h"

namespace needlework::scheduling {

plugin::v1::Manifest SchedulingManifest() {
  plugin::v1::Manifest manifest;
  manifest.set_id(std::string(kPluginId));
  manifest.set_version(std::string(kPluginVersion));
  manifest.set_vendor("Needlework");
  manifest.set_display_name("Microneedling scheduling");
  manifest.set_description(
      "Plans a microneedling series from the concerns, treatment areas, severity and skin "
      "factors (session count, spacing, minutes, resources, maintenance, with the reasons), "
      "and checks that a session may be booked at a time (plan active, screening outcome, "
      "order and spacing of sessions, duplicates, duration); offers microneedling as the "
      "clinic's base therapy in the catalog. Every number is per-clinic config.");
  manifest.add_hooks(plugin::v1::HOOK_PLAN);
  manifest.add_hooks(plugin::v1::HOOK_CHECK_BOOKING);
  manifest.add_hooks(plugin::v1::HOOK_CATALOG);
  manifest.set_default_config_json(std::string(kDefaultConfigJson));
  manifest.set_config_schema_json(std::string(kConfigSchemaJson));
  return manifest;
}

}  // namespace needlework::scheduling
