#include "host/plugins/plugin_catalog.h"

#include <algorithm>
#include <filesystem>

#include "host/common/log.h"
#include "host/plugins/plugin_version.h"
#include "host/plugins/trusted_load.h"

namespace needlework::host {
namespace {

namespace fs = std::filesystem;

// Plugin files, and symlinks named *.so (refused by PluginTrust::Open, with the reason).
std::vector<std::string> PluginFilesIn(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    bool candidate = entry.is_regular_file() || entry.is_symlink();
    if (candidate && entry.path().extension() == ".so") {
      files.push_back(fs::absolute(entry.path()).string());
    }
  }
  if (error)
    LogEvent(Level::kWarning, "plugin_dir_unreadable", {{"dir", dir}, {"error", error.message()}});
  std::sort(files.begin(), files.end());
  return files;
}

// Semantic order of two validated versions (ValidateManifest); text order if either is not.
bool Older(const std::string& a, const std::string& b) {
  auto a_version = SemanticVersion::Parse(a), b_version = SemanticVersion::Parse(b);
  if (!a_version.ok() || !b_version.ok()) return a < b;
  return *a_version < *b_version;
}

}  // namespace

StatusOr<PluginCatalog> PluginCatalog::Scan(const std::vector<std::string>& dirs,
                                            const PluginTrustConfig& trust_config) {
  NW_RETURN_IF_ERROR(CheckSdkLibrary());
  NW_ASSIGN_OR_RETURN(PluginTrust trust, PluginTrust::Create(trust_config));
  if (!trust.enforcing()) {
    LogEvent(Level::kWarning, "plugin_trust_development",
             {{"message",
               "plugin_trust.mode is development: every plugin is loaded unverified "
               "and listed as untrusted; never use this in a clinic"}});
  }
  PluginCatalog catalog(dirs, std::move(trust));
  for (const auto& dir : dirs) catalog.ScanDirectory(dir);
  return catalog;
}

std::vector<CatalogEntry> PluginCatalog::Rescan() {
  std::lock_guard lock(*mutex_);
  size_t before = entries_.size();
  for (const auto& dir : dirs_) ScanDirectory(dir);
  LogEvent(Level::kInfo, "plugin_rescan", {{"new_entries", entries_.size() - before}});
  return {entries_.begin() + static_cast<std::ptrdiff_t>(before), entries_.end()};
}

void PluginCatalog::ScanDirectory(const std::string& dir) {
  Status usable = trust_.CheckDirectory(dir);
  if (usable.code() == StatusCode::kNotFound) {
    LogEvent(Level::kWarning, "plugin_dir_unreadable", {{"dir", dir}, {"error", usable.message()}});
    return;
  }
  if (!usable.ok()) {
    if (!seen_.insert({dir, usable.message()}).second) return;
    CatalogEntry entry;
    entry.file = dir;
    return Refuse(std::move(entry), usable.message());
  }
  for (const auto& file : PluginFilesIn(dir)) Add(file);
}

void PluginCatalog::Add(const std::string& file) {
  CatalogEntry entry;
  entry.file = file;
  StatusOr<OpenedPlugin> opened = trust_.Open(file);
  if (!opened.ok()) {
    if (!seen_.insert({file, opened.status().message()}).second) return;
    return Refuse(std::move(entry), opened.status().message());
  }
  entry.sha256 = opened->sha256();
  if (!seen_.insert({file, entry.sha256}).second) return;  // listed before, same bytes
  if (RefuseChanged(entry)) return;
  if (!trust_.enforcing()) entry.trust_reason = kUntrustedReason;
  StatusOr<TrustedPlugin> loaded = LoadTrusted(*opened, trust_);
  if (loaded.ok()) {
    const auto& manifest = loaded->plugin.manifest;
    if (const LoadedPlugin* same = FindLocked(manifest.id(), manifest.version())) {
      loaded =
          FailedPreconditionError("plugin id '" + manifest.id() + "' version " +
                                  manifest.version() + " is already loaded from " + same->file);
    }
  }
  if (!loaded.ok()) return Refuse(std::move(entry), loaded.status().message());
  entry.loaded = true;
  entry.plugin = std::move(loaded->plugin);
  entry.plugin.sha256 = entry.sha256;
  entry.trusted = loaded->trusted;
  entry.trust_reason = loaded->trust_reason;
  LogEvent(Level::kInfo, "plugin_loaded",
           {{"file", file},
            {"plugin", entry.plugin.manifest.id()},
            {"version", entry.plugin.manifest.version()},
            {"sha256", entry.sha256},
            {"trusted", entry.trusted},
            {"trust", entry.trust_reason},
            {"layout", entry.plugin.layout.summary}});
  if (!entry.plugin.layout.checked) {
    LogEvent(Level::kWarning, "plugin_layout_unchecked",
             {{"file", file},
              {"plugin", entry.plugin.manifest.id()},
              {"message", entry.plugin.layout.summary}});
  }
  entries_.push_back(std::move(entry));
}

bool PluginCatalog::RefuseChanged(CatalogEntry& entry) {
  auto loaded = std::find_if(entries_.begin(), entries_.end(), [&](const CatalogEntry& earlier) {
    return earlier.loaded && earlier.file == entry.file;
  });
  if (loaded == entries_.end()) return false;
  std::string reason = "the file changed after it was loaded (sha256 " + entry.sha256 +
                       ", loaded " + loaded->sha256 + "); the host keeps running " +
                       loaded->plugin.manifest.id() + " " + loaded->plugin.manifest.version() +
                       " as loaded. Put a new version in a new file beside the old one, never "
                       "over a loaded file";
  LogEvent(Level::kError, "plugin_file_changed",
           {{"file", entry.file}, {"sha256", entry.sha256}, {"loaded_sha256", loaded->sha256}});
  Refuse(std::move(entry), reason);
  return true;
}

void PluginCatalog::Refuse(CatalogEntry entry, const std::string& reason) {
  entry.refusal_reason = reason;
  if (entry.trust_reason.empty()) entry.trust_reason = reason;
  LogEvent(Level::kError, "plugin_refused",
           {{"file", entry.file}, {"reason", reason}, {"sha256", entry.sha256}});
  entries_.push_back(std::move(entry));
}

std::vector<CatalogEntry> PluginCatalog::entries() const {
  std::lock_guard lock(*mutex_);
  return {entries_.begin(), entries_.end()};
}

const LoadedPlugin* PluginCatalog::Find(const std::string& plugin_id) const {
  std::lock_guard lock(*mutex_);
  return FindLocked(plugin_id, std::nullopt);
}

const LoadedPlugin* PluginCatalog::Find(const std::string& plugin_id,
                                        const std::string& version) const {
  std::lock_guard lock(*mutex_);
  return FindLocked(plugin_id, version);
}

const LoadedPlugin* PluginCatalog::FindLocked(const std::string& plugin_id,
                                              const std::optional<std::string>& version) const {
  const LoadedPlugin* found = nullptr;
  for (const auto& entry : entries_) {
    const auto& manifest = entry.plugin.manifest;
    if (!entry.loaded || manifest.id() != plugin_id) continue;
    if (version ? manifest.version() == *version
                : found == nullptr || Older(found->manifest.version(), manifest.version())) {
      found = &entry.plugin;
    }
  }
  return found;
}

std::vector<std::string> PluginCatalog::Versions(const std::string& plugin_id) const {
  std::lock_guard lock(*mutex_);
  std::vector<std::string> versions;
  for (const auto& entry : entries_) {
    if (entry.loaded && entry.plugin.manifest.id() == plugin_id) {
      versions.push_back(entry.plugin.manifest.version());
    }
  }
  std::sort(versions.begin(), versions.end(), Older);
  return versions;
}

}  // namespace needlework::host
