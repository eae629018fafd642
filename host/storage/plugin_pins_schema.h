// The schema of plugin pins (store_plugin_pins.cc): migration 8 of Store's list.
#ifndef NEEDLEWORK_HOST_STORAGE_PLUGIN_PINS_SCHEMA_H_
#define NEEDLEWORK_HOST_STORAGE_PLUGIN_PINS_SCHEMA_H_

namespace needlework::host {

// A clinic pinned to one version of a plugin; a clinic without a row gets the newest.
inline constexpr char kPluginPinsMigration[] = R"sql(
    CREATE TABLE plugin_pins (
      clinic_id  TEXT NOT NULL REFERENCES clinics(clinic_id),
      plugin_id  TEXT NOT NULL,
      version    TEXT NOT NULL,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (clinic_id, plugin_id));
    )sql";

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_STORAGE_PLUGIN_PINS_SCHEMA_H_
