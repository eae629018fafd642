// The aftercare plugin's instance class: the glue between the SDK and the rules.
// The library's entry point, NEEDLEWORK_PLUGIN(AftercarePlugin), is in plugin_entry.cc,
// so tests can link this class without exporting an entry point of their own.
#ifndef NEEDLEWORK_PLUGINS_AFTERCARE_AFTERCARE_PLUGIN_H_
#define NEEDLEWORK_PLUGINS_AFTERCARE_AFTERCARE_PLUGIN_H_

#include <memory>

#include "needlework/plugin.h"
#include "plugins/aftercare/aftercare_rules.h"

namespace needlework::aftercare {

// One clinic's aftercare instance. Immutable after Create, so Aftercare and Triage may run
// on any number of threads at once.
class AftercarePlugin final : public Plugin {
 public:
  // See AftercareManifest().
  static plugin::v1::Manifest Describe();

  // Compiles `context.config_json` (the effective config) once. Refuses a config that
  // does not validate with INVALID_ARGUMENT naming each problem and its JSON path.
  static StatusOr<std::unique_ptr<AftercarePlugin>> Create(const InstanceContext& context);

  // See BuildAftercare() in aftercare.h.
  Status Aftercare(const plugin::v1::AftercareRequest& request,
                   plugin::v1::AftercareResponse* response) override;

  // See TriageSymptom() in triage.h.
  Status Triage(const plugin::v1::TriageRequest& request,
                plugin::v1::TriageResponse* response) override;

  // The compiled config, for inspection.
  const AftercareRules& rules() const { return rules_; }

 private:
  explicit AftercarePlugin(AftercareRules rules);

  const AftercareRules rules_;
};

}  // namespace needlework::aftercare

#endif  // NEEDLEWORK_PLUGINS_AFTERCARE_AFTERCARE_PLUGIN_H_
