// How host replicas sharing one PostgreSQL store learn of each other's changes to what they
// cache in memory (tokens, plugin settings and pins, time zones, resources).
//
// A write that changes cached state calls PublishChange in its transaction: it bumps the
// change_version row and notifies channel "needlework_changes" with a topic (PostgreSQL
// delivers the notification only if, and when, the transaction commits). Every replica runs
// a ChangeFeed: a thread LISTENing on a connection of its own that calls `on_change(topic)`
// for each notification. Notifications can be missed (the listening connection dropped, the
// database restarted), so the feed also reads change_version every `poll_interval` and
// calls `on_change("")` (reload everything) when it moved without a notification it saw,
// and after every reconnection. The bound: a committed change reaches every replica's
// caches within one notification round trip, and at the latest within poll_interval plus
// the reload, as long as the database is reachable.
#ifndef NEEDLEWORK_HOST_POSTGRES_PG_CHANGE_FEED_H_
#define NEEDLEWORK_HOST_POSTGRES_PG_CHANGE_FEED_H_

#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <thread>

#include "host/postgres/pg_connection.h"
#include "needlework/status.h"

namespace needlework::host::pg {

inline constexpr char kChangeChannel[] = "needlework_changes";

// Inside an open transaction: records a change of `topic` (e.g. "tokens",
// "plugins:clinic_1"); at most 200 bytes.
Status PublishChange(Connection& connection, const std::string& topic);

class ChangeFeed {
 public:
  struct Options {
    std::string dsn;
    std::chrono::milliseconds poll_interval{500};
    std::chrono::milliseconds reconnect_delay{200};
  };
  // `on_change` runs on the feed's thread: a topic, or "" for "reload everything".
  ChangeFeed(Options options, std::function<void(const std::string& topic)> on_change);
  ~ChangeFeed();  // stops the thread
  ChangeFeed(const ChangeFeed&) = delete;
  ChangeFeed& operator=(const ChangeFeed&) = delete;

  // True while the feed holds a listening connection.
  bool connected() const { return connected_.load(); }
  // Reloads signalled so far (notifications and version catch-ups), for tests and metrics.
  int64_t deliveries() const { return deliveries_.load(); }

 private:
  void Run();
  // Listens on one connection until it fails or the feed stops.
  void ServeConnection(Connection& connection);
  void Deliver(const std::string& topic);

  const Options options_;
  const std::function<void(const std::string&)> on_change_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> connected_{false};
  std::atomic<int64_t> deliveries_{0};
  int64_t seen_version_ = -1;
  std::thread thread_;
};

}  // namespace needlework::host::pg

#endif  // NEEDLEWORK_HOST_POSTGRES_PG_CHANGE_FEED_H_
