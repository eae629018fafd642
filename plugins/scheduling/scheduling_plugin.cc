#include "plugins/scheduling/scheduling_plugin.h"

#include <optional>
#include <string>
#include <utility>

#include "plugins/scheduling/catalog.h"
#include "plugins/scheduling/check_booking.h"
#include "plugins/scheduling/civil_date.h"
#include "plugins/scheduling/config.h"
#include "plugins/scheduling/manifest.h"
#include "plugins/scheduling/plan.h"

namespace needlework::scheduling {

SchedulingPlugin::SchedulingPlugin(SchedulingRules rules, HostServices host)
    : rules_(std::move(rules)), host_(host) {}

plugin::v1::Manifest SchedulingPlugin::Describe() { return SchedulingManifest(); }

StatusOr<std::unique_ptr<SchedulingPlugin>> SchedulingPlugin::Create(
    const InstanceContext& context) {
  NW_ASSIGN_OR_RETURN(SchedulingRules rules, CompileConfig(context.config_json));
  context.host.Log(LogLevel::kInfo,
                   "scheduling config compiled: " + std::to_string(rules.concerns.size()) +
                       " concerns, " + std::to_string(rules.areas.size()) + " treatment areas, " +
                       std::to_string(rules.adjustments.size()) + " adjustments enabled");
  return std::unique_ptr<SchedulingPlugin>(new SchedulingPlugin(std::move(rules), context.host));
}

Status SchedulingPlugin::Plan(const plugin::v1::PlanRequest& request,
                              plugin::v1::PlanResponse* response) {
  const int64_t now_micros = host_.NowUnixMicros();
  std::optional<Day> today;
  if (now_micros > 0) today = UtcDay(now_micros / 1'000'000);
  return ProposeSeries(rules_, request, today, response);
}

Status SchedulingPlugin::CheckBooking(const plugin::v1::CheckBookingRequest& request,
                                      plugin::v1::CheckBookingResponse* response) {
  return CheckSessionBooking(rules_.booking, request, response);
}

Status SchedulingPlugin::Catalog(const plugin::v1::CatalogRequest& /*request*/,
                                 plugin::v1::CatalogResponse* response) {
  DescribeCatalog(rules_, response);
  return OkStatus();
}

}  // namespace needlework::scheduling
