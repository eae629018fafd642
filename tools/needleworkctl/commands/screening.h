// The catalog and screening commands: therapies, screen. Their arguments, the request screen
// sends and how the answers read; the commands themselves are in screening.cc. The patient
// fields (--fhir, --concern, --area, --add-on) are shared with plan propose and plan create.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_SCREENING_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_SCREENING_H_

#include <ostream>
#include <string>
#include <vector>

#include "inputs.h"
#include "needlework/code_systems.h"
#include "needlework/status.h"
#include "needlework/types/v1/clinical.pb.h"
#include "needlework/v1/catalog.pb.h"
#include "needlework/v1/screening.pb.h"
#include "setters.h"
#include "syntax.h"

namespace needlework::ctl {

struct PatientArgs {
  std::vector<std::string> fhir_files;      // --fhir
  std::vector<types::v1::Coding> concerns;  // --concern
  std::vector<types::v1::Coding> areas;     // --area
  std::vector<types::v1::Coding> add_ons;   // --add-on: therapy codes, none twice
};

// --fhir, --concern, --area and --add-on of an Args with the fields of PatientArgs.
template <typename Args>
std::vector<Flag<Args>> PatientFlags() {
  return {{"fhir", FlagKind::kValues, AddText<&Args::fhir_files>},
          {"concern", FlagKind::kValues, AddCoding<&Args::concerns, &code_systems::kConcern>},
          {"area", FlagKind::kValues, AddCoding<&Args::areas, &code_systems::kTreatmentArea>},
          {"add-on", FlagKind::kValues, AddAddOn<&Args::add_ons>}};
}

// What ScreenRequest and ProposePlanRequest share: the FHIR files as `fhir`, the concerns,
// areas and add-ons. Errors: those of ReadFhirFiles.
template <typename Args, typename Request>
Status FillPatientFields(const Args& args, Request* request) {
  NW_ASSIGN_OR_RETURN(*request->mutable_fhir(), ReadFhirFiles(args.fhir_files));
  request->mutable_concerns()->Add(args.concerns.begin(), args.concerns.end());
  request->mutable_treatment_areas()->Add(args.areas.begin(), args.areas.end());
  request->mutable_add_ons()->Add(args.add_ons.begin(), args.add_ons.end());
  return OkStatus();
}

// The patient fields. Errors: those of ReadFhirFiles.
StatusOr<v1::ScreenRequest> BuildScreenRequest(const PatientArgs& args);

// A table of the therapies the clinic offers (code, name, kind, minutes, needs, lot recorded,
// plugin), then each plugin that cannot run with the reason.
void RenderTherapies(const v1::ListTherapiesResponse& response, std::ostream& out);

// The outcome, then each finding (indicator, summary, outcome, the add-on it is about,
// plugin, rule, evidence, detail), then one line per add-on verdict ("PRP serum: CONTRAINDICATED
// — PRP contraindicated: apixaban"), then a table of plugin runs.
void RenderScreen(const v1::ScreenResponse& response, std::ostream& out);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_SCREENING_H_
