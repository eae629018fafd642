// The screening plugin's instance class: the glue between the SDK and the rule engine.
// The library's entry point, NEEDLEWORK_PLUGIN(ScreeningPlugin), is in plugin_entry.cc,
// so tests can link this class without exporting an entry point of their own.
#ifndef NEEDLEWORK_PLUGINS_SCREENING_SCREENING_PLUGIN_H_
#define NEEDLEWORK_PLUGINS_SCREENING_SCREENING_PLUGIN_H_

#include <memory>

#include "needlework/plugin.h"
#include "plugins/screening/rule_set.h"

namespace needlework::screening {

// One clinic's screening instance. Immutable after Create, so Screen may run on any number
// of threads at once.
class ScreeningPlugin final : public Plugin {
 public:
  // See ScreeningManifest().
  static plugin::v1::Manifest Describe();

  // Compiles `context.config_json` (the effective config) once. Refuses a config that
  // does not validate with INVALID_ARGUMENT naming each problem and its JSON path.
  static StatusOr<std::unique_ptr<ScreeningPlugin>> Create(const InstanceContext& context);

  // See ScreenPatient() in screen.h.
  Status Screen(const plugin::v1::ScreenRequest& request,
                plugin::v1::ScreenResponse* response) override;

  // The compiled config, for inspection.
  const RuleSet& rules() const { return rules_; }

 private:
  explicit ScreeningPlugin(RuleSet rules);

  const RuleSet rules_;
};

}  // namespace needlework::screening

#endif  // NEEDLEWORK_PLUGINS_SCREENING_SCREENING_PLUGIN_H_
