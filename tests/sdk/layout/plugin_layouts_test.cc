// The message-layout rule (plugin_abi.h) on plain API tables: which plugins are compared,
// refused or left unchecked, and what each verdict says.
#include "sdk/layout/plugin_layouts.h"

#include <gmock/gmock.h>

#include "needlework/build_key.h"
#include "support/status_matchers.h"

namespace needlework::layout {
namespace {

using ::needlework::testing::IsOk;
using ::needlework::testing::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kHost[] =
    "a.v1.Coding=0000000000000001;a.v1.Request=0000000000000002;a.v1.Response=0000000000000003";
constexpr char kSdk[] = "9.9.9";

nw_plugin_api Api(const char* fingerprints) {
  nw_plugin_api api{};
  api.struct_size = sizeof(nw_plugin_api);
  api.abi_major = NEEDLEWORK_ABI_MAJOR;
  api.abi_minor = NEEDLEWORK_ABI_MINOR;
  api.build_key = NEEDLEWORK_BUILD_KEY;
  api.message_fingerprints = fingerprints;
  return api;
}

TEST(CheckMessageLayoutsTest, TheSameViewIsCheckedAndLoads) {
  auto verdict = CheckMessageLayouts(Api(kHost), kHost, kSdk);
  ASSERT_THAT(verdict, IsOk());
  EXPECT_TRUE(verdict->checked);
  EXPECT_EQ(verdict->summary, "message layouts match the host's (3 compared)");
}

TEST(CheckMessageLayoutsTest, EachDifferingMessageIsNamedWithTheSdkToRebuildAgainst) {
  auto verdict =
      CheckMessageLayouts(Api("a.v1.Coding=00000000000000ff;a.v1.Request=0000000000000002;"
                              "a.v1.Response=00000000000000fe"),
                          kHost, kSdk);
  EXPECT_THAT(verdict, StatusIs(StatusCode::kFailedPrecondition,
                                AllOf(HasSubstr("the layout of 2 contract message(s) differs"),
                                      HasSubstr(": a.v1.Coding, a.v1.Response;"),
                                      HasSubstr("rebuild it against Needlework SDK 9.9.9"),
                                      Not(HasSubstr("a.v1.Request")))));
}

TEST(CheckMessageLayoutsTest, APluginLackingOnlyNewerMessagesLoads) {
  auto verdict = CheckMessageLayouts(Api("a.v1.Coding=0000000000000001"), kHost, kSdk);
  ASSERT_THAT(verdict, IsOk());
  EXPECT_EQ(verdict->summary, "message layouts match the host's (1 compared)");
}

TEST(CheckMessageLayoutsTest, MessagesOnlyThePluginKnowsAreNotCompared) {
  auto verdict = CheckMessageLayouts(Api("a.v1.Coding=0000000000000001;a.v2.New=00000000000000aa"),
                                     kHost, kSdk);
  ASSERT_THAT(verdict, IsOk());
  EXPECT_EQ(verdict->summary, "message layouts match the host's (1 compared)");
}

TEST(CheckMessageLayoutsTest, NullIsTheEmptyTableOfAPluginWithoutGeneratedClasses) {
  for (const char* none : {static_cast<const char*>(nullptr), ""}) {
    auto verdict = CheckMessageLayouts(Api(none), kHost, kSdk);
    ASSERT_THAT(verdict, IsOk());
    EXPECT_TRUE(verdict->checked);
    EXPECT_THAT(verdict->summary, HasSubstr("no messages reported"));
  }
}

TEST(CheckMessageLayoutsTest, OlderMinorsLoadUncheckedWithAReason) {
  for (uint32_t minor = 0; minor < 4; ++minor) {
    nw_plugin_api api = Api("garbage that an older plugin would never have");
    api.abi_minor = minor;
    api.struct_size = NEEDLEWORK_API_SIZE_1_0;
    auto verdict = CheckMessageLayouts(api, kHost, kSdk);
    ASSERT_THAT(verdict, IsOk()) << minor;
    EXPECT_FALSE(verdict->checked);
    EXPECT_EQ(verdict->summary, "unchecked: ABI 1." + std::to_string(minor) +
                                    " predates message fingerprints (ABI 1.4); rebuild against "
                                    "Needlework SDK 9.9.9 to have them checked");
  }
}

TEST(CheckMessageLayoutsTest, ATableTooShortForItsMinorIsRefusedBeforeReadingIt) {
  nw_plugin_api api = Api(kHost);
  api.struct_size = NEEDLEWORK_API_SIZE_1_0;
  EXPECT_THAT(
      CheckMessageLayouts(api, kHost, kSdk),
      StatusIs(StatusCode::kFailedPrecondition, HasSubstr("smaller than ABI 1.4 requires")));
  EXPECT_EQ(RequiredApiSize(3), NEEDLEWORK_API_SIZE_1_0);
  EXPECT_EQ(RequiredApiSize(4), NEEDLEWORK_API_SIZE_1_4);
  EXPECT_EQ(RequiredApiSize(NEEDLEWORK_ABI_MINOR), sizeof(nw_plugin_api));
}

TEST(CheckMessageLayoutsTest, MalformedTablesAreNamed) {
  EXPECT_THAT(CheckMessageLayouts(Api("a.v1.Coding=1"), kHost, kSdk),
              StatusIs(StatusCode::kFailedPrecondition,
                       HasSubstr("message_fingerprints is malformed: entry 'a.v1.Coding=1'")));
  EXPECT_THAT(CheckMessageLayouts(Api(kHost), "broken", kSdk),
              StatusIs(StatusCode::kInternal, HasSubstr("the host's fingerprint table")));
}

}  // namespace
}  // namespace needlework::layout
