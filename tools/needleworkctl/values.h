// The values of needleworkctl's scheduling flags and arguments that are neither dates (see
// dates.h), enum values (enums.h) nor codes (codes.h). Each parser returns the problem
// quoting the text, ready to follow "--flag: ".
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_VALUES_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_VALUES_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "needlework/status.h"
#include "needlework/v1/scheduling.pb.h"

namespace needlework::ctl {

inline constexpr int32_t kMaxSlotResults = 500;   // FindSlotsRequest.max_results' ceiling
inline constexpr int32_t kMaxDueMessages = 1000;  // ListDueMessagesRequest.limit's ceiling
inline constexpr int32_t kMaxPageSize = 1000;     // every List RPC's page_size ceiling
inline constexpr size_t kMaxMessageIds = 1000;    // MarkMessagesSentRequest's ceiling
inline constexpr double kMaxNeedleDepthMm = 10;   // a typo guard (15 for 1.5), not a clinical rule

// A whole number from `min` to `max`, digits only (no sign, no spaces).
StatusOr<int32_t> ParseWholeNumber(std::string_view text, int32_t min, int32_t max);

// A needle depth in millimetres: a decimal number above 0 and at most kMaxNeedleDepthMm.
StatusOr<double> ParseDepth(std::string_view text);

// A product and its lot number from "NAME:LOT", split at the last ':' (a name may hold ':', a
// lot number may not); spaces around either part are dropped and neither may be empty.
StatusOr<v1::ProductUse> ParseProduct(std::string_view text);

// An IANA time zone name as far as its spelling goes ("Europe/London", "UTC",
// "America/Argentina/Buenos_Aires", "Etc/GMT+5"); the host checks the zone exists.
Status CheckTimeZoneName(std::string_view text);

// A BCP 47 language tag as far as its spelling goes: a primary language of 2 or 3 letters,
// then subtags of 1 to 8 letters or digits after '-' ("en", "fr", "pt-BR", "zh-Hant-TW").
Status CheckLanguageTag(std::string_view text);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_VALUES_H_
