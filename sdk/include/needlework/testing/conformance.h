// The plugin conformance kit, Needlework::plugin_testing: GoogleTest checks that a built
// plugin file behaves the way needlework-host requires. Point it at the .so:
//
//   find_package(NeedleworkSDK 0.1 REQUIRED COMPONENTS plugin_testing)
//   needlework_add_conformance_test(lumen_conformance PLUGIN lumen
//                                   BAD_CONFIG [[{"avoid_sun_hours": 0}]])
//
// or link Needlework::plugin_testing and call RegisterConformanceTests from your own main.
// The kit loads the plugin like the host (version block first) and runs every call that
// could crash in a forked child process, so a crash, an abort, an escaping exception or a
// hang is reported as a test failure naming the input, never as a dead test binary.
//
// The checks (suite "Conformance"):
//   VersionBlockIsAcceptedByThisHost  ABI major/minor, build key, struct size, functions,
//                                     message layouts
//   ManifestIsWellFormedAndStable     reverse-DNS id, version, valid hooks, JSON config;
//                                     describe() twice gives the same manifest
//   DefaultConfigIsAccepted           create_instance accepts default_config_json
//   BadConfigsAreRefused              not-an-object, an array, garbage and your BAD_CONFIGs
//                                     are refused with INVALID_ARGUMENT and a message
//   EveryHookAnswersItsSamples        each declared hook answers the kit's sample requests
//                                     (and yours) with OK and a well-formed response
//   SamplesGiveTheirExpectedAnswers   each of your samples with a `<name>.expected.json`
//                                     beside it gets an answer that has what it expects
//   EveryHookAnswersWithinTheDeadline each sample call within the deadline (500 ms)
//   MalformedRequestsGetAnAnswer      malformed and pseudo-random request bytes (fixed
//                                     seed) get a status or a well-formed response
//   NoExceptionEscapes                wrongly typed configs and unknown hook numbers come
//                                     back as a status through the C ABI
#ifndef NEEDLEWORK_TESTING_CONFORMANCE_H_
#define NEEDLEWORK_TESTING_CONFORMANCE_H_

#include <cstdint>
#include <string>
#include <vector>

namespace needlework::conformance {

struct Options {
  // The built plugin module, e.g. build/lumen.so. Required.
  std::string plugin_path;
  // Optional: a directory of extra sample requests, one per file, named after the hook
  // (`screen.json`, `screen-warfarin.json`, `check_booking.binpb`, ...): `.json` holds the
  // request in proto3 JSON, `.binpb` the serialized request. Each must be answered OK.
  // `<name>.expected.json` beside a sample is the part of the answer it must give (a
  // <Hook>Response in proto3 JSON, matched as a pattern: each field it sets must be there,
  // each list element it lists must be in the answer's list, in any order).
  std::string samples_dir;
  // Configs the plugin must refuse, each a JSON merge patch over its default config (the
  // way the host builds a clinic's effective config), e.g. {"avoid_sun_hours": 0}.
  std::vector<std::string> bad_configs;
  // The per-call budget of EveryHookAnswersWithinTheDeadline: the host's default deadline.
  int deadline_ms = 500;
  // The seed and count of the pseudo-random requests sent to each declared hook.
  uint32_t seed = 20261202;
  int random_requests = 32;
};

// Registers the checks above as GoogleTest tests for the plugin in `options`. Call once,
// after ::testing::InitGoogleTest and before RUN_ALL_TESTS. The plugin is loaded when the
// first check runs and stays loaded (the host never unloads a plugin either).
void RegisterConformanceTests(const Options& options);

// A complete main: InitGoogleTest, then the kit's own flags
//   --plugin=<file> [--samples=<dir>] [--bad-config=<json>]... [--deadline-ms=<n>]
//   [--seed=<n>] [--random-requests=<n>]
// then RegisterConformanceTests and RUN_ALL_TESTS. Returns RUN_ALL_TESTS' result, or 2
// (with a message on stderr) when the flags are wrong.
int Main(int argc, char** argv);

}  // namespace needlework::conformance

#endif  // NEEDLEWORK_TESTING_CONFORMANCE_H_
