// A CDS Hooks service over real parts, called without a socket: a Store in a temporary
// directory, the built-in screening plugin (needlework_screening.so) enabled for clinics
// "a" and "b", the real plugin-call pool and watchdog, and the real FHIR reader (libcurl).
// The caller comes from a test header, x-test-clinic: only in these unit tests; the host
// verifies the EMR's JWT (cds_jwt_auth.h).
#ifndef NEEDLEWORK_TESTS_HOST_CDSHOOKS_CDS_FIXTURE_H_
#define NEEDLEWORK_TESTS_HOST_CDSHOOKS_CDS_FIXTURE_H_

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "host/cdshooks/cds_service.h"
#include "host/common/ids.h"
#include "host/plugins/plugin_instance.h"
#include "host/plugins/plugin_library.h"
#include "host/storage/sqlite_store.h"
#include "support/temp_dir.h"

namespace needlework::host::fixtures {

using Json = nlohmann::json;

inline constexpr char kServiceUrl[] = "https://needlework.test";

// An example patient Bundle from examples/patients, e.g. "warfarin".
inline Json ExamplePatient(const std::string& name) {
  std::ifstream in(std::string(NEEDLEWORK_SOURCE_DIR) + "/examples/patients/" + name + ".json");
  std::stringstream text;
  text << in.rdbuf();
  return Json::parse(text.str());
}

// The id of the Patient resource of a Bundle.
inline std::string PatientIdOf(const Json& bundle) {
  for (const auto& entry : bundle["entry"]) {
    if (entry["resource"]["resourceType"] == "Patient") return entry["resource"]["id"];
  }
  return "";
}

// A hook call body for `hook` with the whole example Bundle as the "patient" prefetch and
// every other key null (the EMR found nothing more), or no prefetch when `prefetch` is false.
inline Json HookBody(const std::string& hook, const Json& bundle, bool prefetch = true) {
  Json body = {
      {"hook", hook},
      {"hookInstance", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea"},
      {"context", {{"userId", "Practitioner/dr-lee"}, {"patientId", PatientIdOf(bundle)}}}};
  if (prefetch) {
    body["prefetch"] = {{"patient", bundle},
                        {"conditions", nullptr},
                        {"medicationRequests", nullptr},
                        {"medicationStatements", nullptr},
                        {"allergies", nullptr},
                        {"observations", nullptr},
                        {"procedures", nullptr}};
  }
  return body;
}

class CdsServiceFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    deadlines_.fallback = std::chrono::seconds(10);  // a shared, noisy machine
    auto opened = SqliteStore::Open(dir_.path());
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(*opened);
    auto rxnorm = fhir::RxNormIngredientMap::BuiltIn();
    ASSERT_TRUE(rxnorm.ok()) << rxnorm.status().ToString();
    rxnorm_ = std::move(*rxnorm);
    static auto* screening = new StatusOr<LoadedPlugin>(
        LoadPluginLibrary(std::string(NEEDLEWORK_PLUGIN_DIR) + "/needlework_screening.so"));
    ASSERT_TRUE(screening->ok()) << screening->status().ToString();
    for (const std::string clinic : {"a", "b"}) {
      ASSERT_TRUE(store_
                      ->CreateClinic({clinic, clinic, 1}, TokenRecord{"t-" + clinic, "h-" + clinic,
                                                                      "emr", clinic, "", 1})
                      .ok());
      auto instance = PluginInstance::Create(**screening, clinic, "{}");
      ASSERT_TRUE(instance.ok()) << instance.status().ToString();
      registry_.Publish(clinic,
                        std::make_shared<ClinicPlugins>(ClinicPlugins::InstanceList{*instance},
                                                        std::vector<UnavailablePlugin>{}));
    }
    service_ = std::make_unique<CdsHooksService>(
        CdsHookDeps{*store_, PluginCalls{registry_, watchdog_, deadlines_, pool_}, rxnorm_,
                    HttpFhirRead(2000, 1 << 20),
                    ChartLimits{1 << 20, std::chrono::milliseconds(5000)}, kServiceUrl},
        [](const HttpRequest& request) -> StatusOr<CdsCaller> {
          const std::string& clinic = request.Header("x-test-clinic");
          if (clinic.empty()) return UnauthenticatedError("no test caller");
          return CdsCaller{clinic, "https://emr.test", "", "emr-client", RandomHex(8)};
        });
  }

  HttpReply Post(const std::string& path, const Json& body, const std::string& clinic = "a") {
    HttpRequest request;
    request.method = "POST";
    request.path = path;
    request.body = body.dump();
    if (!clinic.empty()) request.headers["x-test-clinic"] = clinic;
    return service_->Handle(request);
  }

  // The cards of a hook call that must answer 200.
  Json Cards(const std::string& service, const Json& body, const std::string& clinic = "a") {
    HttpReply reply = Post("/cds-services/" + service, body, clinic);
    EXPECT_EQ(reply.status, 200) << reply.body;
    Json answer = Json::parse(reply.body, nullptr, false);
    return answer.is_object() && answer.contains("cards") ? answer["cards"] : Json::array();
  }

  ::needlework::testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  fhir::RxNormIngredientMap rxnorm_;
  ClinicRegistry registry_;
  Watchdog watchdog_;
  HookDeadlines deadlines_;
  PluginCallPool pool_{2};
  std::unique_ptr<CdsHooksService> service_;
};

}  // namespace needlework::host::fixtures

#endif  // NEEDLEWORK_TESTS_HOST_CDSHOOKS_CDS_FIXTURE_H_
