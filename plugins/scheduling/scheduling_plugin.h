// The scheduling plugin's instance class: the glue between the SDK and the rules.
// The library's entry point, NEEDLEWORK_PLUGIN(SchedulingPlugin), is in plugin_entry.cc,
// so tests can link this class without exporting an entry point of their own.
#ifndef NEEDLEWORK_PLUGINS_SCHEDULING_SCHEDULING_PLUGIN_H_
#define NEEDLEWORK_PLUGINS_SCHEDULING_SCHEDULING_PLUGIN_H_

#include <memory>

#include "needlework/plugin.h"
#include "plugins/scheduling/scheduling_rules.h"

namespace needlework::scheduling {

// One clinic's scheduling instance. Immutable after Create, so Plan, CheckBooking and
// Catalog may run on any number of threads at once.
class SchedulingPlugin final : public Plugin {
 public:
  // See SchedulingManifest().
  static plugin::v1::Manifest Describe();

  // Compiles `context.config_json` (the effective config) once. Refuses a config that
  // does not validate with INVALID_ARGUMENT naming each problem and its JSON path.
  static StatusOr<std::unique_ptr<SchedulingPlugin>> Create(const InstanceContext& context);

  // See ProposeSeries() in plan.h; "today" (for the patient's age) is the host clock's
  // UTC date, or unknown when the host gives no clock.
  Status Plan(const plugin::v1::PlanRequest& request, plugin::v1::PlanResponse* response) override;

  // See CheckSessionBooking() in check_booking.h, which also states the host's contract.
  Status CheckBooking(const plugin::v1::CheckBookingRequest& request,
                      plugin::v1::CheckBookingResponse* response) override;

  // See DescribeCatalog() in catalog.h: microneedling as the clinic's BASE therapy.
  Status Catalog(const plugin::v1::CatalogRequest& request,
                 plugin::v1::CatalogResponse* response) override;

  // The compiled config, for inspection.
  const SchedulingRules& rules() const { return rules_; }

 private:
  SchedulingPlugin(SchedulingRules rules, HostServices host);

  const SchedulingRules rules_;
  const HostServices host_;  // the host's services; valid for this instance's life
};

}  // namespace needlework::scheduling

#endif  // NEEDLEWORK_PLUGINS_SCHEDULING_SCHEDULING_PLUGIN_H_
