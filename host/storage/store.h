// The embedded store: everything Needlework owns (not the patient chart), in one SQLite
// file (WAL) under the data directory. Thread-safe: calls are serialised by one mutex;
// the hot path (authentication, plugin routing) reads in-memory snapshots, not the store.
#ifndef NEEDLEWORK_HOST_STORAGE_STORE_H_
#define NEEDLEWORK_HOST_STORAGE_STORE_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "host/storage/data_dir_lock.h"
#include "host/storage/sqlite.h"
#include "needlework/status.h"

namespace needlework::host {

struct ClinicRecord {
  std::string clinic_id;
  std::string display_name;
  int64_t created_at = 0;  // Unix seconds
};

struct PluginSetting {
  std::string clinic_id;
  std::string plugin_id;
  bool enabled = false;
  std::string config_json = "{}";  // the clinic's merge patch over the plugin's defaults
  int64_t updated_at = 0;
};

struct TokenRecord {
  std::string token_id;    // public handle, safe to log
  std::string token_hash;  // hex SHA-256 of the secret; the secret itself is never stored
  std::string role;        // "emr" or "admin"
  std::string clinic_id;   // empty for host-wide roles
  std::string label;
  int64_t created_at = 0;
};

class Store {
 public:
  // Locks the data dir, opens <dir>/needlework.db and brings its schema up to date.
  static StatusOr<std::unique_ptr<Store>> Open(const std::string& data_dir);

  StatusOr<std::vector<ClinicRecord>> ListClinics();
  // NOT_FOUND when absent.
  StatusOr<ClinicRecord> GetClinic(const std::string& clinic_id);
  // Creates the clinic and its first token atomically. ALREADY_EXISTS if the id is taken.
  Status CreateClinic(const ClinicRecord& clinic, const TokenRecord& first_token);

  // Settings of one clinic, or of every clinic when clinic_id is empty.
  StatusOr<std::vector<PluginSetting>> ListPluginSettings(const std::string& clinic_id);
  Status UpsertPluginSetting(const PluginSetting& setting);

  Status InsertToken(const TokenRecord& token);
  StatusOr<std::vector<TokenRecord>> ListTokens();

 private:
  Store(std::unique_ptr<DataDirLock> lock, std::unique_ptr<sqlite::Database> db)
      : lock_(std::move(lock)), db_(std::move(db)) {}
  Status Migrate();
  Status InsertTokenLocked(const TokenRecord& token);

  std::mutex mutex_;
  std::unique_ptr<DataDirLock> lock_;
  std::unique_ptr<sqlite::Database> db_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_STORAGE_STORE_H_
