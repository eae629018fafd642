#include "host/fhir/codes.h"

namespace needlework::fhir::internal {
namespace {

// Appends `coding` (at `path`) to `codings` when it has both a system and a code.
Status ReadCoding(const Json& coding, const std::string& path, Codings* codings) {
  if (!coding.is_object()) return WrongType(path, "an object", coding);
  NW_ASSIGN_OR_RETURN(std::string system, StringField(coding, "system", path));
  NW_ASSIGN_OR_RETURN(std::string code, StringField(coding, "code", path));
  NW_ASSIGN_OR_RETURN(std::string display, StringField(coding, "display", path));
  if (system.empty() || code.empty()) return OkStatus();
  types::v1::Coding* out = codings->Add();
  out->set_system(std::move(system));
  out->set_code(std::move(code));
  out->set_display(std::move(display));
  return OkStatus();
}

}  // namespace

Status ReadConcept(const Json& codeable, std::string_view path, Codings* codings,
                   std::string* text) {
  if (!codeable.is_object()) return WrongType(path, "an object", codeable);
  NW_ASSIGN_OR_RETURN(const Json* coding_array, ArrayField(codeable, "coding", path));
  if (coding_array != nullptr) {
    const std::string coding_path = FieldPath(path, "coding");
    for (size_t i = 0; i < coding_array->size(); ++i) {
      NW_RETURN_IF_ERROR(ReadCoding((*coding_array)[i], IndexPath(coding_path, i), codings));
    }
  }
  NW_ASSIGN_OR_RETURN(std::string codeable_text, StringField(codeable, "text", path));
  if (text != nullptr) *text = std::move(codeable_text);
  return OkStatus();
}

Status ReadConceptField(const Json& object, std::string_view key, std::string_view path,
                        Codings* codings, std::string* text) {
  NW_ASSIGN_OR_RETURN(const Json* codeable, ObjectField(object, key, path));
  if (codeable == nullptr) return OkStatus();
  return ReadConcept(*codeable, FieldPath(path, key), codings, text);
}

StatusOr<StatusField> ReadStatusConcept(const Json& resource, std::string_view key,
                                        std::string_view system) {
  NW_ASSIGN_OR_RETURN(const Json* codeable, ObjectField(resource, key, ""));
  if (codeable == nullptr) return StatusField{};
  const std::string codeable_path(key);
  NW_ASSIGN_OR_RETURN(const Json* codings, ArrayField(*codeable, "coding", codeable_path));
  if (codings == nullptr) return StatusField{};
  for (size_t i = 0; i < codings->size(); ++i) {
    const std::string path = IndexPath(codeable_path + ".coding", i);
    const Json& coding = (*codings)[i];
    if (!coding.is_object()) return WrongType(path, "an object", coding);
    NW_ASSIGN_OR_RETURN(std::string coding_system, StringField(coding, "system", path));
    if (!coding_system.empty() && coding_system != system) continue;
    NW_ASSIGN_OR_RETURN(std::string code, StringField(coding, "code", path));
    if (!code.empty()) return StatusField{std::move(code), FieldPath(path, "code")};
  }
  return StatusField{};
}

StatusOr<StatusField> ReadStatusCode(const Json& resource, std::string_view key) {
  NW_ASSIGN_OR_RETURN(std::string code, StringField(resource, key, ""));
  return StatusField{std::move(code), std::string(key)};
}

}  // namespace needlework::fhir::internal
