// Every plugin file the host found at start-up, loaded or refused.
#ifndef NEEDLEWORK_HOST_PLUGINS_PLUGIN_CATALOG_H_
#define NEEDLEWORK_HOST_PLUGINS_PLUGIN_CATALOG_H_

#include <string>
#include <vector>

#include "host/plugins/plugin_library.h"
#include "host/plugins/trust.h"

namespace needlework::host {

struct CatalogEntry {
  std::string file;  // a plugin file, or a refused plugin directory
  bool loaded = false;
  std::string refusal_reason;  // set when !loaded
  LoadedPlugin plugin;         // valid when loaded
  std::string sha256;          // of the file's bytes; empty when it could not be read
  bool trusted = false;        // approved and signed (enforce mode), checked before loading
  std::string trust_reason;    // why it is trusted, or why not (e.g. development mode)
};

// Immutable after Scan. A refused plugin never stops the others from loading.
class PluginCatalog {
 public:
  // Loads every *.so in `dirs` (name order within a directory) that `trust` allows (see
  // trust.h), each from its sealed copy. Logs one line per plugin: plugin_loaded (with how
  // its message layouts compared) or plugin_refused with the reason, and a
  // plugin_layout_unchecked warning for a plugin of an ABI before 1.4. A directory that is a
  // symlink or writable by someone it must not be (trust.h) is refused as a whole and listed
  // with the reason; a missing one is logged and skipped. A second plugin with an id already
  // loaded is refused. In development mode logs a warning first. FAILED_PRECONDITION, before
  // any plugin is loaded, when the host's own SDK library is from another build
  // (CheckSdkLibrary); INVALID_ARGUMENT when the trust config cannot be read (a signer key
  // file, the approved file).
  static StatusOr<PluginCatalog> Scan(const std::vector<std::string>& dirs,
                                      const PluginTrustConfig& trust);

  const std::vector<CatalogEntry>& entries() const { return entries_; }
  // The loaded plugin with this id, or nullptr. The pointer lives as long as the catalog.
  const LoadedPlugin* Find(const std::string& plugin_id) const;

 private:
  void ScanDirectory(const std::string& dir, const PluginTrust& trust);
  void Add(const std::string& file, const PluginTrust& trust);
  void Refuse(CatalogEntry entry, const std::string& reason);
  std::vector<CatalogEntry> entries_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_PLUGINS_PLUGIN_CATALOG_H_
