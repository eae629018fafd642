// FHIR dateTime, instant and Period fields, and their choice types (onset[x], effective[x],
// performed[x], ...), read into the facts' Period. Values are kept as given. Internal to
// host/fhir.
#ifndef NEEDLEWORK_HOST_FHIR_DATES_H_
#define NEEDLEWORK_HOST_FHIR_DATES_H_

#include <string_view>

#include "host/fhir/json_fields.h"
#include "needlework/types/v1/clinical.pb.h"

namespace needlework::fhir::internal {

// The optional Period field `key` of `object` (at `path`): its start and end; absent reads
// as an empty Period.
StatusOr<types::v1::Period> ReadPeriod(const Json& object, std::string_view key,
                                       std::string_view path);

// The choice `<prefix>[x]` of `resource` in its dateTime, instant or Period form: a
// dateTime or instant fills both start and end; a Period gives its own; none, or another
// form (Age, Range, string, ...), reads as an empty Period.
StatusOr<types::v1::Period> ReadTimeChoice(const Json& resource, std::string_view prefix);

}  // namespace needlework::fhir::internal

#endif  // NEEDLEWORK_HOST_FHIR_DATES_H_
