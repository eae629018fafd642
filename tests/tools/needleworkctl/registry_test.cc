// The command registry as a whole: every command is complete, listed by `help`, and reads
// each flag the way every other command does (the tokenizer relies on it).
#include "registry.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "flags.h"
#include "usage.h"

namespace needlework::ctl {
namespace {

using ::testing::HasSubstr;

TEST(RegistryTest, EveryCommandHasItsTextAndFunctions) {
  ASSERT_FALSE(AllCommands().empty());
  for (const Command& command : AllCommands()) {
    EXPECT_FALSE(command.summary.empty()) << command.name;
    EXPECT_FALSE(command.details.empty()) << command.name;
    EXPECT_FALSE(command.summary.ends_with(".")) << command.name << ": the overview adds it";
    EXPECT_TRUE(command.bind != nullptr) << command.name;
    EXPECT_TRUE(command.run != nullptr) << command.name;
  }
}

TEST(RegistryTest, NamesAreUniqueAndFound) {
  std::set<std::string_view> names;
  for (const Command& command : AllCommands()) {
    EXPECT_TRUE(names.insert(command.name).second) << command.name << " twice";
    EXPECT_EQ(FindCommand(command.name), &command);
  }
}

TEST(RegistryTest, HelpListsEveryCommandWithItsUsage) {
  std::string overview = HelpText("");
  for (const Command& command : AllCommands()) {
    EXPECT_THAT(overview, HasSubstr("  " + std::string(command.name) + " ")) << command.name;
    std::string usage = "usage: needleworkctl [global flags] " + std::string(command.name);
    if (!command.synopsis.empty()) usage.append(" ").append(command.synopsis);
    EXPECT_THAT(HelpText(command.name), HasSubstr(usage + "\n")) << command.name;
  }
}

TEST(RegistryTest, EveryCommandReadsAFlagTheSameWay) {
  std::map<std::string_view, FlagKind> kinds;
  for (const Command& command : AllCommands()) {
    for (const FlagShape& flag : command.flags) {
      EXPECT_EQ(FindGlobalFlag(flag.name), nullptr) << command.name << " redefines --" << flag.name;
      bool takes_value = flag.kind != FlagKind::kSwitch;
      auto [known, added] = kinds.emplace(flag.name, flag.kind);
      EXPECT_EQ(known->second != FlagKind::kSwitch, takes_value)
          << command.name << ": --" << flag.name;
      EXPECT_EQ(FindAnyFlag(flag.name)->kind != FlagKind::kSwitch, takes_value);
    }
  }
}

}  // namespace
}  // namespace needlework::ctl
