// The one entry point of needlework_scheduling.so (see needlework/plugin.h). Kept apart
// from the class so the unit tests can link the class without exporting an entry point.
#include "needlework/plugin.h"
#include "plugins/scheduling/scheduling_plugin.h"

NEEDLEWORK_PLUGIN(needlework::scheduling::SchedulingPlugin)
