#include "inputs.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "needlework/v1/planning.pb.h"

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

// `text` parsed strictly as a `T`; `what` names the file and `kind` the shape expected.
template <typename T>
StatusOr<T> ParseAs(const std::string& text, std::string_view what, std::string_view kind) {
  T message;
  auto status = google::protobuf::util::JsonStringToMessage(text, &message);
  if (!status.ok()) {
    return InvalidArgumentError(std::string(what) + " is not " + std::string(kind) + ": " +
                                status.message().ToString());
  }
  return message;
}

// The series of a proposal file, read as the shape its keys name.
StatusOr<types::v1::SeriesPlan> SeriesOf(const std::string& text,
                                         const google::protobuf::Struct& object,
                                         std::string_view what) {
  const auto& fields = object.fields();
  if (fields.contains("planId") || fields.contains("plan_id")) {
    NW_ASSIGN_OR_RETURN(v1::Plan plan, ParseAs<v1::Plan>(text, what, "a plan (plan show --json)"));
    return plan.plan();
  }
  if (fields.contains("plan") || fields.contains("pluginRuns") || fields.contains("plugin_runs")) {
    NW_ASSIGN_OR_RETURN(
        v1::ProposePlanResponse proposal,
        ParseAs<v1::ProposePlanResponse>(text, what, "a proposal (plan propose --json)"));
    return proposal.plan();
  }
  return ParseAs<types::v1::SeriesPlan>(text, what, "a SeriesPlan in JSON");
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

StatusOr<types::v1::SeriesPlan> ReadSeriesPlan(const std::string& path) {
  NW_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  std::string what = "proposal file '" + path + "'";
  NW_ASSIGN_OR_RETURN(google::protobuf::Struct object, ParseJsonObject(text, what));
  NW_ASSIGN_OR_RETURN(types::v1::SeriesPlan plan, SeriesOf(text, object, what));
  if (plan.session_count() <= 0) {
    return InvalidArgumentError(what + " holds no plan: its sessionCount is " +
                                std::to_string(plan.session_count()));
  }
  return plan;
}

Status WriteFile(const std::string& path, std::string_view content) {
  errno = 0;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    const char* reason = errno != 0 ? std::strerror(errno) : "cannot open";
    return InvalidArgumentError("cannot write '" + path + "': " + reason);
  }
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) return InvalidArgumentError("cannot write '" + path + "': write error");
  return OkStatus();
}

}  // namespace needlework::ctl
