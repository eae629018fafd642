#include "host/audit/audit_interceptor.h"

#include <google/protobuf/message.h>

#include "host/admin/admin_convert.h"
#include "host/audit/audit_fields.h"
#include "host/audit/refusal_guard.h"
#include "host/auth/token_authority.h"
#include "host/common/call_audit_scope.h"
#include "host/common/log.h"
#include "host/common/time_util.h"
#include "host/storage/call_audit.h"

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
        policy_(FindRpcPolicy(method_)) {
    call_.draft.rpc = method_;
  }

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
      OnStatus(methods, audited);  // proceeds once the call's record is durable
      return;
    }
    // gRPC runs the handler inside the Proceed() that ends the receiving hooks; the scope
    // lets the store commit this call's record with the handler's writes (call_audit.h).
    CallAuditScope scope(audited ? &call_ : nullptr);
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
    call_.draft.token_id = caller_->token_id;
    call_.draft.role = RoleName(caller_->role);
    if (policy_->scope == ClinicScope::kToken) call_.draft.clinic_id = caller_->clinic_id;
    authenticated_ = true;
  }

  void OnRequest(const Message* request) {
    if (request == nullptr) return;
    if (!policy_->clinic_field.empty()) {
      call_.draft.clinic_id = FieldAtPath(*request, policy_->clinic_field);
    }
    call_.draft.object_ref = ObjectRefOf(*request, nullptr);
    request_ = request;
    call_.before_after = policy_->audit == AuditKind::kBeforeAfter;
    if (call_.before_after && authenticated_) call_.before_json = PluginState();
  }

  void OnResponse(const Message* response) {
    if (response == nullptr || request_ == nullptr) return;
    call_.draft.object_ref = ObjectRefOf(*request_, response);
    if (call_.before_after) after_ = ToJson(*response);
  }

  // The clinic plugin named by the request, as JSON; "null" when it has no state yet.
  std::string PluginState() const {
    std::string plugin_id = FieldAtPath(*request_, "plugin_id");
    auto views = clinic_plugins_.List(call_.draft.clinic_id);
    if (!views.ok()) return "null";
    for (const auto& view : *views) {
      if (view.setting.plugin_id == plugin_id) return ToJson(ToClinicPlugin(view));
    }
    return "null";
  }

  // The call's answer is ready. Counts a refusal and tells a limited caller when to retry.
  // A refused call (UNAUTHENTICATED, PERMISSION_DENIED, or RESOURCE_EXHAUSTED from the
  // refusal limit) of an audited RPC is counted in the tally (refusal_tally.h), with no
  // record of its own, and answers at once. A call that succeeded and wrote has its record
  // already (it committed with the write); any other audited call's record rides the next
  // group commit, and the answer leaves only once it is durable, or the call fails
  // UNAVAILABLE instead.
  void OnStatus(grpc::experimental::InterceptorBatchMethods* methods, bool audited) {
    grpc::Status status = methods->GetSendStatus();
    int64_t now = NowUnixMicros();
    bool limited = limit_.wait_seconds > 0 && status.error_code() == grpc::RESOURCE_EXHAUSTED;
    if (limited) {
      methods->GetSendTrailingMetadata()->emplace(kRetryPushbackKey,
                                                  std::to_string(limit_.wait_seconds * 1000));
    }
    bool refused = IsRefusal(status.error_code());
    if (refused) guard_.CountRefusal(peer_, caller_, now);
    if (!audited) {
      methods->Proceed();
      return;
    }
    if (limited || refused) {
      AuditRecord record = call_.RecordOfCall(CodeName(status.error_code()), "null");
      record.at = now;
      guard_.tally().Add(record, peer_);
      methods->Proceed();
      return;
    }
    if (status.ok() && call_.written()) {
      methods->Proceed();
      return;
    }
    AuditRecord record =
        call_.RecordOfCall(CodeName(status.error_code()), status.ok() ? after_ : "null");
    store_.AppendAuditAsync(std::move(record), [methods, method = method_](const Status& done) {
      if (!done.ok()) methods->ModifySendStatus(AuditFailure(method, done));
      methods->Proceed();
    });
  }

  static grpc::Status AuditFailure(const char* method, const Status& appended) {
    LogEvent(Level::kError, "audit_append_failed",
             {{"rpc", method}, {"status", appended.ToString()}});
    return grpc::Status(grpc::StatusCode::UNAVAILABLE,
                        "the audit record of this call could not be written (" +
                            appended.message() + "), so the call was refused; retry later");
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
  std::string after_ = "null";
  CallAudit call_;
};

}  // namespace

grpc::experimental::Interceptor* AuditInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  return new AuditInterceptor(tokens_, store_, clinic_plugins_, guard_, info);
}

void InstallCallInterceptors(grpc::ServerBuilder& builder, TokenAuthority& tokens, Store& store,
                             ClinicPluginManager& clinic_plugins, RefusalGuard& guard,
                             std::unique_ptr<InterceptorFactory> first) {
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> creators;
  if (first) creators.push_back(std::move(first));
  creators.push_back(
      std::make_unique<AuditInterceptorFactory>(tokens, store, clinic_plugins, guard));
  builder.experimental().SetInterceptorCreators(std::move(creators));
}

}  // namespace needlework::host
