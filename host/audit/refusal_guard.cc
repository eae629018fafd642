#include "host/audit/refusal_guard.h"

#include <grpcpp/support/status.h>

namespace needlework::host {
namespace {

// Clinic tokens count per clinic; a host-wide admin token counts on its own.
std::string ClinicKey(const Caller& caller) {
  return caller.clinic_id.empty() ? "token:" + caller.token_id : "clinic:" + caller.clinic_id;
}

RefusalLimit Limit(const std::string& who, const RefusalLimiter& limiter, int64_t wait) {
  if (wait == 0) return {};
  return {wait, "too many refused calls (UNAUTHENTICATED, PERMISSION_DENIED) from " + who + ": " +
                    std::to_string(limiter.limit()) + " in " +
                    std::to_string(limiter.window().count()) +
                    " s (config load_limits); retry in " + std::to_string(wait) + " s"};
}

}  // namespace

RefusalGuard::RefusalGuard(Store& store, const LoadLimits& limits)
    : peers_(limits.refusals_per_peer, limits.refusal_window),
      clinics_(limits.refusals_per_clinic, limits.refusal_window),
      tally_(store) {}

RefusalLimit RefusalGuard::Check(const std::string& peer, const StatusOr<Caller>& caller,
                                 int64_t now_micros) {
  if (caller.ok()) {
    std::string key = ClinicKey(*caller);
    return Limit(key, clinics_, clinics_.WaitSeconds(key, now_micros));
  }
  return Limit("peer " + peer, peers_, peers_.WaitSeconds(peer, now_micros));
}

void RefusalGuard::CountRefusal(const std::string& peer, const StatusOr<Caller>& caller,
                                int64_t now_micros) {
  if (caller.ok()) {
    clinics_.Count(ClinicKey(*caller), now_micros);
  } else {
    peers_.Count(peer, now_micros);
  }
}

std::string PeerAddress(const std::string& peer) {
  if (peer.rfind("ipv4:", 0) != 0 && peer.rfind("ipv6:", 0) != 0) return peer;
  size_t colon = peer.rfind(':');
  return colon <= 4 ? peer : peer.substr(0, colon);
}

bool IsRefusal(int code) {
  return code == grpc::StatusCode::UNAUTHENTICATED || code == grpc::StatusCode::PERMISSION_DENIED;
}

}  // namespace needlework::host
