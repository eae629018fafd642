// The `catalog` hook: the base therapy this clinic's scheduling config plans.
#ifndef NEEDLEWORK_PLUGINS_SCHEDULING_CATALOG_H_
#define NEEDLEWORK_PLUGINS_SCHEDULING_CATALOG_H_

#include "needlework/plugin/v1/catalog.pb.h"
#include "plugins/scheduling/scheduling_rules.h"

namespace needlework::scheduling {

// The BASE therapy of `rules`: code rules.therapy, display_name rules.therapy_name and
// description, the usual session's minutes (numbing_minutes plus the needling_minutes of
// one area in the area group that needles fastest, e.g. 30 + 30 for one face area) and the
// session requirements (practitioner, room, devices). Add-on plugins add theirs on top.
types::v1::Therapy BaseTherapy(const SchedulingRules& rules);

// Fills `response` (passed empty) with BaseTherapy(rules). Reads `rules` only.
void DescribeCatalog(const SchedulingRules& rules, plugin::v1::CatalogResponse* response);

}  // namespace needlework::scheduling

#endif  // NEEDLEWORK_PLUGINS_SCHEDULING_CATALOG_H_
