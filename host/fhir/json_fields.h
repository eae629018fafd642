// Typed, non-throwing reads of fields of a FHIR JSON object. Every error names the FHIR path
// of the field, e.g. `code.coding[0].system: expected a string, got number`.
// Internal to host/fhir.
#ifndef NEEDLEWORK_HOST_FHIR_JSON_FIELDS_H_
#define NEEDLEWORK_HOST_FHIR_JSON_FIELDS_H_

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "needlework/status.h"

namespace needlework::fhir::internal {

using Json = nlohmann::json;

// "parent.key", or "key" when parent is empty.
std::string FieldPath(std::string_view parent, std::string_view key);
// "parent[index]".
std::string IndexPath(std::string_view parent, size_t index);
// "object", "array", "string", "number", "boolean" or "null".
std::string_view JsonTypeName(const Json& value);
// INVALID_ARGUMENT "<path>: expected <wanted>, got <type of value>" ("expected ..." when
// path is empty).
Status WrongType(std::string_view path, std::string_view wanted, const Json& value);

// In all readers, `object` must be a JSON object and `path` is its own FHIR path ("" for the
// resource itself). A missing field, or a JSON null, reads as absent.

// The field as an object, or nullptr when absent. The pointer points into `object`.
StatusOr<const Json*> ObjectField(const Json& object, std::string_view key, std::string_view path);
// The field as an array, or nullptr when absent. The pointer points into `object`.
StatusOr<const Json*> ArrayField(const Json& object, std::string_view key, std::string_view path);
// The field as a string, or "" when absent.
StatusOr<std::string> StringField(const Json& object, std::string_view key, std::string_view path);
// The field as a number, or nullopt when absent.
StatusOr<std::optional<double>> NumberField(const Json& object, std::string_view key,
                                            std::string_view path);

}  // namespace needlework::fhir::internal

#endif  // NEEDLEWORK_HOST_FHIR_JSON_FIELDS_H_
