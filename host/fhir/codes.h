// FHIR CodeableConcept -> Codings, and FHIR status codes -> the proto's status enums.
// Internal to host/fhir.
#ifndef NEEDLEWORK_HOST_FHIR_CODES_H_
#define NEEDLEWORK_HOST_FHIR_CODES_H_

#include <google/protobuf/repeated_ptr_field.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "host/fhir/json_fields.h"
#include "needlework/types/v1/clinical.pb.h"

namespace needlework::fhir::internal {

using Codings = google::protobuf::RepeatedPtrField<types::v1::Coding>;

// Reads the CodeableConcept `codeable` found at `path`: appends each coding that has both a
// system and a code to `codings`, and sets `*text` (when not null) to its text.
Status ReadConcept(const Json& codeable, std::string_view path, Codings* codings,
                   std::string* text);
// Same for the optional field `key` of `object` (at `path`); absent leaves both untouched.
Status ReadConceptField(const Json& object, std::string_view key, std::string_view path,
                        Codings* codings, std::string* text);

// A code of a FHIR status value set and where it was read, for error messages.
struct StatusField {
  std::string code;  // empty when the field is absent
  std::string path;  // e.g. "clinicalStatus.coding[0].code"
};
// The code of the first coding of CodeableConcept field `key` whose system is `system` or
// unset. Codings from other code systems are skipped; none found reads as absent.
StatusOr<StatusField> ReadStatusConcept(const Json& resource, std::string_view key,
                                        std::string_view system);
// The code of the plain `code` field `key` (e.g. MedicationRequest.status).
StatusOr<StatusField> ReadStatusCode(const Json& resource, std::string_view key);

// One FHIR code and the enum value it maps to.
template <typename Enum>
using CodeTable = std::initializer_list<std::pair<std::string_view, Enum>>;

// The enum value of `status.code` in `table`; `absent` when the code is empty; otherwise
// INVALID_ARGUMENT `<path> "<code>" is not a FHIR <value_set> code (<the codes>)`.
template <typename Enum>
StatusOr<Enum> MapStatus(const StatusField& status, CodeTable<Enum> table, Enum absent,
                         std::string_view value_set) {
  if (status.code.empty()) return absent;
  std::string known;
  for (const auto& [code, value] : table) {
    if (code == status.code) return value;
    known.append(known.empty() ? "" : ", ").append(code);
  }
  return InvalidArgumentError(status.path + " \"" + status.code + "\" is not a FHIR " +
                              std::string(value_set) + " code (" + known + ")");
}

}  // namespace needlework::fhir::internal

#endif  // NEEDLEWORK_HOST_FHIR_CODES_H_
