// Every plugin file the host found at start-up, loaded or refused.
#ifndef NEEDLEWORK_HOST_PLUGINS_PLUGIN_CATALOG_H_
#define NEEDLEWORK_HOST_PLUGINS_PLUGIN_CATALOG_H_

#include <string>
#include <vector>

#include "host/plugins/plugin_library.h"

namespace needlework::host {

struct CatalogEntry {
  std::string file;
  bool loaded = false;
  std::string refusal_reason;  // set when !loaded
  LoadedPlugin plugin;         // valid when loaded
};

// Immutable after Scan. A refused plugin never stops the others from loading.
class PluginCatalog {
 public:
  // Loads every *.so in `dirs` (name order within a directory). Logs one line per plugin:
  // plugin_loaded or plugin_refused with the reason. A second plugin with an id already
  // loaded is refused. A missing directory is logged and skipped.
  static PluginCatalog Scan(const std::vector<std::string>& dirs);

  const std::vector<CatalogEntry>& entries() const { return entries_; }
  // The loaded plugin with this id, or nullptr. The pointer lives as long as the catalog.
  const LoadedPlugin* Find(const std::string& plugin_id) const;

 private:
  void Add(const std::string& file);
  std::vector<CatalogEntry> entries_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_PLUGINS_PLUGIN_CATALOG_H_
