// therapies, screen.
#include "commands/screening.h"

#include "commands/families.h"
#include "needlework/v1/catalog.grpc.pb.h"
#include "needlework/v1/screening.grpc.pb.h"
#include "session.h"

namespace needlework::ctl {
namespace {

using Args = PatientArgs;

int Therapies(const Args&, Session& session) {
  return session.InvokeAll(&v1::CatalogService::Stub::ListTherapies, "ListTherapies",
                           v1::ListTherapiesRequest(), RenderTherapies);
}

int Screen(const Args& args, Session& session) {
  StatusOr<v1::ScreenRequest> request = BuildScreenRequest(args);
  if (!request.ok()) return session.LocalError(request.status());
  return session.Invoke(&v1::ScreeningService::Stub::Screen, "Screen", *request, RenderScreen);
}

}  // namespace

StatusOr<v1::ScreenRequest> BuildScreenRequest(const PatientArgs& args) {
  v1::ScreenRequest request;
  NW_RETURN_IF_ERROR(FillPatientFields(args, &request));
  return request;
}

std::vector<Command> ScreeningCommands() {
  return {
      MakeCommand<Args>(
          {"therapies", "", "List the base treatment and add-ons the clinic offers",
           "What the clinic of the token (an `emr` token) offers now, from the plugins it has\n"
           "enabled: the base treatment (microneedling) and the add-ons to combine with it\n"
           "(radiofrequency microneedling, PRP serum, growth-factor or HA serums, ...). For each:\n"
           "code, name, kind, minutes (an add-on's are added to the session), what a session\n"
           "with it needs besides the base treatment's, whether completing it records the\n"
           "product's lot, and the plugin that offers it. Then each plugin the clinic enabled "
           "that\n"
           "cannot run now, with the reason. An add-on's code goes to --add-on of screen, plan\n"
           "propose and plan create."},
          {}, Therapies),
      MakeCommand<Args>(
          {"screen",
           "--fhir FILE [--fhir FILE ...] [--concern CODE ...] [--area CODE ...] "
           "[--add-on CODE ...]",
           "Screen a patient from FHIR R4 JSON files",
           "Screens one patient for microneedling at the clinic of the token (an `emr` token).\n"
           "Each --fhir FILE holds one FHIR R4 resource (Patient, Condition, MedicationRequest,\n"
           "MedicationStatement, AllergyIntolerance, Observation) or a Bundle of them.\n"
           "--concern and --area take a code of Needlework's concern and treatment-area code\n"
           "systems (e.g. --concern acne-scars --area face), or SYSTEM|CODE for any other system.\n"
           "--add-on names an add-on therapy planned with the treatment, by its code in\n"
           "Needlework's procedure code system (e.g. --add-on prp-serum; see therapies) or as\n"
           "SYSTEM|CODE; give it once for each add-on.\n"
           "Prints the outcome, the findings (indicator, summary, plugin, evidence codes, the\n"
           "add-on a finding is about), a verdict for each add-on, and how each plugin ran. The\n"
           "outcome is the treatment without add-ons: a blocked add-on leaves plain\n"
           "microneedling on offer. Exits 0 whatever the outcome: the outcome is data, not an\n"
           "error (with --json, read .outcome and .addOns)."},
          {.flags = PatientFlags<Args>(), .required = {"fhir"}}, Screen),
  };
}

}  // namespace needlework::ctl
