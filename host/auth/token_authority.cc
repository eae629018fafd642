#include "host/auth/token_authority.h"

#include <openssl/evp.h>

#include "host/common/ids.h"
#include "host/common/time_util.h"

namespace needlework::host {
namespace {

constexpr std::string_view kBearerPrefix = "Bearer ";

std::string Hex(const unsigned char* data, size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (size_t i = 0; i < size; ++i) {
    out.push_back(kDigits[data[i] >> 4]);
    out.push_back(kDigits[data[i] & 0xf]);
  }
  return out;
}

StatusOr<std::string_view> BearerToken(const grpc::ServerContextBase& context) {
  const auto& metadata = context.client_metadata();
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

}  // namespace

std::string_view RoleName(Role role) { return role == Role::kAdmin ? "admin" : "emr"; }

StatusOr<Role> ParseRole(std::string_view name) {
  if (name == "emr") return Role::kEmr;
  if (name == "admin") return Role::kAdmin;
  return InvalidArgumentError("unknown role '" + std::string(name) + "'; expected emr or admin");
}

// Every call hashes its bearer token. OpenSSL 3 looks an algorithm up in its provider store
// (under a lock) each time EVP_sha256() is used implicitly, and EVP_Digest allocates a
// context per call: fetch SHA-256 once, keep one context per thread.
std::string Sha256Hex(std::string_view text) {
  static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);  // never freed
  struct Context {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(ctx); }
  };
  thread_local Context context;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_DigestInit_ex2(context.ctx, sha256, nullptr);
  EVP_DigestUpdate(context.ctx, text.data(), text.size());
  EVP_DigestFinal_ex(context.ctx, digest, &size);
  return Hex(digest, size);
}

Status TokenAuthority::Reload() {
  std::lock_guard lock(reload_mutex_);
  NW_ASSIGN_OR_RETURN(auto tokens, store_->ListTokens());
  auto snapshot = std::make_shared<Snapshot>();
  for (const auto& token : tokens) {
    NW_ASSIGN_OR_RETURN(Role role, ParseRole(token.role));
    (*snapshot)[token.token_hash] = Caller{token.token_id, role, token.clinic_id};
  }
  snapshot_.store(std::move(snapshot));
  return OkStatus();
}

IssuedToken TokenAuthority::Mint(Role role, const std::string& clinic_id,
                                 const std::string& label) {
  IssuedToken issued;
  issued.secret = "nw_" + std::string(RoleName(role)) + "_" + RandomHex(32);
  issued.record.token_id = "tok_" + RandomHex(8);
  issued.record.token_hash = Sha256Hex(issued.secret);
  issued.record.role = RoleName(role);
  issued.record.clinic_id = clinic_id;
  issued.record.label = label;
  issued.record.created_at = NowUnixMicros() / 1000000;
  return issued;
}

StatusOr<IssuedToken> TokenAuthority::Issue(Role role, const std::string& clinic_id,
                                            const std::string& label) {
  IssuedToken issued = Mint(role, clinic_id, label);
  NW_RETURN_IF_ERROR(store_->InsertToken(issued.record));
  NW_RETURN_IF_ERROR(Reload());
  return issued;
}

StatusOr<Caller> TokenAuthority::Authorize(const grpc::ServerContextBase& context,
                                           Role required) const {
  NW_ASSIGN_OR_RETURN(std::string_view token, BearerToken(context));
  auto snapshot = snapshot_.load();
  auto it = snapshot->find(Sha256Hex(token));
  if (it == snapshot->end()) return UnauthenticatedError("unknown bearer token");
  if (it->second.role != required) {
    return PermissionDeniedError(
        "this call needs a token with role '" + std::string(RoleName(required)) + "'; token " +
        it->second.token_id + " has role '" + std::string(RoleName(it->second.role)) + "'");
  }
  return it->second;
}

}  // namespace needlework::host
