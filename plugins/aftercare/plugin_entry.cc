// The one entry point of needlework_aftercare.so (see needlework/plugin.h). Kept apart
// from the class so the unit tests can link the class without exporting an entry point.
#include "needlework/plugin.h"
#include "plugins/aftercare/aftercare_plugin.h"

NEEDLEWORK_PLUGIN(needlework::aftercare::AftercarePlugin)
