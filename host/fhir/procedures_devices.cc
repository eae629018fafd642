// Procedure (what was done to the patient, and when) and Device (e.g. an implant).
#include "host/fhir/codes.h"
#include "host/fhir/converters.h"
#include "host/fhir/dates.h"

namespace needlework::fhir::internal {
namespace {

// A Procedure's status, and whether it was entered in error (then it is dropped).
struct ProcedureState {
  types::v1::ProcedureStatus status = types::v1::PROCEDURE_STATUS_UNSPECIFIED;
  bool retracted = false;
};

// The text naming a Device when type.text is empty: its first deviceName.name.
StatusOr<std::string> FirstDeviceName(const Json& resource) {
  NW_ASSIGN_OR_RETURN(const Json* names, ArrayField(resource, "deviceName", ""));
  if (names == nullptr || names->empty()) return std::string();
  const Json& first = names->front();
  if (!first.is_object()) return WrongType("deviceName[0]", "an object", first);
  return StringField(first, "name", "deviceName[0]");
}

}  // namespace

Status ConvertProcedure(const Json& resource, types::v1::PatientFacts* facts) {
  NW_ASSIGN_OR_RETURN(StatusField status_code, ReadStatusCode(resource, "status"));
  NW_ASSIGN_OR_RETURN(ProcedureState state,
                      MapStatus<ProcedureState>(
                          status_code,
                          {{"preparation", {types::v1::PROCEDURE_STATUS_PREPARATION}},
                           {"in-progress", {types::v1::PROCEDURE_STATUS_IN_PROGRESS}},
                           {"not-done", {types::v1::PROCEDURE_STATUS_NOT_DONE}},
                           {"on-hold", {types::v1::PROCEDURE_STATUS_ON_HOLD}},
                           {"stopped", {types::v1::PROCEDURE_STATUS_STOPPED}},
                           {"completed", {types::v1::PROCEDURE_STATUS_COMPLETED}},
                           {"entered-in-error", {types::v1::PROCEDURE_STATUS_UNSPECIFIED, true}},
                           {"unknown", {types::v1::PROCEDURE_STATUS_UNKNOWN}}},
                          {}, "event-status"));
  types::v1::Procedure procedure;
  procedure.set_status(state.status);
  NW_RETURN_IF_ERROR(
      ReadConceptField(resource, "code", "", procedure.mutable_codes(), procedure.mutable_text()));
  NW_ASSIGN_OR_RETURN(types::v1::Period performed, ReadTimeChoice(resource, "performed"));
  if (!performed.start().empty() || !performed.end().empty()) {
    *procedure.mutable_performed() = std::move(performed);
  }
  NW_ASSIGN_OR_RETURN(*procedure.mutable_source_ref(), SourceRef(resource));
  if (!state.retracted) *facts->add_procedures() = std::move(procedure);
  return OkStatus();
}

Status ConvertDevice(const Json& resource, types::v1::PatientFacts* facts) {
  NW_ASSIGN_OR_RETURN(StatusField status_code, ReadStatusCode(resource, "status"));
  NW_ASSIGN_OR_RETURN(types::v1::DeviceStatus status,
                      MapStatus(status_code,
                                {{"active", types::v1::DEVICE_STATUS_ACTIVE},
                                 {"inactive", types::v1::DEVICE_STATUS_INACTIVE},
                                 {"entered-in-error", types::v1::DEVICE_STATUS_UNSPECIFIED},
                                 {"unknown", types::v1::DEVICE_STATUS_UNKNOWN}},
                                types::v1::DEVICE_STATUS_UNSPECIFIED, "device-status"));
  types::v1::Device device;
  device.set_status(status);
  NW_RETURN_IF_ERROR(
      ReadConceptField(resource, "type", "", device.mutable_codes(), device.mutable_text()));
  if (device.text().empty()) {
    NW_ASSIGN_OR_RETURN(*device.mutable_text(), FirstDeviceName(resource));
  }
  NW_ASSIGN_OR_RETURN(*device.mutable_source_ref(), SourceRef(resource));
  if (status_code.code != "entered-in-error") *facts->add_devices() = std::move(device);
  return OkStatus();
}

}  // namespace needlework::fhir::internal
