#include "inputs.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace needlework::ctl {
namespace {

// `text` parsed as one JSON object; `what` names it in the error ("--config", "'a.json'").
StatusOr<google::protobuf::Struct> ParseJsonObject(const std::string& text, std::string_view what) {
  google::protobuf::Struct object;
  auto status = google::protobuf::util::JsonStringToMessage(text, &object);
  if (!status.ok()) {
    return InvalidArgumentError(std::string(what) +
                                " is not a JSON object: " + status.message().ToString());
  }
  return object;
}

}  // namespace

StatusOr<std::string> ReadFile(const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return InvalidArgumentError("cannot read '" + path + "': it is a directory");
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const char* reason = errno != 0 ? std::strerror(errno) : "cannot open";
    return InvalidArgumentError("cannot read '" + path + "': " + reason);
  }
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return InvalidArgumentError("cannot read '" + path + "': read error");
  return content.str();
}

StatusOr<std::string> ResolveConfig(std::string_view arg) {
  if (!arg.starts_with('@')) {
    NW_RETURN_IF_ERROR(ParseJsonObject(std::string(arg), "--config").status());
    return std::string(arg);
  }
  std::string path(arg.substr(1));
  NW_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  NW_RETURN_IF_ERROR(ParseJsonObject(text, "config file '" + path + "'").status());
  return text;
}

StatusOr<v1::FhirResources> ReadFhirFiles(const std::vector<std::string>& paths) {
  v1::FhirResources resources;
  for (const std::string& path : paths) {
    NW_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
    std::string what = "FHIR file '" + path + "'";
    NW_ASSIGN_OR_RETURN(google::protobuf::Struct object, ParseJsonObject(text, what));
    auto type = object.fields().find("resourceType");
    if (type == object.fields().end() || type->second.string_value().empty()) {
      return InvalidArgumentError(what + " has no resourceType: not a FHIR resource or Bundle");
    }
    resources.add_resources(std::move(text));
  }
  return resources;
}

}  // namespace needlework::ctl
