#include "host/plugins/plugin_catalog.h"

#include <algorithm>
#include <filesystem>

#include "host/common/log.h"

namespace needlework::host {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> PluginFilesIn(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".so") {
      files.push_back(fs::absolute(entry.path()).string());
    }
  }
  if (error)
    LogEvent(Level::kWarning, "plugin_dir_unreadable", {{"dir", dir}, {"error", error.message()}});
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

PluginCatalog PluginCatalog::Scan(const std::vector<std::string>& dirs) {
  PluginCatalog catalog;
  for (const auto& dir : dirs) {
    for (const auto& file : PluginFilesIn(dir)) catalog.Add(file);
  }
  return catalog;
}

void PluginCatalog::Add(const std::string& file) {
  CatalogEntry entry{file, false, "", {}};
  StatusOr<LoadedPlugin> loaded = LoadPluginLibrary(file);
  if (loaded.ok() && Find(loaded->manifest.id()) != nullptr) {
    loaded =
        FailedPreconditionError("plugin id '" + loaded->manifest.id() +
                                "' is already loaded from " + Find(loaded->manifest.id())->file);
  }
  if (!loaded.ok()) {
    entry.refusal_reason = loaded.status().message();
    LogEvent(Level::kError, "plugin_refused", {{"file", file}, {"reason", entry.refusal_reason}});
  } else {
    entry.loaded = true;
    entry.plugin = std::move(loaded).value();
    LogEvent(Level::kInfo, "plugin_loaded",
             {{"file", file},
              {"plugin", entry.plugin.manifest.id()},
              {"version", entry.plugin.manifest.version()}});
  }
  entries_.push_back(std::move(entry));
}

const LoadedPlugin* PluginCatalog::Find(const std::string& plugin_id) const {
  for (const auto& entry : entries_) {
    if (entry.loaded && entry.plugin.manifest.id() == plugin_id) return &entry.plugin;
  }
  return nullptr;
}

}  // namespace needlework::host
