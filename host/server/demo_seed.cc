#include "host/server/demo_seed.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "host/common/log.h"
#include "host/common/secret_file.h"
#include "host/common/time_util.h"
#include "needlework/types/v1/scheduling.pb.h"

namespace needlework::host {
namespace {

constexpr char kDemoClinic[] = "demo";

std::string CredentialsPath(const HostContext& host) {
  return host.config.data_dir + "/demo-credentials.json";
}

StatusOr<DemoCredentials> ReadCredentials(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    return FailedPreconditionError("clinic 'demo' exists but " + path +
                                   " is missing; use a fresh data_dir to re-seed the demo");
  }
  std::stringstream text;
  text << in.rdbuf();
  auto json = nlohmann::json::parse(text.str(), nullptr, false);
  if (!json.is_object()) return FailedPreconditionError(path + " is not valid JSON");
  return DemoCredentials{json.value("clinic_id", ""), json.value("emr_token", ""),
                         json.value("admin_token", "")};
}

// Writes the demo tokens to `path`, mode 0600 from creation (ReplaceSecretFile: a file left by
// an earlier, failed seed is replaced, never written through).
Status WriteCredentials(const std::string& path, const DemoCredentials& credentials) {
  nlohmann::json json = {{"clinic_id", credentials.clinic_id},
                         {"emr_token", credentials.emr_token},
                         {"admin_token", credentials.admin_token}};
  return ReplaceSecretFile(path, json.dump(2) + "\n");
}

Status EnableEveryPlugin(HostContext& host) {
  for (const auto& entry : host.catalog->entries()) {
    if (!entry.loaded) continue;
    NW_RETURN_IF_ERROR(
        host.clinic_plugins->Enable(kDemoClinic, entry.plugin.manifest.id(), std::nullopt)
            .status());
  }
  return OkStatus();
}

// A small London clinic: two practitioners, two rooms, one microneedling pen, one
// radiofrequency unit and one centrifuge (for PRP), open Monday to Friday 09:00-17:30 and
// Saturday 10:00-14:00.
Status SeedSchedule(Store& store) {
  namespace types = needlework::types::v1;
  NW_RETURN_IF_ERROR(store.SetClinicTimeZone(kDemoClinic, "Europe/London"));
  const ResourceRecord resources[] = {
      {kDemoClinic, "dr-lee", types::RESOURCE_TYPE_PRACTITIONER, "", "Dr Amy Lee", true},
      {kDemoClinic, "dr-patel", types::RESOURCE_TYPE_PRACTITIONER, "", "Dr Raj Patel", true},
      {kDemoClinic, "room-1", types::RESOURCE_TYPE_ROOM, "", "Treatment room 1", true},
      {kDemoClinic, "room-2", types::RESOURCE_TYPE_ROOM, "", "Treatment room 2", true},
      {kDemoClinic, "pen-1", types::RESOURCE_TYPE_DEVICE, "microneedling-pen", "Microneedling pen",
       true},
      {kDemoClinic, "rf-1", types::RESOURCE_TYPE_DEVICE, "rf-unit", "Radiofrequency unit", true},
      {kDemoClinic, "centrifuge-1", types::RESOURCE_TYPE_DEVICE, "centrifuge", "PRP centrifuge",
       true}};
  for (const auto& resource : resources) NW_RETURN_IF_ERROR(store.UpsertResource(resource));
  std::vector<OpeningSpanRecord> hours;
  for (int weekday = 1; weekday <= 5; ++weekday) hours.push_back({weekday, 9 * 60, 17 * 60 + 30});
  hours.push_back({6, 10 * 60, 14 * 60});
  return store.SetOpeningHours(kDemoClinic, hours);
}

}  // namespace

StatusOr<DemoCredentials> SeedDemo(HostContext& host) {
  if (host.store->GetClinic(kDemoClinic).ok()) return ReadCredentials(CredentialsPath(host));
  ClinicRecord clinic{kDemoClinic, "Demo Aesthetics", NowUnixMicros() / 1000000};
  IssuedToken emr = TokenAuthority::Mint(Role::kEmr, kDemoClinic, "demo emr token");
  NW_RETURN_IF_ERROR(host.store->CreateClinic(clinic, emr.record));
  NW_RETURN_IF_ERROR(host.tokens->Publish(emr.record));
  NW_ASSIGN_OR_RETURN(IssuedToken admin, host.tokens->Issue(Role::kAdmin, "", "demo admin token"));
  NW_RETURN_IF_ERROR(EnableEveryPlugin(host));
  NW_RETURN_IF_ERROR(SeedSchedule(*host.store));
  DemoCredentials credentials{kDemoClinic, emr.secret, admin.secret};
  NW_RETURN_IF_ERROR(WriteCredentials(CredentialsPath(host), credentials));
  LogEvent(Level::kInfo, "demo_seeded",
           {{"clinic", kDemoClinic},
            {"emr_token_id", emr.record.token_id},
            {"admin_token_id", admin.record.token_id}});
  return credentials;
}

}  // namespace needlework::host
