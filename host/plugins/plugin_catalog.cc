#include "host/plugins/plugin_catalog.h"

#include <algorithm>
#include <filesystem>

#include "host/common/log.h"
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
  PluginCatalog catalog;
  for (const auto& dir : dirs) catalog.ScanDirectory(dir, trust);
  return catalog;
}

void PluginCatalog::ScanDirectory(const std::string& dir, const PluginTrust& trust) {
  Status usable = trust.CheckDirectory(dir);
  if (usable.code() == StatusCode::kNotFound) {
    LogEvent(Level::kWarning, "plugin_dir_unreadable", {{"dir", dir}, {"error", usable.message()}});
    return;
  }
  if (!usable.ok()) {
    CatalogEntry entry;
    entry.file = dir;
    return Refuse(std::move(entry), usable.message());
  }
  for (const auto& file : PluginFilesIn(dir)) Add(file, trust);
}

void PluginCatalog::Add(const std::string& file, const PluginTrust& trust) {
  CatalogEntry entry;
  entry.file = file;
  StatusOr<OpenedPlugin> opened = trust.Open(file);
  if (!opened.ok()) return Refuse(std::move(entry), opened.status().message());
  entry.sha256 = opened->sha256();
  if (!trust.enforcing()) entry.trust_reason = kUntrustedReason;
  StatusOr<TrustedPlugin> loaded = LoadTrusted(*opened, trust);
  if (loaded.ok() && Find(loaded->plugin.manifest.id()) != nullptr) {
    const std::string& id = loaded->plugin.manifest.id();
    loaded =
        FailedPreconditionError("plugin id '" + id + "' is already loaded from " + Find(id)->file);
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

void PluginCatalog::Refuse(CatalogEntry entry, const std::string& reason) {
  entry.refusal_reason = reason;
  if (entry.trust_reason.empty()) entry.trust_reason = reason;
  LogEvent(Level::kError, "plugin_refused",
           {{"file", entry.file}, {"reason", reason}, {"sha256", entry.sha256}});
  entries_.push_back(std::move(entry));
}

const LoadedPlugin* PluginCatalog::Find(const std::string& plugin_id) const {
  for (const auto& entry : entries_) {
    if (entry.loaded && entry.plugin.manifest.id() == plugin_id) return &entry.plugin;
  }
  return nullptr;
}

}  // namespace needlework::host
