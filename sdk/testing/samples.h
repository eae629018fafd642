// The requests the kit sends: a realistic default sample per hook, the vendor's own
// samples from a directory, and malformed or pseudo-random bytes.
#ifndef NEEDLEWORK_SDK_TESTING_SAMPLES_H_
#define NEEDLEWORK_SDK_TESTING_SAMPLES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "hooks.h"
#include "needlework/types/v1/clinical.pb.h"

namespace needlework::conformance {

// One request, serialized, with a name for failure messages.
struct Sample {
  std::string name;
  std::string bytes;
  // The vendor's expected answer (`<sample>.expected.json`, proto3 JSON); empty when none.
  std::string expected_json = {};
};

// The kit's sample for `hook`: a patient with a condition and a medication (screen, plan),
// a second session of an active series (check_booking), a completed first session
// (aftercare), mild redness the day after (triage), a catalog request. When `add_ons` is
// not empty (the therapies the plugin's own catalog offers), a second sample carries them,
// so an add-on plugin is asked the way the host asks it.
std::vector<Sample> DefaultSamples(const HookInfo& hook,
                                   const std::vector<types::v1::Coding>& add_ons);

// The vendor's samples for `hook` in `dir`: files named `<hook>.json`, `<hook>-<any>.json`
// (proto3 JSON) or the same with `.binpb` (serialized), each with its expected answer when
// `<name>.expected.json` is beside it. Unreadable or unparsable files are added to `problems`.
std::vector<Sample> LoadSamples(const std::string& dir, const HookInfo& hook,
                                std::vector<std::string>* problems);
// Files in `dir` that name no hook, and expected answers without their sample (typos would
// otherwise go unnoticed), as problems.
std::vector<std::string> UnclaimedSampleFiles(const std::string& dir);

// Requests no plugin can be sure to understand, derived from `sample`: empty, truncated,
// bytes flipped, an invalid wire type, an impossible length; then `count` pseudo-random
// byte strings (0 to 256 bytes) from a generator seeded with `seed` and the hook number,
// so every run sends the same bytes.
std::vector<Sample> MalformedRequests(const HookInfo& hook, const std::string& sample,
                                      uint32_t seed, int count);

// `bytes` as hex, cut after 64 bytes, for failure messages.
std::string Hex(const std::string& bytes);

}  // namespace needlework::conformance

#endif  // NEEDLEWORK_SDK_TESTING_SAMPLES_H_
