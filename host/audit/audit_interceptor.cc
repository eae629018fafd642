#include "host/audit/audit_interceptor.h"

#include <google/protobuf/message.h>

#include "host/admin/admin_convert.h"
#include "host/audit/audit_fields.h"
#include "host/auth/token_authority.h"
#include "host/common/log.h"
#include "host/common/time_util.h"

namespace needlework::host {
namespace {

using google::protobuf::Message;
using grpc::experimental::InterceptionHookPoints;

// gRPC hands interceptors the request and response as void*; they point at the generated
// message types, which derive (singly, at offset 0) from google::protobuf::Message.
const Message* AsMessage(const void* message) { return static_cast<const Message*>(message); }

class AuditInterceptor final : public grpc::experimental::Interceptor {
 public:
  AuditInterceptor(TokenAuthority& tokens, Store& store, ClinicPluginManager& clinic_plugins,
                   const char* method)
      : tokens_(tokens),
        store_(store),
        clinic_plugins_(clinic_plugins),
        method_(method),
        policy_(FindRpcPolicy(method)) {}

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
    if (audited && methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      Append(methods->GetSendStatus());
    }
    methods->Proceed();
  }

 private:
  // Records the method for Authorize (erasing any client-sent copy) and who is calling.
  void OnMetadata(ClientMetadata& metadata) {
    grpc::string_ref key(kMethodMetadataKey.data(), kMethodMetadataKey.size());
    metadata.erase(key);
    metadata.emplace(key, grpc::string_ref(method_));
    if (policy_ == nullptr || policy_->audit == AuditKind::kNone) return;
    auto caller = tokens_.Authenticate(metadata);
    if (!caller.ok()) return;
    record_.token_id = caller->token_id;
    record_.role = RoleName(caller->role);
    if (policy_->scope == ClinicScope::kToken) record_.clinic_id = caller->clinic_id;
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
  const char* method_;  // owned by the server's method table; outlives the call
  const RpcPolicy* policy_;
  bool authenticated_ = false;
  const Message* request_ = nullptr;  // owned by the call; valid until it finishes
  std::string before_ = "null", after_ = "null";
  AuditRecord record_;
};

}  // namespace

grpc::experimental::Interceptor* AuditInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  return new AuditInterceptor(tokens_, store_, clinic_plugins_, info->method());
}

void InstallCallInterceptors(grpc::ServerBuilder& builder, TokenAuthority& tokens, Store& store,
                             ClinicPluginManager& clinic_plugins) {
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> creators;
  creators.push_back(std::make_unique<AuditInterceptorFactory>(tokens, store, clinic_plugins));
  builder.experimental().SetInterceptorCreators(std::move(creators));
}

}  // namespace needlework::host
