// The parts of CompileConfig that read what sizes a series: area groups and their areas,
// concerns and their session tables, and personal adjustments. Internal to config.cc.
#ifndef NEEDLEWORK_PLUGINS_SCHEDULING_CONFIG_SERIES_H_
#define NEEDLEWORK_PLUGINS_SCHEDULING_CONFIG_SERIES_H_

#include "needlework/kit/config_reader.h"
#include "plugins/scheduling/scheduling_rules.h"

namespace needlework::scheduling {

// Each reads its member of the config's root object into `rules`, recording every problem
// in `errors`. ReadConcerns needs the area groups read first.
void ReadAreaGroups(const config::Json& root, SchedulingRules& rules, config::ConfigErrors& errors);
void ReadConcerns(const config::Json& root, SchedulingRules& rules, config::ConfigErrors& errors);
void ReadAdjustments(const config::Json& root, SchedulingRules& rules,
                     config::ConfigErrors& errors);

}  // namespace needlework::scheduling

#endif  // NEEDLEWORK_PLUGINS_SCHEDULING_CONFIG_SERIES_H_
