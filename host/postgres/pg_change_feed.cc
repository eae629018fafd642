#include "host/postgres/pg_change_feed.h"

#include <algorithm>
#include <cstdlib>

namespace needlework::host::pg {
namespace {

constexpr size_t kMaxTopicBytes = 200;

constexpr Statement kBump = {"change_bump",
                             "UPDATE change_version SET version = version + 1 RETURNING version"};
constexpr Statement kNotify = {"change_notify", "SELECT pg_notify($1, $2)"};
constexpr Statement kVersion = {"change_version_read", "SELECT version FROM change_version"};

}  // namespace

Status PublishChange(Connection& connection, const std::string& topic) {
  if (topic.size() > kMaxTopicBytes) {
    return InvalidArgumentError("change topic longer than 200 bytes");
  }
  NW_ASSIGN_OR_RETURN(Result bumped, connection.Run(kBump));
  std::string payload = std::to_string(bumped.Int(0, 0)) + " " + topic;
  return connection.Run(kNotify, Params().Add(kChangeChannel).Add(payload)).status();
}

ChangeFeed::ChangeFeed(Options options, std::function<void(const std::string&)> on_change)
    : options_(std::move(options)), on_change_(std::move(on_change)) {
  thread_ = std::thread([this] { Run(); });
}

ChangeFeed::~ChangeFeed() {
  stopping_ = true;
  thread_.join();
}

void ChangeFeed::Deliver(const std::string& topic) {
  ++deliveries_;
  on_change_(topic);
}

void ChangeFeed::Run() {
  while (!stopping_) {
    auto connection = Connection::Open(options_.dsn);
    if (connection.ok() && (*connection)->Execute(std::string("LISTEN ") + kChangeChannel).ok()) {
      connected_ = true;
      ServeConnection(**connection);
      connected_ = false;
    }
    if (!stopping_) std::this_thread::sleep_for(options_.reconnect_delay);
  }
}

void ChangeFeed::ServeConnection(Connection& connection) {
  // The first poll reloads everything: changes may have committed while we were not listening.
  bool first_poll = true;
  auto next_poll = std::chrono::steady_clock::now();
  while (!stopping_) {
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(
        next_poll - std::chrono::steady_clock::now());
    auto arrived = connection.Notifications(std::max(wait, std::chrono::milliseconds(0)));
    if (!arrived.ok()) return;
    for (const Notification& notification : *arrived) {
      size_t space = notification.payload.find(' ');
      int64_t version = std::strtoll(notification.payload.c_str(), nullptr, 10);
      if (version > seen_version_) seen_version_ = version;
      Deliver(space == std::string::npos ? std::string() : notification.payload.substr(space + 1));
    }
    if (std::chrono::steady_clock::now() < next_poll) continue;
    auto version = connection.Run(kVersion);
    if (!version.ok()) return;
    int64_t current = version->Int(0, 0);
    if (first_poll || current > seen_version_) {
      // A notification may have been missed; a reload covers it. seen_version_ only grows.
      seen_version_ = std::max(seen_version_, current);
      Deliver("");
    }
    first_poll = false;
    next_poll = std::chrono::steady_clock::now() + options_.poll_interval;
  }
}

}  // namespace needlework::host::pg
