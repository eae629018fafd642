// Issue 15's files and input checks, through the real host: the data dir, the demo
// credentials and every file of the store are private whatever the umask, a group- or
// world-writable data dir stops the host before it opens anything, only a real loopback address is
// served in plaintext, token lifetimes are bounded, and time zones are checked against the tz
// database's list.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>

#include "security_helpers.h"
#include "support/host_process.h"
#include "support/temp_dir.h"

namespace needlework::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Every token the admin can list, revoked ones included, as text for comparison.
std::string AllTokens(const HostProcess& host) {
  v1::ListTokensRequest request;
  request.set_include_revoked(true);
  v1::ListTokensResponse response;
  grpc::Status status =
      v1::AdminService::NewStub(host.channel())
          ->ListTokens(AuthorizedContext(host.admin_token()).get(), request, &response);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return response.DebugString();
}

grpc::Status IssueExpiringIn(const HostProcess& host, int64_t seconds) {
  v1::IssueTokenRequest request;
  request.set_role("emr");
  request.set_clinic_id("demo");
  request.set_expires_in_seconds(seconds);
  v1::IssueTokenResponse response;
  return v1::AdminService::NewStub(host.channel())
      ->IssueToken(AuthorizedContext(host.admin_token()).get(), request, &response);
}

mode_t ModeOf(const std::string& path) {
  struct stat info {};
  EXPECT_EQ(::lstat(path.c_str(), &info), 0) << path;
  return info.st_mode & 07777;
}

TEST(PrivateFilesTest, DataDirIs0700AndDemoCredentials0600UnderAnOpenUmask) {
  mode_t old_umask = ::umask(0);
  auto host = HostProcess::Start();
  ::umask(old_umask);
  ASSERT_NE(host, nullptr);
  EXPECT_EQ(ModeOf(host->data_dir()), 0700);
  EXPECT_EQ(ModeOf(host->data_dir() + "/demo-credentials.json"), 0600);
}

// The modes of everything in `dir` but the directories, by file name.
std::map<std::string, mode_t> FileModes(const std::string& dir) {
  std::map<std::string, mode_t> modes;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_directory()) modes[entry.path().filename()] = ModeOf(entry.path());
  }
  return modes;
}

// Under Debian's umask 022 SQLite would create the database, its -wal and -shm 0644:
// patient data readable by every user. The host makes each file of its data dir 0600, and
// tightens a database left 0644 by an earlier version when it opens it.
TEST(PrivateFilesTest, EveryFileTheHostMakesIs0600UnderUmask022) {
  struct ScopedUmask {
    mode_t saved = ::umask(022);
    ~ScopedUmask() { ::umask(saved); }
  } umask_022;
  auto host = HostProcess::Start();
  ASSERT_NE(host, nullptr);
  ASSERT_TRUE(IssueExpiringIn(*host, 3600).ok());  // a write: the WAL has frames
  std::map<std::string, mode_t> modes = FileModes(host->data_dir());
  for (const char* name :
       {"needlework.db", "needlework.db-wal", "needlework.db-shm", "needlework.lock"}) {
    EXPECT_TRUE(modes.count(name)) << name << " was not made";
  }
  for (const auto& [name, mode] : modes) EXPECT_EQ(mode, 0600) << name;
  EXPECT_EQ(ModeOf(host->data_dir()), 0700);

  host->Stop();
  for (const char* name :
       {"needlework.db", "needlework.db-wal", "needlework.db-shm", "needlework.lock"}) {
    ::chmod((host->data_dir() + "/" + name).c_str(), 0644);  // absent ones: no matter
  }
  ASSERT_TRUE(host->Restart());
  ASSERT_TRUE(IssueExpiringIn(*host, 3600).ok());
  for (const auto& [name, mode] : FileModes(host->data_dir())) {
    EXPECT_EQ(mode, 0600) << name << " after a restart on files left 0644";
  }
}

TEST(PrivateFilesTest, AWorldWritableDataDirStopsTheHostNamingTheDirAndItsMode) {
  TempDir dir;
  ASSERT_EQ(::mkdir(dir.File("data").c_str(), 0700), 0);
  ASSERT_EQ(::chmod(dir.File("data").c_str(), 0777), 0);
  std::ofstream(dir.File("host.yaml"))
      << "listen: 127.0.0.1:0\ndata_dir: " << dir.File("data") << "\n";
  std::string err;
  EXPECT_EQ(RunHostBinary({"--config", dir.File("host.yaml"), "--seed-demo"}, nullptr, &err), 1);
  EXPECT_THAT(err, HasSubstr("data dir " + dir.File("data") + " has mode 0777"));
  EXPECT_THAT(err, HasSubstr("chmod go-w"));
  EXPECT_FALSE(std::filesystem::exists(dir.File("data/needlework.db")));
  EXPECT_FALSE(std::filesystem::exists(dir.File("data/demo-credentials.json")));
}

TEST(LoopbackTest, PlaintextOnANameThatOnlyStartsWith127IsRefused) {
  for (const char* listen : {"127.evil.example.com:50051", "127.0.0.1.nip.io:1"}) {
    TempDir dir;
    std::ofstream(dir.File("host.yaml"))
        << "listen: " << listen << "\ndata_dir: " << dir.File("data") << "\n";
    std::string err;
    EXPECT_EQ(RunHostBinary({"--config", dir.File("host.yaml")}, nullptr, &err), 1) << listen;
    EXPECT_THAT(err, HasSubstr(std::string(listen) + " is not loopback")) << listen;
    EXPECT_FALSE(std::filesystem::exists(dir.File("data"))) << "refused before the store opened";
  }
}

TEST(TokenExpiryTest, AnExpiryOutsideOneSecondToTenYearsIsRefusedAndStoresNothing) {
  auto host = HostProcess::Start();
  ASSERT_NE(host, nullptr);
  std::string before = AllTokens(*host);
  const int64_t kTenYears = int64_t{315360000};
  for (int64_t seconds : {std::numeric_limits<int64_t>::max(), kTenYears + 1, int64_t{-1},
                          std::numeric_limits<int64_t>::min()}) {
    grpc::Status status = IssueExpiringIn(*host, seconds);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << seconds;
    EXPECT_THAT(status.error_message(), HasSubstr("from 1 to 315360000 (10 years)")) << seconds;
    EXPECT_THAT(status.error_message(), HasSubstr(std::to_string(seconds))) << seconds;
  }
  EXPECT_EQ(AllTokens(*host), before) << "a refused IssueToken stores nothing";
  for (int64_t seconds : {int64_t{1}, kTenYears}) {
    grpc::Status status = IssueExpiringIn(*host, seconds);
    EXPECT_TRUE(status.ok()) << seconds << ": " << status.error_message();
  }
}

grpc::Status SetZone(const HostProcess& host, const std::string& zone, v1::Clinic* clinic) {
  v1::SetClinicTimeZoneRequest request;
  request.set_clinic_id("demo");
  request.set_time_zone(zone);
  return v1::AdminService::NewStub(host.channel())
      ->SetClinicTimeZone(AuthorizedContext(host.admin_token()).get(), request, clinic);
}

std::string ClinicZones(const HostProcess& host) {
  v1::ListClinicsResponse response;
  EXPECT_TRUE(v1::AdminService::NewStub(host.channel())
                  ->ListClinics(AuthorizedContext(host.admin_token()).get(), {}, &response)
                  .ok());
  std::string zones;
  for (const auto& clinic : response.clinics())
    zones += clinic.clinic_id() + "=" + clinic.time_zone() + " ";
  return zones;
}

TEST(TimeZoneTest, ZonesOutsideTheTzDatabaseListAreInvalidArgumentAndChangeNothing) {
  auto host = HostProcess::Start();
  ASSERT_NE(host, nullptr);
  std::string before = ClinicZones(*host);
  for (const char* zone : {"Mars/Olympus", "posix/Europe/London", "Europe/Londres"}) {
    v1::Clinic clinic;
    grpc::Status status = SetZone(*host, zone, &clinic);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << zone;
    EXPECT_THAT(status.error_message(),
                HasSubstr("time zone \"" + std::string(zone) + "\" is not in the tz database"));
  }
  EXPECT_EQ(ClinicZones(*host), before);
  v1::Clinic clinic;
  grpc::Status status = SetZone(*host, "US/Eastern", &clinic);  // a link of the database
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(clinic.time_zone(), "US/Eastern");
}

TEST(TimeZoneTest, CreateClinicChecksAndKeepsItsTimeZone) {
  auto host = HostProcess::Start();
  ASSERT_NE(host, nullptr);
  auto admin = v1::AdminService::NewStub(host->channel());
  v1::CreateClinicRequest request;
  request.set_clinic_id("north");
  request.set_time_zone("Mars/Olympus");
  v1::CreateClinicResponse response;
  grpc::Status status =
      admin->CreateClinic(AuthorizedContext(host->admin_token()).get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("\"Mars/Olympus\" is not in the tz database"));
  EXPECT_THAT(ClinicZones(*host), Not(HasSubstr("north"))) << "nothing stored";
  request.set_time_zone("Asia/Kolkata");
  status = admin->CreateClinic(AuthorizedContext(host->admin_token()).get(), request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.clinic().time_zone(), "Asia/Kolkata");
  EXPECT_THAT(ClinicZones(*host), HasSubstr("north=Asia/Kolkata"));
}

}  // namespace
}  // namespace needlework::testing
