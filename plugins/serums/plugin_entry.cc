// The one entry point of needlework_serums.so (see needlework/plugin.h).
#include "needlework/plugin.h"
#include "plugins/serums/serums_plugin.h"

NEEDLEWORK_PLUGIN(needlework::serums::SerumsPlugin)
