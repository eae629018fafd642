#include "plugins/screening/screening_plugin.h"

#include <string>
#include <utility>

#include "plugins/screening/config.h"
#include "plugins/screening/manifest.h"
#include "plugins/screening/screen.h"

namespace needlework::screening {

ScreeningPlugin::ScreeningPlugin(RuleSet rules) : rules_(std::move(rules)) {}

plugin::v1::Manifest ScreeningPlugin::Describe() { return ScreeningManifest(); }

StatusOr<std::unique_ptr<ScreeningPlugin>> ScreeningPlugin::Create(const InstanceContext& context) {
  NW_ASSIGN_OR_RETURN(RuleSet rules, CompileConfig(context.config_json));
  context.host.Log(LogLevel::kInfo, "screening config compiled: " +
                                        std::to_string(rules.rules.size()) + " rules enabled, " +
                                        std::to_string(rules.indications.size()) + " indications");
  return std::unique_ptr<ScreeningPlugin>(new ScreeningPlugin(std::move(rules)));
}

Status ScreeningPlugin::Screen(const plugin::v1::ScreenRequest& request,
                               plugin::v1::ScreenResponse* response) {
  return ScreenPatient(rules_, request, response);
}

}  // namespace needlework::screening
