// Codings on the command line and on screen: `--concern acne-scars`, `--area face` or
// `SYSTEM|CODE` in; "SNOMED 11381005 (Acne vulgaris)" out.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_CODES_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_CODES_H_

#include <string>
#include <string_view>

#include "needlework/status.h"
#include "needlework/types/v1/clinical.pb.h"

namespace needlework::ctl {

// Parses CODE (a code of `default_system`) or SYSTEM|CODE (FHIR token syntax). Display stays
// empty: matching is on system and code only. INVALID_ARGUMENT, quoting `text`, when the
// system or the code is empty or either holds whitespace or a second '|'.
StatusOr<types::v1::Coding> ParseCoding(std::string_view text, std::string_view default_system);

// A coding for people: Needlework's and the standard code systems by a short name
// ("SNOMED 11381005", "concern acne-scars"), any other as SYSTEM|CODE; the display, when
// set, follows in parentheses.
std::string FormatCoding(const types::v1::Coding& coding);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_CODES_H_
