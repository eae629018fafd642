// Plugin versions through the real host: several versions of one plugin side by side (built
// from one source, tests/fixtures/plugins/versioned_plugin.cc), chosen by semantic version,
// pinned per clinic (audited, kept across a restart), a new version loaded by a rescan while
// calls run, a loaded file rewritten in place while calls run, and a manifest's range of
// host releases.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <sstream>
#include <thread>

#include "integration/api_helpers.h"
#include "integration/audit_helpers.h"
#include "support/eventually.h"
#include "support/temp_dir.h"

namespace needlework::testing {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

constexpr char kVersioned[] = "org.needlework.test.versioned";

std::string Built(const std::string& version) {
  std::string name = "versioned_" + version;
  std::replace(name.begin(), name.end(), '.', '_');
  return std::string(NEEDLEWORK_BINARY_DIR) + "/test-plugins/versions/" + version + "/" + name +
         ".so";
}

std::string ReadAll(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

class VersionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::make_unique<TempDir>();
    plugins_ = dir_->path() + "/plugins";
    std::filesystem::create_directories(plugins_);
    ::chmod(plugins_.c_str(), 0755);
  }

  // Drops `version`'s build into the plugin directory as a new file, as an installer would:
  // written under another name, then renamed, so no scan sees half a file.
  std::string Install(const std::string& version) {
    std::string file = plugins_ + "/" + std::filesystem::path(Built(version)).filename().string();
    std::filesystem::copy_file(Built(version), file + ".part");
    std::filesystem::rename(file + ".part", file);
    return file;
  }

  void Start(const std::string& extra_config = "") {
    HostOptions options;
    options.plugin_dirs = {NEEDLEWORK_PLUGIN_DIR, plugins_};
    options.extra_config = extra_config;
    host_ = HostProcess::Start(options);
    ASSERT_NE(host_, nullptr);
  }

  // Creates `clinic` with the versioned plugin enabled; its emr token.
  std::string Clinic(const std::string& clinic, const char* config = nullptr) {
    Api api(*host_);
    auto created = api.CreateClinic(host_->admin_token(), clinic);
    EXPECT_TRUE(created.status.ok()) << created.status.error_message();
    auto enabled = api.Enable(host_->admin_token(), clinic, kVersioned, config);
    EXPECT_TRUE(enabled.status.ok()) << enabled.status.error_message();
    return created.response.emr_token();
  }

  // The version that answered the clinic's screen ("version-X" from its one finding), or the
  // call's error.
  std::string Answered(const std::string& emr_token) {
    auto reply = Api(*host_).Screen(emr_token, FactsWithConditions({"88616000"}));
    if (!reply.status.ok()) return "error: " + reply.status.error_message();
    auto findings = FindingsFrom(reply.response, kVersioned);
    return findings.size() == 1 ? findings[0].rule_id() : reply.response.ShortDebugString();
  }

  Reply<v1::ClinicPlugin> Pin(const std::string& clinic, const std::string& version) {
    v1::PinPluginVersionRequest request;
    request.set_clinic_id(clinic);
    request.set_plugin_id(kVersioned);
    request.set_version(version);
    Reply<v1::ClinicPlugin> reply;
    reply.status = Admin(*host_)->PinPluginVersion(AuthorizedContext(host_->admin_token()).get(),
                                                   request, &reply.response);
    return reply;
  }

  Reply<v1::RescanPluginsResponse> Rescan() {
    Reply<v1::RescanPluginsResponse> reply;
    reply.status = Admin(*host_)->RescanPlugins(AuthorizedContext(host_->admin_token()).get(), {},
                                                &reply.response);
    return reply;
  }

  const v1::InstalledPlugin* Entry(
      const google::protobuf::RepeatedPtrField<v1::InstalledPlugin>& all, const std::string& file) {
    for (const auto& plugin : all) {
      if (plugin.file() == file) return &plugin;
    }
    ADD_FAILURE() << "no entry for " << file;
    static const v1::InstalledPlugin kNone;
    return &kNone;
  }

  std::unique_ptr<TempDir> dir_;
  std::string plugins_;
  std::unique_ptr<HostProcess> host_;
};

// Makes `call` on `threads` threads over and over until stopped; every answer is kept.
class CallsRunning {
 public:
  CallsRunning(std::function<std::string()> call, int threads) {
    for (int i = 0; i < threads; ++i) {
      threads_.emplace_back([this, call] {
        while (!stop_) {
          std::string answer = call();
          std::lock_guard lock(mutex_);
          answers_.push_back(answer);
        }
      });
    }
  }
  ~CallsRunning() { Stop(); }
  // Stops and joins; every answer given.
  std::vector<std::string> Stop() {
    stop_ = true;
    for (auto& thread : threads_) {
      if (thread.joinable()) thread.join();
    }
    std::lock_guard lock(mutex_);
    return answers_;
  }
  bool Saw(const std::string& answer) {
    std::lock_guard lock(mutex_);
    return std::find(answers_.begin(), answers_.end(), answer) != answers_.end();
  }

 private:
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  std::vector<std::string> answers_;
  std::vector<std::thread> threads_;
};

TEST_F(VersionsTest, EachClinicGetsItsPinnedVersionInTheSameHost) {
  Install("1.0.0");
  Install("1.1.0");
  Start();
  std::string a = Clinic("clinic-a"), b = Clinic("clinic-b");
  EXPECT_EQ(Answered(a), "version-1.1.0") << "unpinned clinics get the newest";

  auto pinned = Pin("clinic-a", "1.0.0");
  ASSERT_TRUE(pinned.status.ok()) << pinned.status.error_message();
  EXPECT_EQ(pinned.response.pinned_version(), "1.0.0");
  EXPECT_EQ(pinned.response.plugin_version(), "1.0.0");
  EXPECT_EQ(Answered(a), "version-1.0.0");
  EXPECT_EQ(Answered(b), "version-1.1.0");

  auto records = Records(*host_, "PinPluginVersion", "clinic-a");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].outcome(), "OK");
  EXPECT_THAT(records[0].detail_json(),
              AllOf(HasSubstr("\"before\""), HasSubstr("\"pinned_version\":\"1.0.0\"")));

  ASSERT_TRUE(host_->Restart());
  EXPECT_EQ(Answered(a), "version-1.0.0") << "the pin is stored";
  EXPECT_EQ(Answered(b), "version-1.1.0");

  v1::UnpinPluginVersionRequest unpin;
  unpin.set_clinic_id("clinic-a");
  unpin.set_plugin_id(kVersioned);
  v1::ClinicPlugin unpinned;
  auto status = Admin(*host_)->UnpinPluginVersion(AuthorizedContext(host_->admin_token()).get(),
                                                  unpin, &unpinned);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(unpinned.pinned_version(), "");
  EXPECT_EQ(Answered(a), "version-1.1.0");
}

TEST_F(VersionsTest, APinToAVersionNotInstalledIsRefusedNamingTheInstalledOnes) {
  Install("1.0.0");
  Install("1.1.0");
  Start();
  std::string a = Clinic("clinic-a");
  auto refused = Pin("clinic-a", "1.2.0");
  EXPECT_EQ(refused.status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(refused.status.error_message(),
              AllOf(HasSubstr(std::string(kVersioned) + " 1.2.0 is not installed"),
                    HasSubstr("installed versions: 1.0.0, 1.1.0")));
  EXPECT_EQ(Pin("nowhere", "1.0.0").status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Answered(a), "version-1.1.0");
}

// By file name 0.1.10 sorts before 0.1.9; by version it is newer.
TEST_F(VersionsTest, TheNewestVersionIsChosenBySemanticVersionNotFileName) {
  std::string older = Install("0.1.9"), newer = Install("0.1.10");
  ASSERT_LT(newer, older);
  Start();
  auto listed = Api(*host_).ListPlugins(host_->admin_token());
  ASSERT_TRUE(listed.status.ok());
  for (const auto& file : {older, newer}) {
    EXPECT_EQ(Entry(listed.response.plugins(), file)->state(), v1::InstalledPlugin::STATE_LOADED)
        << Entry(listed.response.plugins(), file)->refusal_reason();
  }
  EXPECT_EQ(Answered(Clinic("clinic-a")), "version-0.1.10");
}

TEST_F(VersionsTest, ANewVersionDroppedInWhileCallsRunServesTheNextCallsWithoutAFailure) {
  Install("1.0.0");
  Start();
  std::string a = Clinic("clinic-a", R"({"sleep_ms": 50})");
  std::string b = Clinic("clinic-b", R"({"sleep_ms": 50})");
  ASSERT_TRUE(Pin("clinic-b", "1.0.0").status.ok());
  ASSERT_EQ(Answered(a), "version-1.0.0");

  CallsRunning calls([&] { return Answered(a) + " / " + Answered(b); }, 4);
  ASSERT_TRUE(Eventually([&] { return calls.Saw("version-1.0.0 / version-1.0.0"); }));
  std::string file = Install("1.1.0");
  auto rescan = Rescan();
  ASSERT_TRUE(rescan.status.ok()) << rescan.status.error_message();
  ASSERT_EQ(rescan.response.added_size(), 1);
  EXPECT_EQ(rescan.response.added(0).file(), file);
  EXPECT_EQ(rescan.response.added(0).state(), v1::InstalledPlugin::STATE_LOADED);
  std::vector<std::string> moved;  // the demo clinic has every plugin enabled (demo seed)
  for (const auto& move : rescan.response.moves()) {
    moved.push_back(move.clinic_id());
    EXPECT_EQ(move.from_version(), "1.0.0");
    EXPECT_EQ(move.to_version(), "1.1.0");
    EXPECT_EQ(move.error(), "");
  }
  EXPECT_THAT(moved, UnorderedElementsAre("clinic-a", "demo")) << "the pinned clinic stays";
  EXPECT_TRUE(Eventually([&] { return calls.Saw("version-1.1.0 / version-1.0.0"); }));

  for (const auto& answer : calls.Stop()) {
    EXPECT_THAT(answer,
                ::testing::AnyOf("version-1.0.0 / version-1.0.0", "version-1.1.0 / version-1.0.0"));
  }
  EXPECT_EQ(Rescan().response.added_size(), 0) << "a file is loaded once";
}

// The host runs the sealed copy it loaded (opened_plugin.h); a rescan refuses the changed
// file and says why. In both isolation modes: a runner holds its own sealed copy.
class OverwriteTest : public VersionsTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(OverwriteTest, ALoadedFileRewrittenInPlaceWhileCallsRunIsRefusedAndTheHostKeepsAnswering) {
  std::string file = Install("1.0.0");
  Start(GetParam());
  std::string a = Clinic("clinic-a", R"({"sleep_ms": 20})");
  ASSERT_EQ(Answered(a), "version-1.0.0");

  CallsRunning calls([&] { return Answered(a); }, 4);
  ASSERT_TRUE(Eventually([&] { return calls.Saw("version-1.0.0"); }));
  std::string bytes = ReadAll(Built("1.1.0"));
  int fd = ::open(file.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::write(fd, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
  ::close(fd);
  auto rescan = Rescan();
  ASSERT_TRUE(rescan.status.ok()) << rescan.status.error_message();
  ASSERT_EQ(rescan.response.added_size(), 1);
  EXPECT_EQ(rescan.response.added(0).state(), v1::InstalledPlugin::STATE_REFUSED);
  EXPECT_THAT(rescan.response.added(0).refusal_reason(),
              AllOf(HasSubstr("changed after it was loaded"),
                    HasSubstr("keeps running " + std::string(kVersioned) + " 1.0.0"),
                    HasSubstr("new file beside the old one")));
  EXPECT_EQ(rescan.response.moves_size(), 0);
  for (int call = 0; call < 5; ++call) EXPECT_EQ(Answered(a), "version-1.0.0");

  for (const auto& answer : calls.Stop()) EXPECT_EQ(answer, "version-1.0.0");
  EXPECT_TRUE(host_->running());
  EXPECT_THAT(host_->Log(), HasSubstr("\"event\":\"plugin_file_changed\""));
}

INSTANTIATE_TEST_SUITE_P(
    Modes, OverwriteTest,
    ::testing::Values("",
                      "plugin_isolation:\n"
                      "  plugins: {org.needlework.test.versioned: process}\n"));

TEST_F(VersionsTest, AManifestsHostRangeThatExcludesThisHostIsRefusedNamingTheRange) {
  std::string future = Install("2.0.0");
  Install("1.0.0");
  Start();
  auto listed = Api(*host_).ListPlugins(host_->admin_token());
  ASSERT_TRUE(listed.status.ok());
  const auto* entry = Entry(listed.response.plugins(), future);
  EXPECT_EQ(entry->state(), v1::InstalledPlugin::STATE_REFUSED);
  EXPECT_THAT(entry->refusal_reason(),
              AllOf(HasSubstr(std::string(kVersioned) + " 2.0.0 supports host releases "
                                                        "'>=9.0.0 <10.0.0'"),
                    HasSubstr("not this host's ")));
  EXPECT_EQ(Answered(Clinic("clinic-a")), "version-1.0.0");
}

}  // namespace
}  // namespace needlework::testing
