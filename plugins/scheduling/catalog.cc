#include "plugins/scheduling/catalog.h"

#include <algorithm>
#include <optional>

namespace needlework::scheduling {
namespace {

// The needling minutes of one area in the fastest area group (0 when there is none).
int UsualNeedlingMinutes(const SchedulingRules& rules) {
  std::optional<int> fastest;
  for (const auto& [id, group] : rules.area_groups) {
    fastest = std::min(fastest.value_or(group.needling_minutes), group.needling_minutes);
  }
  return fastest.value_or(0);
}

}  // namespace

types::v1::Therapy BaseTherapy(const SchedulingRules& rules) {
  types::v1::Therapy therapy;
  *therapy.mutable_code() = rules.therapy;
  therapy.set_display_name(rules.therapy_name);
  therapy.set_description(rules.therapy_description);
  therapy.set_kind(types::v1::THERAPY_KIND_BASE);
  therapy.set_minutes(rules.numbing_minutes + UsualNeedlingMinutes(rules));
  for (const auto& requirement : rules.requirements) *therapy.add_requirements() = requirement;
  return therapy;
}

void DescribeCatalog(const SchedulingRules& rules, plugin::v1::CatalogResponse* response) {
  *response->add_therapies() = BaseTherapy(rules);
}

}  // namespace needlework::scheduling
