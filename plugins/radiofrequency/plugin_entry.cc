// The one entry point of needlework_radiofrequency.so (see needlework/plugin.h).
#include "needlework/plugin.h"
#include "plugins/radiofrequency/radiofrequency_plugin.h"

NEEDLEWORK_PLUGIN(needlework::radiofrequency::RadiofrequencyPlugin)
