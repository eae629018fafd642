// CreateInstanceWithin against the real fault plugin (tests/fixtures/plugins/fault_plugin.cc)
// on a small PluginCallPool: a create that hangs never holds its caller, or a pool thread
// unaccounted for.
#include <gmock/gmock.h>

#include <future>
#include <thread>

#include "host/plugins/hook_runner.h"
#include "host/plugins/plugin_library.h"

namespace needlework::host {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;

constexpr char kFault[] = "org.needlework.test.fault";
constexpr char kCreateHangs[] = R"({"faults":{"create_instance":"hang"},"sleep_ms":1500})";

const LoadedPlugin& FaultPlugin() {
  static const auto* plugin = [] {
    auto loaded = LoadPluginLibrary(NEEDLEWORK_BINARY_DIR "/test-plugins/fault/fault.so");
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return new LoadedPlugin(loaded.ok() ? std::move(*loaded) : LoadedPlugin{});
  }();  // never freed: the host never unloads a plugin either
  return *plugin;
}

// True when a call submitted to `pool` now runs within a second.
bool PoolTakesACall(PluginCallPool& pool) {
  auto ran = std::make_shared<std::promise<void>>();
  pool.Submit([ran](PluginCallPool::WorkerId) { ran->set_value(); });
  return ran->get_future().wait_for(1s) == std::future_status::ready;
}

TEST(CreateInstanceWithinTest, CreatesWithinTheDeadline) {
  ASSERT_NE(FaultPlugin().api, nullptr);
  PluginCallPool pool(1);
  auto created = CreateInstanceWithin(pool, 5s, FaultPlugin(), "clinic-a", "{}");
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ((*created)->plugin_id(), kFault);
}

TEST(CreateInstanceWithinTest, HangPastTheDeadlineIsRefusedAndItsThreadWrittenOff) {
  ASSERT_NE(FaultPlugin().api, nullptr);
  PluginCallPool pool(1);
  auto start = std::chrono::steady_clock::now();
  auto created = CreateInstanceWithin(pool, 100ms, FaultPlugin(), "clinic-a", kCreateHangs);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  EXPECT_EQ(created.status().code(), StatusCode::kDeadlineExceeded);
  EXPECT_THAT(created.status().message(), HasSubstr(kFault));
  EXPECT_THAT(created.status().message(), HasSubstr("within the 100 ms deadline"));
  EXPECT_EQ(pool.written_off(), 1);
  EXPECT_TRUE(PoolTakesACall(pool));  // on the written-off thread's replacement
}

// A create that waited for a thread past its deadline is dropped, never run later: it would
// hold a pool thread that nobody writes off.
TEST(CreateInstanceWithinTest, CreateNoThreadTookInTimeIsNeverRun) {
  ASSERT_NE(FaultPlugin().api, nullptr);
  PluginCallPool pool(1);
  std::promise<void> release;
  auto released = release.get_future().share();
  pool.Submit([released](PluginCallPool::WorkerId) { released.wait(); });  // the only thread
  auto created = CreateInstanceWithin(pool, 100ms, FaultPlugin(), "clinic-a", kCreateHangs);
  EXPECT_EQ(created.status().code(), StatusCode::kDeadlineExceeded);
  EXPECT_THAT(created.status().message(), HasSubstr("no plugin thread was free"));
  release.set_value();
  EXPECT_TRUE(PoolTakesACall(pool)) << "the abandoned create ran and holds the only thread";
  EXPECT_EQ(pool.written_off(), 0);
}

// The pool's cap of written-off threads per plugin holds for creates too: past it, a create
// is refused at once, and no further thread is spent on the plugin.
TEST(CreateInstanceWithinTest, PluginHoldingItsCapOfStuckThreadsIsRefusedAtOnce) {
  ASSERT_NE(FaultPlugin().api, nullptr);
  PluginCallPool pool(2, /*max_written_off_per_plugin=*/1);
  auto stuck = CreateInstanceWithin(pool, 100ms, FaultPlugin(), "clinic-a", kCreateHangs);
  ASSERT_EQ(stuck.status().code(), StatusCode::kDeadlineExceeded);
  auto start = std::chrono::steady_clock::now();
  auto refused = CreateInstanceWithin(pool, 1s, FaultPlugin(), "clinic-b", "{}");
  EXPECT_LT(std::chrono::steady_clock::now() - start, 500ms);
  EXPECT_EQ(refused.status().code(), StatusCode::kUnavailable);
  EXPECT_THAT(refused.status().message(), HasSubstr(kFault));
  EXPECT_THAT(refused.status().message(), HasSubstr("running past their deadlines"));
  EXPECT_EQ(pool.written_off(), 1);
}

}  // namespace
}  // namespace needlework::host
