#include "host/auth/token_authority.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "host/common/ids.h"
#include "host/common/time_util.h"

namespace needlework::host {
namespace {

constexpr std::string_view kBearerPrefix = "Bearer ";

std::string Sha256Raw(std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr);
  return std::string(reinterpret_cast<const char*>(digest), size);
}

// The raw bytes of a stored hex digest; empty when it is not hex.
std::string Unhex(std::string_view hex) {
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    int high = nibble(hex[i]), low = nibble(hex[i + 1]);
    if (high < 0 || low < 0) return "";
    out.push_back(static_cast<char>(high << 4 | low));
  }
  return out;
}

StatusOr<std::string_view> BearerToken(const ClientMetadata& metadata) {
  auto it = metadata.find("authorization");
  if (it == metadata.end()) {
    return UnauthenticatedError("missing 'authorization: Bearer <token>' metadata");
  }
  std::string_view value(it->second.data(), it->second.size());
  if (!value.starts_with(kBearerPrefix) || value.size() == kBearerPrefix.size()) {
    return UnauthenticatedError("the authorization metadata must be 'Bearer <token>'");
  }
  return value.substr(kBearerPrefix.size());
}

int64_t NowSeconds() { return NowUnixMicros() / 1000000; }

}  // namespace

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAdmin:
      return "admin";
    case Role::kClinicAdmin:
      return "clinic_admin";
    case Role::kEmr:
      break;
  }
  return "emr";
}

StatusOr<Role> ParseRole(std::string_view name) {
  if (name == "emr") return Role::kEmr;
  if (name == "clinic_admin") return Role::kClinicAdmin;
  if (name == "admin") return Role::kAdmin;
  return InvalidArgumentError("unknown role '" + std::string(name) +
                              "'; expected emr, clinic_admin or admin");
}

template <typename Change>
void TokenAuthority::UpdateSnapshot(Change change) {
  std::lock_guard lock(write_mutex_);
  auto snapshot = std::make_shared<Snapshot>(*snapshot_.load());
  change(*snapshot);
  snapshot_.store(std::move(snapshot));
}

StatusOr<TokenAuthority::Entry> TokenAuthority::EntryOf(const TokenRecord& token) {
  NW_ASSIGN_OR_RETURN(Role role, ParseRole(token.role));
  return Entry{{token.token_id, role, token.clinic_id},
               Unhex(token.token_hash),
               token.expires_at,
               token.revoked_at};
}

Status TokenAuthority::Reload() {
  std::lock_guard lock(write_mutex_);
  NW_ASSIGN_OR_RETURN(auto tokens, store_->ListTokens());
  auto snapshot = std::make_shared<Snapshot>();
  for (const auto& token : tokens) {
    NW_ASSIGN_OR_RETURN(Entry entry, EntryOf(token));
    (*snapshot)[entry.digest] = std::move(entry);
  }
  snapshot_.store(std::move(snapshot));
  return OkStatus();
}

Status TokenAuthority::Publish(const TokenRecord& token) {
  NW_ASSIGN_OR_RETURN(Entry entry, EntryOf(token));
  UpdateSnapshot([&](Snapshot& snapshot) { snapshot[entry.digest] = std::move(entry); });
  return OkStatus();
}

IssuedToken TokenAuthority::Mint(Role role, const std::string& clinic_id, const std::string& label,
                                 int64_t expires_at) {
  IssuedToken issued;
  issued.secret = "nw_" + std::string(RoleName(role)) + "_" + RandomHex(32);
  issued.record.token_id = "tok_" + RandomHex(8);
  issued.record.token_hash = Sha256Hex(issued.secret);
  issued.record.role = RoleName(role);
  issued.record.clinic_id = clinic_id;
  issued.record.label = label;
  issued.record.created_at = NowSeconds();
  issued.record.expires_at = expires_at;
  return issued;
}

StatusOr<IssuedToken> TokenAuthority::Issue(Role role, const std::string& clinic_id,
                                            const std::string& label, int64_t expires_at) {
  IssuedToken issued = Mint(role, clinic_id, label, expires_at);
  NW_RETURN_IF_ERROR(store_->InsertToken(issued.record));
  NW_RETURN_IF_ERROR(Publish(issued.record));
  return issued;
}

StatusOr<TokenRecord> TokenAuthority::Revoke(const std::string& token_id) {
  int64_t now = NowSeconds();
  UpdateSnapshot([&](Snapshot& snapshot) {
    for (auto& [digest, entry] : snapshot) {
      if (entry.caller.token_id == token_id && entry.revoked_at == 0) entry.revoked_at = now;
    }
  });
  return store_->RevokeToken(token_id, now);
}

StatusOr<Caller> TokenAuthority::Authenticate(const ClientMetadata& metadata) const {
  NW_ASSIGN_OR_RETURN(std::string_view token, BearerToken(metadata));
  std::string digest = Sha256Raw(token);
  auto snapshot = snapshot_.load();
  auto it = snapshot->find(digest);
  // The map already compared equal; CRYPTO_memcmp states the constant-time contract
  // explicitly and guards against a future change of the lookup.
  if (it == snapshot->end() ||
      CRYPTO_memcmp(it->second.digest.data(), digest.data(), digest.size()) != 0) {
    return UnauthenticatedError("unknown bearer token");
  }
  const Entry& entry = it->second;
  if (entry.revoked_at != 0) {
    return UnauthenticatedError("bearer token " + entry.caller.token_id + " was revoked on " +
                                FormatRfc3339Utc(entry.revoked_at));
  }
  if (entry.expires_at != 0 && NowSeconds() >= entry.expires_at) {
    return UnauthenticatedError("bearer token " + entry.caller.token_id + " expired on " +
                                FormatRfc3339Utc(entry.expires_at));
  }
  return entry.caller;
}

}  // namespace needlework::host
