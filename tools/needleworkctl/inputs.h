// Local files of needleworkctl: config JSON (inline or @FILE), FHIR files and plan proposals
// in; an exported calendar out. Input is read and checked before any call, so a typo costs
// no round trip and names the file.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_INPUTS_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_INPUTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "needlework/status.h"
#include "needlework/types/v1/scheduling.pb.h"
#include "needlework/v1/common.pb.h"

namespace needlework::ctl {

// The whole content of the file at `path`. INVALID_ARGUMENT naming the path and the reason
// ("No such file or directory", "is a directory", ...) when it cannot be read.
StatusOr<std::string> ReadFile(const std::string& path);

// The text of a --config value: `arg` itself, or the content of FILE for "@FILE". Checks it is
// one JSON object (what the host expects); INVALID_ARGUMENT naming FILE otherwise.
StatusOr<std::string> ResolveConfig(std::string_view arg);

// One entry per file of `paths`, in order, each the file's text. Checks each is a JSON object
// with a "resourceType" (a FHIR resource or Bundle); INVALID_ARGUMENT naming the file if not.
// The host does the FHIR validation proper.
StatusOr<v1::FhirResources> ReadFhirFiles(const std::vector<std::string>& paths);

// The series in the JSON file at `path` (proto3 JSON mapping): the output of `plan propose
// --json` (a ProposePlanResponse), of `plan show --json` (a Plan), or a bare SeriesPlan, told
// apart by their keys. INVALID_ARGUMENT naming the file when it cannot be read, is none of
// them (unknown fields included), or holds a series of no sessions.
StatusOr<types::v1::SeriesPlan> ReadSeriesPlan(const std::string& path);

// Writes `content` to the file at `path`, replacing it. INVALID_ARGUMENT naming the path and
// the reason when it cannot be written.
Status WriteFile(const std::string& path, std::string_view content);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_INPUTS_H_
