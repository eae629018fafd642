#include "host/fhir/json_fields.h"

namespace needlework::fhir::internal {
namespace {

// The field, or nullptr when it is absent or null.
const Json* Find(const Json& object, std::string_view key) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return nullptr;
  return &*it;
}

}  // namespace

std::string FieldPath(std::string_view parent, std::string_view key) {
  if (parent.empty()) return std::string(key);
  std::string path(parent);
  path.append(".").append(key);
  return path;
}

std::string IndexPath(std::string_view parent, size_t index) {
  return std::string(parent) + "[" + std::to_string(index) + "]";
}

std::string_view JsonTypeName(const Json& value) {
  switch (value.type()) {
    case Json::value_t::object:
      return "object";
    case Json::value_t::array:
      return "array";
    case Json::value_t::string:
      return "string";
    case Json::value_t::boolean:
      return "boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return "number";
    default:
      return "null";
  }
}

Status WrongType(std::string_view path, std::string_view wanted, const Json& value) {
  std::string message =
      "expected " + std::string(wanted) + ", got " + std::string(JsonTypeName(value));
  return InvalidArgumentError(path.empty() ? message : std::string(path) + ": " + message);
}

StatusOr<const Json*> ObjectField(const Json& object, std::string_view key, std::string_view path) {
  const Json* field = Find(object, key);
  if (field == nullptr || field->is_object()) return field;
  return WrongType(FieldPath(path, key), "an object", *field);
}

StatusOr<const Json*> ArrayField(const Json& object, std::string_view key, std::string_view path) {
  const Json* field = Find(object, key);
  if (field == nullptr || field->is_array()) return field;
  return WrongType(FieldPath(path, key), "an array", *field);
}

StatusOr<std::string> StringField(const Json& object, std::string_view key, std::string_view path) {
  const Json* field = Find(object, key);
  if (field == nullptr) return std::string();
  if (!field->is_string()) return WrongType(FieldPath(path, key), "a string", *field);
  return field->get_ref<const std::string&>();
}

StatusOr<std::optional<double>> NumberField(const Json& object, std::string_view key,
                                            std::string_view path) {
  const Json* field = Find(object, key);
  if (field == nullptr) return std::optional<double>();
  if (!field->is_number()) return WrongType(FieldPath(path, key), "a number", *field);
  return std::optional<double>(field->get<double>());
}

}  // namespace needlework::fhir::internal
