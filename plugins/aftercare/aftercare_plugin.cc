#include "plugins/aftercare/aftercare_plugin.h"

#include <string>
#include <utility>

#include "plugins/aftercare/aftercare.h"
#include "plugins/aftercare/config.h"
#include "plugins/aftercare/manifest.h"
#include "plugins/aftercare/triage.h"

namespace needlework::aftercare {

AftercarePlugin::AftercarePlugin(AftercareRules rules) : rules_(std::move(rules)) {}

plugin::v1::Manifest AftercarePlugin::Describe() { return AftercareManifest(); }

StatusOr<std::unique_ptr<AftercarePlugin>> AftercarePlugin::Create(const InstanceContext& context) {
  NW_ASSIGN_OR_RETURN(AftercareRules rules, CompileConfig(context.config_json));
  context.host.Log(LogLevel::kInfo,
                   "aftercare config compiled: " + std::to_string(rules.instructions.size()) +
                       " instructions, " + std::to_string(rules.messages.size()) +
                       " messages enabled, " + std::to_string(rules.symptoms.size()) +
                       " symptoms, " + std::to_string(rules.languages.size()) + " languages");
  return std::unique_ptr<AftercarePlugin>(new AftercarePlugin(std::move(rules)));
}

Status AftercarePlugin::Aftercare(const plugin::v1::AftercareRequest& request,
                                  plugin::v1::AftercareResponse* response) {
  return BuildAftercare(rules_, request, response);
}

Status AftercarePlugin::Triage(const plugin::v1::TriageRequest& request,
                               plugin::v1::TriageResponse* response) {
  return TriageSymptom(rules_, request, response);
}

}  // namespace needlework::aftercare
