#include "host/audit/audit_interceptor.h"

#include <google/protobuf/message.h>

#include "host/admin/admin_convert.h"
#include "host/audit/audit_fields.h"
#include "host/audit/refusal_guard.h"
#include "host/auth/token_authority.h"
#include "host/common/log.h"
#include "host/common/time_util.h"

namespace needlework::host {
namespace {

using google::protobuf::Message;
using grpc::experimental::InterceptionHookPoints;

// gRPC's retry pushback: a client that retries waits this many milliseconds first.
constexpr const char* kRetryPushbackKey = "grpc-retry-pushback-ms";

// gRPC hands interceptors the request and response as void*; they point at the generated
// message types, which derive (singly, at offset 0) from google::protobuf::Message.
const Message* AsMessage(const void* message) { return static_cast<const Message*>(message); }

class AuditInterceptor final : public grpc::experimental::Interceptor {
 public:
  AuditInterceptor(TokenAuthority& tokens, Store& store, ClinicPluginManager& clinic_plugins,
                   RefusalGuard& guard, grpc::experimental::ServerRpcInfo* info)
      : tokens_(tokens),
        store_(store),
        clinic_plugins_(clinic_plugins),
        guard_(guard),
        info_(info),
        method_(info->method()),
        policy_(FindRpcPolicy(method_)) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_INITIAL_METADATA)) {
      OnMetadata(*methods->GetRecvInitialMetadata());
    }
    bool audited = policy_ != nullptr && policy_->audit != AuditKind::kNone;
    if (audited && methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_MESSAGE)) {
      OnRequest(AsMessage(methods->GetRecvMessage()));
    }
    if (audited && methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_MESSAGE)) {
      OnResponse(AsMessage(methods->GetSendMessage()));
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      OnStatus(methods->GetSendStatus(), *methods->GetSendTrailingMetadata(), audited);
    }
    methods->Proceed();
  }

 private:
  // Records the method for Authorize (erasing any client-sent copy), who is calling, and
  // whether the refusal limit answers the call (kLimitedMetadataKey).
  void OnMetadata(ClientMetadata& metadata) {
    grpc::string_ref key(kMethodMetadataKey.data(), kMethodMetadataKey.size());
    metadata.erase(key);
    metadata.emplace(key, grpc::string_ref(method_));
    grpc::string_ref limited_key(kLimitedMetadataKey.data(), kLimitedMetadataKey.size());
    metadata.erase(limited_key);
    peer_ = PeerAddress(info_->server_context()->peer());
    caller_ = tokens_.Authenticate(metadata);
    limit_ = guard_.Check(peer_, caller_, NowUnixMicros());
    if (limit_.wait_seconds > 0) metadata.emplace(limited_key, grpc::string_ref(limit_.message));
    if (policy_ == nullptr || policy_->audit == AuditKind::kNone) return;
    if (!caller_.ok()) return;
    record_.token_id = caller_->token_id;
    record_.role = RoleName(caller_->role);
    if (policy_->scope == ClinicScope::kToken) record_.clinic_id = caller_->clinic_id;
    authenticated_ = true;
  }

  void OnRequest(const Message* request) {
    if (request == nullptr) return;
    if (!policy_->clinic_field.empty()) {
      record_.clinic_id = FieldAtPath(*request, policy_->clinic_field);
    }
    record_.object_ref = ObjectRefOf(*request, nullptr);
    request_ = request;
    if (policy_->audit == AuditKind::kBeforeAfter && authenticated_) before_ = PluginState();
  }

  void OnResponse(const Message* response) {
    if (response == nullptr || request_ == nullptr) return;
    record_.object_ref = ObjectRefOf(*request_, response);
    if (policy_->audit == AuditKind::kBeforeAfter) after_ = ToJson(*response);
  }

  // The clinic plugin named by the request, as JSON; "null" when it has no state yet.
  std::string PluginState() const {
    std::string plugin_id = FieldAtPath(*request_, "plugin_id");
    auto views = clinic_plugins_.List(record_.clinic_id);
    if (!views.ok()) return "null";
    for (const auto& view : *views) {
      if (view.setting.plugin_id == plugin_id) return ToJson(ToClinicPlugin(view));
    }
    return "null";
  }

  // Counts a refusal, tells a limited caller when to retry, and records an audited call:
  // refusals aggregated (refusal_tally.h), every other outcome by Append.
  void OnStatus(const grpc::Status& status, std::multimap<std::string, std::string>& trailers,
                bool audited) {
    int64_t now = NowUnixMicros();
    bool limited = limit_.wait_seconds > 0 && status.error_code() == grpc::RESOURCE_EXHAUSTED;
    if (limited) trailers.emplace(kRetryPushbackKey, std::to_string(limit_.wait_seconds * 1000));
    if (IsRefusal(status.error_code())) guard_.CountRefusal(peer_, caller_, now);
    if (!audited) return;
    if (!limited && !IsRefusal(status.error_code())) return Append(status);
    record_.rpc = method_;
    record_.outcome = CodeName(status.error_code());
    record_.at = now;
    guard_.tally().Add(record_, peer_);
  }

  void Append(const grpc::Status& status) {
    record_.rpc = method_;
    record_.outcome = CodeName(status.error_code());
    record_.at = NowUnixMicros();
    record_.detail = "{}";
    if (policy_->audit == AuditKind::kBeforeAfter) {
      record_.detail = "{\"before\":" + before_ +
                       ",\"after\":" + (status.ok() ? after_ : std::string("null")) + "}";
    }
    Status appended = store_.AppendAudit(record_);
    if (!appended.ok()) {
      LogEvent(Level::kError, "audit_append_failed",
               {{"rpc", method_}, {"status", appended.ToString()}});
    }
  }

  TokenAuthority& tokens_;
  Store& store_;
  ClinicPluginManager& clinic_plugins_;
  RefusalGuard& guard_;
  grpc::experimental::ServerRpcInfo* info_;  // owned by gRPC; outlives the interceptor
  const char* method_;  // owned by the server's method table; outlives the call
  const RpcPolicy* policy_;
  bool authenticated_ = false;
  std::string peer_;
  StatusOr<Caller> caller_ = UnauthenticatedError("no metadata yet");
  RefusalLimit limit_;                // its message is what Authorize answers a limited call
  const Message* request_ = nullptr;  // owned by the call; valid until it finishes
  std::string before_ = "null", after_ = "null";
  AuditRecord record_;
};

}  // namespace

grpc::experimental::Interceptor* AuditInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  return new AuditInterceptor(tokens_, store_, clinic_plugins_, guard_, info);
}

void InstallCallInterceptors(grpc::ServerBuilder& builder, TokenAuthority& tokens, Store& store,
                             ClinicPluginManager& clinic_plugins, RefusalGuard& guard) {
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> creators;
  creators.push_back(
      std::make_unique<AuditInterceptorFactory>(tokens, store, clinic_plugins, guard));
  builder.experimental().SetInterceptorCreators(std::move(creators));
}

}  // namespace needlework::host
