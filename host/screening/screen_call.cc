#include "host/screening/screen_call.h"

#include "host/catalog/add_ons.h"
#include "host/common/time_util.h"
#include "host/screening/merge.h"
#include "host/screening/screening_record.h"

namespace needlework::host {

using needlework::plugin::v1::HOOK_SCREEN;

Status CheckScreeningServed(const ClinicPlugins& plugins, const std::string& clinic_id) {
  if (plugins.BaseServes(HOOK_SCREEN) || !plugins.unavailable.empty()) return OkStatus();
  return FailedPreconditionError("no screening plugin is enabled for clinic '" + clinic_id +
                                 "'; an admin can enable one, e.g. `needleworkctl plugin enable " +
                                 clinic_id + " org.needlework.screening`");
}

needlework::plugin::v1::ScreenRequest PluginScreenRequest(needlework::types::v1::PatientFacts facts,
                                                          const Codings& concerns,
                                                          const Codings& areas,
                                                          const Codings& add_ons) {
  needlework::plugin::v1::ScreenRequest request;
  *request.mutable_patient() = std::move(facts);
  *request.mutable_concerns() = concerns;
  *request.mutable_treatment_areas() = areas;
  *request.mutable_add_ons() = add_ons;
  request.set_as_of_date(FormatDateUtc(NowUnixMicros() / 1000000));
  return request;
}

StatusOr<ScreenedPatient> ScreenAndWait(const PluginCalls& calls, const std::string& clinic_id,
                                        needlework::types::v1::PatientFacts facts,
                                        const Codings& concerns, const Codings& areas,
                                        const Codings& add_ons) {
  auto snapshot = calls.registry.Snapshot(clinic_id);
  NW_RETURN_IF_ERROR(CheckScreeningServed(*snapshot, clinic_id));
  NW_ASSIGN_OR_RETURN(Codings checked, CheckRequestedAddOns(*snapshot, add_ons, "add_ons"));
  ScreenedPatient screened;
  screened.response.set_patient_ref(facts.patient_ref());
  auto request = PluginScreenRequest(std::move(facts), concerns, areas, checked);
  screened.input_digest = ScreeningInputDigest(request);
  auto results = RunHookAndWait(calls, snapshot->ForTreatment(HOOK_SCREEN, checked), HOOK_SCREEN,
                                request.SerializeAsString(), calls.deadlines.For("screen"));
  MergeScreening(results, *snapshot, checked, &screened.response);
  return screened;
}

}  // namespace needlework::host
