// Compiles the scheduling plugin's effective config (JSON) into immutable SchedulingRules.
//
// The config is data end to end: every session count, spacing, duration, resource,
// adjustment and booking rule comes from it, and the manifest's default_config_json holds
// the shipped defaults. Its shape suits JSON merge patch (RFC 7386), which the host applies
// to the defaults with a clinic's patch: concerns, area groups, areas, devices, adjustments
// and forbidding outcomes are objects keyed by code, so a clinic changes one number, adds
// an entry with a new key and removes one with null. config_schema.json describes the same
// shape as a JSON Schema.
#ifndef NEEDLEWORK_PLUGINS_SCHEDULING_CONFIG_H_
#define NEEDLEWORK_PLUGINS_SCHEDULING_CONFIG_H_

#include <string_view>

#include "needlework/status.h"
#include "plugins/scheduling/scheduling_rules.h"

namespace needlework::scheduling {

// Parses and validates `config_json` strictly and compiles it. On any problem (not JSON,
// an unknown key, a missing or mistyped field, a number out of range, max below min, a
// session table that decreases with severity, an area in two groups, a table for an
// unknown area group, an adjustment with no trigger or two) returns INVALID_ARGUMENT whose
// message lists every problem, each with its JSON path. Disabled adjustments are validated
// too, so switching one on cannot fail later.
StatusOr<SchedulingRules> CompileConfig(std::string_view config_json);

}  // namespace needlework::scheduling

#endif  // NEEDLEWORK_PLUGINS_SCHEDULING_CONFIG_H_
