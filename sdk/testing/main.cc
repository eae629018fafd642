// needlework::conformance::Main: the kit as a complete test program.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <string_view>

#include "needlework/testing/conformance.h"

namespace needlework::conformance {
namespace {

constexpr char kUsage[] =
    "usage: %s --plugin=<file.so> [--samples=<dir>] [--bad-config=<json merge patch>]...\n"
    "          [--deadline-ms=<n>] [--seed=<n>] [--random-requests=<n>] [gtest flags]\n";

constexpr char kHelp[] =
    "Runs the Needlework conformance kit against one built plugin file.\n"
    "  --plugin=<file.so>        the plugin to check (required)\n"
    "  --samples=<dir>           your sample requests: <hook>[-<any>].json or .binpb; a\n"
    "                            <name>.expected.json beside one is the answer it must give\n"
    "  --bad-config=<patch>      a JSON merge patch over the default config that the plugin\n"
    "                            must refuse (repeatable)\n"
    "  --deadline-ms=<n>         the hook deadline each sample must meet (default 500)\n"
    "  --seed=<n>                the seed of the pseudo-random requests\n"
    "  --random-requests=<n>     how many pseudo-random requests per hook (default 32)\n"
    "GoogleTest's own flags (--gtest_filter=...) work too; --gtest_list_tests lists the checks.\n"
    "sdk/README.md, \"The conformance kit\", describes each check.\n";

bool WantsHelp(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") return true;
  }
  return false;
}

// Reads one --name=value flag into `options`; false when `arg` is none of the kit's.
// Throws std::invalid_argument or std::out_of_range for a number that is not one.
bool ParseFlag(std::string_view arg, Options* options) {
  size_t equals = arg.find('=');
  if (equals == std::string_view::npos) return false;
  const std::string_view name = arg.substr(0, equals);
  const std::string value(arg.substr(equals + 1));
  if (name == "--plugin") {
    options->plugin_path = value;
  } else if (name == "--samples") {
    options->samples_dir = value;
  } else if (name == "--bad-config") {
    options->bad_configs.push_back(value);
  } else if (name == "--deadline-ms") {
    options->deadline_ms = std::stoi(value);
  } else if (name == "--seed") {
    options->seed = static_cast<uint32_t>(std::stoul(value));
  } else if (name == "--random-requests") {
    options->random_requests = std::stoi(value);
  } else {
    return false;
  }
  return true;
}

}  // namespace

int Main(int argc, char** argv) {
  if (WantsHelp(argc, argv)) {
    std::printf(kUsage, argv[0]);
    std::fputs(kHelp, stdout);
    return 0;
  }
  ::testing::InitGoogleTest(&argc, argv);
  Options options;
  for (int i = 1; i < argc; ++i) {
    bool known = false;
    try {
      known = ParseFlag(argv[i], &options);
    } catch (const std::exception&) {  // std::stoi on a non-number
    }
    if (!known) {
      std::fprintf(stderr, "unknown or malformed flag %s\n", argv[i]);
      std::fprintf(stderr, kUsage, argv[0]);
      return 2;
    }
  }
  if (options.plugin_path.empty()) {
    std::fprintf(stderr, kUsage, argv[0]);
    return 2;
  }
  RegisterConformanceTests(options);
  return RUN_ALL_TESTS();
}

}  // namespace needlework::conformance
