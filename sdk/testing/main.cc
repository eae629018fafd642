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
