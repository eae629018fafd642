// packaging/needlework.service sets MemoryDenyWriteExecute=yes. systemd 252 enforces it with a
// seccomp filter (systemd.exec(5)): mmap with PROT_WRITE and PROT_EXEC together, mprotect or
// pkey_mprotect with PROT_EXEC, and shmat with SHM_EXEC fail with EPERM. This test installs
// that filter in a child process and loads a built-in plugin the host's way (opened, sealed
// into a memfd, loaded through /proc/self/fd): the unit's hardening does not stop sealed
// loading.
#include <gmock/gmock.h>
#include <seccomp.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "host/plugins/plugin_library.h"
#include "host/plugins/trust.h"

namespace needlework::host {
namespace {

// The filter systemd 252 adds for MemoryDenyWriteExecute=yes on x86-64 and arm64. True when
// it is in force.
bool DenyWriteExecute() {
  scmp_filter_ctx filter = seccomp_init(SCMP_ACT_ALLOW);
  if (filter == nullptr) return false;
  const scmp_datum_t wx = PROT_WRITE | PROT_EXEC;
  const uint32_t deny = SCMP_ACT_ERRNO(EPERM);
  bool ok =
      seccomp_rule_add(filter, deny, SCMP_SYS(mmap), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, wx, wx)) == 0 &&
      seccomp_rule_add(filter, deny, SCMP_SYS(mprotect), 1,
                       SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, PROT_EXEC)) == 0 &&
      seccomp_rule_add(filter, deny, SCMP_SYS(pkey_mprotect), 1,
                       SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, PROT_EXEC)) == 0 &&
      seccomp_rule_add(filter, deny, SCMP_SYS(shmat), 1,
                       SCMP_A2(SCMP_CMP_MASKED_EQ, SHM_EXEC, SHM_EXEC)) == 0 &&
      seccomp_load(filter) == 0;
  seccomp_release(filter);
  return ok;
}

// True when this kernel lets a process install the filter (tried in a throwaway child).
bool CanInstallFilters() {
  pid_t child = ::fork();
  if (child == 0) ::_exit(DenyWriteExecute() ? 0 : 1);
  int status = 0;
  return child > 0 && ::waitpid(child, &status, 0) == child && WIFEXITED(status) &&
         WEXITSTATUS(status) == 0;
}

[[noreturn]] void Exit(int code, const std::string& message) {
  std::fprintf(stderr, "%s\n", message.c_str());
  ::_exit(code);
}

// Runs in the death-test child: the filter, proof it is in force, then the host's loading.
[[noreturn]] void LoadUnderTheFilter(const std::string& file) {
  if (!DenyWriteExecute()) Exit(2, "cannot install the filter");
  void* wx =
      ::mmap(nullptr, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (wx != MAP_FAILED || errno != EPERM) Exit(3, "the filter is not in force");
  PluginTrustConfig config;
  config.mode = TrustMode::kDevelopment;
  StatusOr<OpenedPlugin> opened = PluginTrust::Create(config)->Open(file);
  if (!opened.ok()) Exit(4, opened.status().ToString());
  StatusOr<LoadedPlugin> loaded = LoadPluginLibrary(*opened);
  if (!loaded.ok()) Exit(5, loaded.status().ToString());
  Exit(0, "loaded " + loaded->manifest.id() + " from a sealed memfd");
}

TEST(MemoryDenyWriteExecuteTest, ASealedPluginLoadsUnderSystemdsFilter) {
  if (!CanInstallFilters()) GTEST_SKIP() << "this kernel or sandbox refuses seccomp filters";
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  std::string plugin = std::string(NEEDLEWORK_PLUGIN_DIR) + "/needlework_screening.so";
  EXPECT_EXIT(LoadUnderTheFilter(plugin), ::testing::ExitedWithCode(0),
              "loaded org.needlework.screening from a sealed memfd");
}

}  // namespace
}  // namespace needlework::host
