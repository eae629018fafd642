#include "host/fhir/bundle_input.h"

#include <algorithm>
#include <optional>
#include <string_view>

namespace needlework::fhir::internal {
namespace {

// Parses `text`. The one place where an nlohmann::json exception is caught: the throwing
// parser is the only form that says what is wrong and where, which the sender needs.
StatusOr<Json> ParseJson(const std::string& text) {
  try {
    return Json::parse(text);
  } catch (const Json::exception& error) {
    std::string message = error.what();  // "[json.exception.parse_error.101] parse error..."
    if (auto end = message.find("] "); message.front() == '[' && end != std::string::npos) {
      message.erase(0, end + 2);
    }
    return InvalidArgumentError("not valid JSON: " + message);
  }
}

// The deepest nesting of arrays and objects in `text`, found without parsing it, so that
// pathological input is refused before it costs memory. Brackets inside strings don't count.
size_t NestingDepth(std::string_view text) {
  size_t depth = 0;
  size_t deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;  // skips the escaped character
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

// "resources[1]", "resources[1] (Bundle entry 4, Condition/abc)", "resources[0] (Patient)".
std::string Where(size_t index, std::optional<size_t> entry, const Json& resource) {
  std::string details;
  if (entry.has_value()) details = "Bundle entry " + std::to_string(*entry);
  auto type = resource.is_object() ? resource.find("resourceType") : resource.end();
  if (type != resource.end() && type->is_string()) {
    if (!details.empty()) details += ", ";
    details += type->get<std::string>();
    auto id = resource.find("id");
    if (id != resource.end() && id->is_string()) details += "/" + id->get<std::string>();
  }
  std::string where = IndexPath("resources", index);
  return details.empty() ? where : where + " (" + details + ")";
}

// The resourceType of `resource`, which must be a JSON object naming one.
StatusOr<std::string> ResourceType(const Json& resource) {
  if (!resource.is_object()) return WrongType("", "a JSON object (a FHIR resource)", resource);
  NW_ASSIGN_OR_RETURN(std::string type, StringField(resource, "resourceType", ""));
  if (type.empty()) {
    return InvalidArgumentError("resourceType is missing; every FHIR resource names its type");
  }
  return type;
}

Status TooMany(const NormalizeOptions& options) {
  return InvalidArgumentError("too many resources: at most " +
                              std::to_string(options.max_resources) +
                              " per request, counting each Bundle entry");
}

// Appends `resource` (labelled `where`), refusing a nested Bundle and too many resources.
Status Append(Json resource, std::string where, std::string full_url,
              const NormalizeOptions& options, std::vector<InputResource>* out) {
  StatusOr<std::string> type = ResourceType(resource);
  if (!type.ok()) return type.status().WithPrefix(where);
  if (*type == "Bundle") {
    return InvalidArgumentError(where + ": a Bundle inside a Bundle is not supported");
  }
  if (out->size() >= options.max_resources) return TooMany(options);
  out->push_back({std::move(resource), std::move(*type), std::move(where), std::move(full_url)});
  return OkStatus();
}

// Whether `json` is a Bundle.
bool IsBundle(const Json& json) {
  if (!json.is_object()) return false;
  auto type = json.find("resourceType");
  return type != json.end() && *type == "Bundle";
}

// Appends the resource of `entry`, entry `entry_index` of the Bundle that is input `index`.
Status AppendEntry(Json& entry, size_t index, size_t entry_index, const NormalizeOptions& options,
                   std::vector<InputResource>* out) {
  const std::string where = Where(index, entry_index, Json());
  if (!entry.is_object()) return WrongType("", "an object", entry).WithPrefix(where);
  StatusOr<std::string> full_url = StringField(entry, "fullUrl", "");
  if (!full_url.ok()) return full_url.status().WithPrefix(where);
  auto resource = entry.find("resource");
  if (resource == entry.end() || resource->is_null()) return OkStatus();  // e.g. a DELETE
  std::string label = Where(index, entry_index, *resource);
  return Append(std::move(*resource), std::move(label), std::move(*full_url), options, out);
}

// Appends the resources of the entries of `bundle`, the index-th input string.
Status AppendBundle(Json bundle, size_t index, const NormalizeOptions& options,
                    std::vector<InputResource>* out) {
  StatusOr<const Json*> entries = ArrayField(bundle, "entry", "");
  if (!entries.ok()) return entries.status().WithPrefix(Where(index, std::nullopt, bundle));
  if (*entries == nullptr) return OkStatus();
  Json& entry_array = *bundle.find("entry");
  for (size_t i = 0; i < entry_array.size(); ++i) {
    NW_RETURN_IF_ERROR(AppendEntry(entry_array[i], index, i, options, out));
  }
  return OkStatus();
}

// Parses the index-th input string and appends its resources.
Status AppendInput(const std::string& text, size_t index, const NormalizeOptions& options,
                   std::vector<InputResource>* out) {
  const std::string where = IndexPath("resources", index);
  if (text.size() > options.max_resource_bytes) {
    return InvalidArgumentError(
        where + ": " + std::to_string(text.size()) + " bytes is over the limit of " +
        std::to_string(options.max_resource_bytes) + " bytes for one resource or Bundle");
  }
  if (NestingDepth(text) > options.max_depth) {
    return InvalidArgumentError(where + ": JSON nested deeper than " +
                                std::to_string(options.max_depth) + " levels");
  }
  StatusOr<Json> json = ParseJson(text);
  if (!json.ok()) return json.status().WithPrefix(where);
  if (IsBundle(*json)) return AppendBundle(std::move(*json), index, options, out);
  std::string label = Where(index, std::nullopt, *json);
  return Append(std::move(*json), std::move(label), "", options, out);
}

}  // namespace

StatusOr<std::vector<InputResource>> ReadInput(const std::vector<std::string>& resources_json,
                                               const NormalizeOptions& options) {
  if (resources_json.size() > options.max_resources) return TooMany(options);
  std::vector<InputResource> resources;
  for (size_t i = 0; i < resources_json.size(); ++i) {
    NW_RETURN_IF_ERROR(AppendInput(resources_json[i], i, options, &resources));
  }
  return resources;
}

}  // namespace needlework::fhir::internal
