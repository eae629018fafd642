// Plugin pins: which clinic stays on which version of a plugin.
#include <nlohmann/json.hpp>

#include "host/storage/sqlite_store.h"

namespace needlework::host {
namespace {

// A pin as stored, for the "after" of its audit record.
std::string PinJson(const PluginPin& pin) {
  return nlohmann::json{{"clinic_id", pin.clinic_id},
                        {"plugin_id", pin.plugin_id},
                        {"pinned_version", pin.version},
                        {"updated_at", pin.updated_at}}
      .dump();
}

}  // namespace

StatusOr<std::vector<PluginPin>> SqliteStore::ListPluginPins(const std::string& clinic_id) {
  std::lock_guard lock(read_mutex_);
  NW_ASSIGN_OR_RETURN(auto query,
                      reader_->Prepare("SELECT clinic_id, plugin_id, version, updated_at FROM "
                                       "plugin_pins WHERE ?1 = '' OR clinic_id = ?1 "
                                       "ORDER BY clinic_id, plugin_id"));
  query->Bind(1, clinic_id);
  std::vector<PluginPin> pins;
  while (true) {
    NW_ASSIGN_OR_RETURN(bool row, query->Step());
    if (!row) break;
    pins.push_back(
        {query->ColumnText(0), query->ColumnText(1), query->ColumnText(2), query->ColumnInt(3)});
  }
  return pins;
}

Status SqliteStore::SetPluginPin(const PluginPin& pin) {
  return grouped_.Run([&] { return SetPluginPinLocked(pin); },
                      {"plugin_id=" + pin.plugin_id, PinJson(pin)});
}

Status SqliteStore::SetPluginPinLocked(const PluginPin& pin) {
  if (pin.version.empty()) {
    NW_ASSIGN_OR_RETURN(
        auto remove, db_->Prepare("DELETE FROM plugin_pins WHERE clinic_id = ? AND plugin_id = ?"));
    remove->Bind(1, pin.clinic_id).Bind(2, pin.plugin_id);
    return remove->Run();
  }
  NW_ASSIGN_OR_RETURN(
      auto upsert,
      db_->Prepare("INSERT INTO plugin_pins (clinic_id, plugin_id, version, updated_at) "
                   "VALUES (?, ?, ?, ?) ON CONFLICT (clinic_id, plugin_id) DO UPDATE SET "
                   "version = excluded.version, updated_at = excluded.updated_at"));
  upsert->Bind(1, pin.clinic_id).Bind(2, pin.plugin_id).Bind(3, pin.version);
  upsert->Bind(4, pin.updated_at);
  return upsert->Run();
}

}  // namespace needlework::host
