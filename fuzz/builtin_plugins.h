// The built-in plugins of this fuzz build (build-fuzz/plugins/, built with the same
// sanitizers), loaded as the host loads a plugin, for the targets that need real instances.
#ifndef NEEDLEWORK_FUZZ_BUILTIN_PLUGINS_H_
#define NEEDLEWORK_FUZZ_BUILTIN_PLUGINS_H_

#include <string_view>

#include "host/plugins/plugin_library.h"

namespace needlework::fuzz {

// needlework_<name>.so of this build ("screening", "radiofrequency", ...), loaded on first use
// and kept for the process (the host never unloads a plugin either). nullptr for a name that
// is not a built-in plugin; prints why and aborts when one cannot be loaded, since then the
// target would fuzz nothing.
const host::LoadedPlugin* BuiltInPlugin(std::string_view name);

}  // namespace needlework::fuzz

#endif  // NEEDLEWORK_FUZZ_BUILTIN_PLUGINS_H_
