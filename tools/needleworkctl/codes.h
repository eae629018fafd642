// Codings on the command line and on screen: `--concern acne-scars`, `--area face` or
// `SYSTEM|CODE` in; "SNOMED 11381005 (Acne vulgaris)" out, and add-on therapies as --add-on
// takes them ("prp-serum").
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_CODES_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_CODES_H_

#include <google/protobuf/repeated_ptr_field.h>

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

// An add-on therapy as --add-on takes it: the code alone in the procedure code system (or
// with no system), SYSTEM|CODE in any other.
std::string AddOnCode(const types::v1::Coding& add_on);

// AddOnCode, then the display in parentheses when set: "prp-serum (PRP serum)".
std::string FormatAddOn(const types::v1::Coding& add_on);

// FormatAddOn of each, ", " between; "" for none.
std::string FormatAddOns(const google::protobuf::RepeatedPtrField<types::v1::Coding>& add_ons);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_CODES_H_
