// Small wrappers so integration tests read as the API they exercise.
#ifndef NEEDLEWORK_TESTS_INTEGRATION_API_HELPERS_H_
#define NEEDLEWORK_TESTS_INTEGRATION_API_HELPERS_H_

#include <gtest/gtest.h>

#include <string>

#include "needlework/code_systems.h"
#include "needlework/v1/admin.grpc.pb.h"
#include "needlework/v1/screening.grpc.pb.h"
#include "support/host_process.h"

namespace needlework::testing {

namespace v1 = needlework::v1;
namespace types = needlework::types::v1;

// The gRPC status of a call, with its response.
template <typename Response>
struct Reply {
  grpc::Status status;
  Response response;
};

class Api {
 public:
  explicit Api(const HostProcess& host)
      : admin_(v1::AdminService::NewStub(host.channel())),
        screening_(v1::ScreeningService::NewStub(host.channel())) {}

  Reply<v1::ScreenResponse> Screen(const std::string& token, const v1::ScreenRequest& request) {
    Reply<v1::ScreenResponse> reply;
    reply.status = screening_->Screen(AuthorizedContext(token).get(), request, &reply.response);
    return reply;
  }
  Reply<v1::CreateClinicResponse> CreateClinic(const std::string& token, const std::string& id) {
    v1::CreateClinicRequest request;
    request.set_clinic_id(id);
    Reply<v1::CreateClinicResponse> reply;
    reply.status = admin_->CreateClinic(AuthorizedContext(token).get(), request, &reply.response);
    return reply;
  }
  Reply<v1::ClinicPlugin> Enable(const std::string& token, const std::string& clinic,
                                 const std::string& plugin, const char* config_json = nullptr) {
    v1::EnablePluginRequest request;
    request.set_clinic_id(clinic);
    request.set_plugin_id(plugin);
    if (config_json != nullptr) request.set_config_json(config_json);
    Reply<v1::ClinicPlugin> reply;
    reply.status = admin_->EnablePlugin(AuthorizedContext(token).get(), request, &reply.response);
    return reply;
  }
  Reply<v1::ClinicPlugin> Disable(const std::string& token, const std::string& clinic,
                                  const std::string& plugin) {
    v1::DisablePluginRequest request;
    request.set_clinic_id(clinic);
    request.set_plugin_id(plugin);
    Reply<v1::ClinicPlugin> reply;
    reply.status = admin_->DisablePlugin(AuthorizedContext(token).get(), request, &reply.response);
    return reply;
  }
  Reply<v1::ClinicPlugin> Configure(const std::string& token, const std::string& clinic,
                                    const std::string& plugin, const std::string& config_json) {
    v1::SetPluginConfigRequest request;
    request.set_clinic_id(clinic);
    request.set_plugin_id(plugin);
    request.set_config_json(config_json);
    Reply<v1::ClinicPlugin> reply;
    reply.status =
        admin_->SetPluginConfig(AuthorizedContext(token).get(), request, &reply.response);
    return reply;
  }
  Reply<v1::ListPluginsResponse> ListPlugins(const std::string& token) {
    Reply<v1::ListPluginsResponse> reply;
    reply.status = admin_->ListPlugins(AuthorizedContext(token).get(), {}, &reply.response);
    return reply;
  }
  Reply<v1::ListClinicPluginsResponse> ListClinicPlugins(const std::string& token,
                                                         const std::string& clinic) {
    v1::ListClinicPluginsRequest request;
    request.set_clinic_id(clinic);
    Reply<v1::ListClinicPluginsResponse> reply;
    reply.status =
        admin_->ListClinicPlugins(AuthorizedContext(token).get(), request, &reply.response);
    return reply;
  }
  Reply<v1::ListClinicsResponse> ListClinics(const std::string& token) {
    Reply<v1::ListClinicsResponse> reply;
    reply.status = admin_->ListClinics(AuthorizedContext(token).get(), {}, &reply.response);
    return reply;
  }

 private:
  std::unique_ptr<v1::AdminService::Stub> admin_;
  std::unique_ptr<v1::ScreeningService::Stub> screening_;
};

inline types::Coding Snomed(const std::string& code) {
  types::Coding coding;
  coding.set_system(std::string(code_systems::kSnomed));
  coding.set_code(code);
  return coding;
}

inline types::Coding RxNorm(const std::string& code) {
  types::Coding coding;
  coding.set_system(std::string(code_systems::kRxNorm));
  coding.set_code(code);
  return coding;
}

// A typed-facts request for a patient with the given active SNOMED conditions.
inline v1::ScreenRequest FactsWithConditions(const std::vector<std::string>& snomed_codes) {
  v1::ScreenRequest request;
  auto* facts = request.mutable_facts();
  facts->set_patient_ref("Patient/test-1");
  for (const auto& code : snomed_codes) {
    auto* condition = facts->add_conditions();
    *condition->add_codes() = Snomed(code);
    condition->set_clinical_status(types::CONDITION_STATUS_ACTIVE);
    condition->set_source_ref("Condition/" + code);
  }
  return request;
}

// The findings of `response` from `plugin_id`.
inline std::vector<types::Finding> FindingsFrom(const v1::ScreenResponse& response,
                                                const std::string& plugin_id) {
  std::vector<types::Finding> found;
  for (const auto& finding : response.findings()) {
    if (finding.source_plugin() == plugin_id) found.push_back(finding);
  }
  return found;
}

// The entry of `plugin_id` in `runs` (an answer's plugin_runs), or nullptr.
inline const v1::PluginRun* RunOf(const google::protobuf::RepeatedPtrField<v1::PluginRun>& runs,
                                  const std::string& plugin_id) {
  for (const auto& run : runs) {
    if (run.plugin_id() == plugin_id) return &run;
  }
  return nullptr;
}
inline const v1::PluginRun* RunOf(const v1::ScreenResponse& response,
                                  const std::string& plugin_id) {
  return RunOf(response.plugin_runs(), plugin_id);
}

// Expects `response` to have failed closed on `plugin_id`: REVIEW_REQUIRED, with one
// screening-incomplete finding from it that names it.
inline void ExpectScreeningIncomplete(const v1::ScreenResponse& response,
                                      const std::string& plugin_id) {
  EXPECT_EQ(response.outcome(), types::OUTCOME_REVIEW_REQUIRED);
  auto findings = FindingsFrom(response, plugin_id);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule_id(), "screening-incomplete");
  EXPECT_NE(findings[0].summary().find(plugin_id), std::string::npos) << findings[0].summary();
}

constexpr char kScreeningPlugin[] = "org.needlework.screening";

}  // namespace needlework::testing

#endif  // NEEDLEWORK_TESTS_INTEGRATION_API_HELPERS_H_
