// Every plugin file the host found, loaded or refused: at start-up, and at each rescan.
#ifndef NEEDLEWORK_HOST_PLUGINS_PLUGIN_CATALOG_H_
#define NEEDLEWORK_HOST_PLUGINS_PLUGIN_CATALOG_H_

#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
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

// Entries are only added, never changed or removed (a plugin library is never unloaded), so
// a LoadedPlugin pointer handed out stays valid for the catalog's life. Thread-safe. A
// refused plugin never stops the others from loading.
class PluginCatalog {
 public:
  // Loads every *.so in `dirs` (name order within a directory) that `trust` allows (see
  // trust.h), each from its sealed copy. Logs one line per plugin: plugin_loaded (with how
  // its message layouts compared) or plugin_refused with the reason, and a
  // plugin_layout_unchecked warning for a plugin of an ABI before 1.4. A directory that is a
  // symlink or writable by someone it must not be (trust.h) is refused as a whole and listed
  // with the reason; a missing one is logged and skipped. Several versions of one plugin id
  // load side by side; a second file with an id and version already loaded is refused. In
  // development mode logs a warning first. FAILED_PRECONDITION, before any plugin is loaded,
  // when the host's own SDK library is from another build (CheckSdkLibrary);
  // INVALID_ARGUMENT when the trust config cannot be read (a signer key file, the approved
  // file).
  static StatusOr<PluginCatalog> Scan(const std::vector<std::string>& dirs,
                                      const PluginTrustConfig& trust);

  // Looks at the same directories again, with the same trust settings, and loads every file
  // not seen before as Scan does. A file already loaded whose bytes changed since (rewritten
  // in place) is refused and logged (plugin_file_changed): the host keeps running the bytes
  // it loaded (sealed, opened_plugin.h). A file seen before with the same bytes is skipped.
  // The entries added, loaded or refused.
  std::vector<CatalogEntry> Rescan();

  // A copy of every entry, in the order found.
  std::vector<CatalogEntry> entries() const;
  // The newest loaded version of `plugin_id` (semantic version order), or nullptr.
  const LoadedPlugin* Find(const std::string& plugin_id) const;
  // That exact version of `plugin_id`, or nullptr.
  const LoadedPlugin* Find(const std::string& plugin_id, const std::string& version) const;
  // The loaded versions of `plugin_id`, oldest first.
  std::vector<std::string> Versions(const std::string& plugin_id) const;

 private:
  PluginCatalog(std::vector<std::string> dirs, PluginTrust trust)
      : dirs_(std::move(dirs)), trust_(std::move(trust)) {}
  // Under *mutex_.
  void ScanDirectory(const std::string& dir);
  void Add(const std::string& file);
  void Refuse(CatalogEntry entry, const std::string& reason);
  // Refuses `entry` when its file was loaded before with other bytes; true when it did.
  bool RefuseChanged(CatalogEntry& entry);
  const LoadedPlugin* FindLocked(const std::string& plugin_id,
                                 const std::optional<std::string>& version) const;

  std::vector<std::string> dirs_;
  PluginTrust trust_;
  std::unique_ptr<std::mutex> mutex_ = std::make_unique<std::mutex>();
  std::deque<CatalogEntry> entries_;                    // a deque: adding never moves an entry
  std::set<std::pair<std::string, std::string>> seen_;  // (file, sha256) already listed
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_PLUGINS_PLUGIN_CATALOG_H_
