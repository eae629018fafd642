// The one entry point of needlework_prp.so (see needlework/plugin.h).
#include "needlework/plugin.h"
#include "plugins/prp/prp_plugin.h"

NEEDLEWORK_PLUGIN(needlework::prp::PrpPlugin)
