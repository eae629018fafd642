#include "checks.h"

#include <algorithm>
#include <string>

#include "dates.h"
#include "hours.h"
#include "needlework/code_systems.h"
#include "values.h"

namespace needlework::ctl {

Status FinishResourceAdd(Command* command) {
  bool device = command->resource_type == types::v1::RESOURCE_TYPE_DEVICE;
  if (device && command->device_kind.empty()) {
    return InvalidArgumentError(
        "--type device needs --kind, the kind a plan asks for (e.g. microneedling-pen)");
  }
  if (!device && !command->device_kind.empty()) {
    return InvalidArgumentError("--kind goes with --type device only");
  }
  return OkStatus();
}

Status FinishHoursSet(Command* command) {
  NW_ASSIGN_OR_RETURN(command->opening_spans, ParseOpeningHours(command->hours_specs));
  return OkStatus();
}

Status FinishPlanCreate(Command* command) {
  bool from_file = !command->proposal_file.empty();
  bool propose = !command->fhir_files.empty();
  if (from_file && propose) {
    return InvalidArgumentError(
        "--from-proposal and --fhir do not go together: the plan comes from the file or from a "
        "new proposal");
  }
  if (!from_file && !propose) {
    return InvalidArgumentError(
        "missing --from-proposal FILE, or --fhir FILE to propose a plan first");
  }
  bool proposal_flags = !command->concerns.empty() || !command->areas.empty() ||
                        command->severity != types::v1::SEVERITY_UNSPECIFIED;
  if (from_file && proposal_flags) {
    return InvalidArgumentError(
        "--concern, --area and --severity go with --fhir (a new proposal), not with "
        "--from-proposal");
  }
  if (from_file && !command->add_ons.empty()) {
    return InvalidArgumentError(
        "--add-on goes with --fhir (a new proposal), not with --from-proposal: the proposal's "
        "plan carries its add-ons");
  }
  return OkStatus();
}

Status FinishSlots(Command* command) {
  auto from = ParseDate(command->from_date);
  auto to = ParseDate(command->to_date);
  if (!from || !to) return OkStatus();  // required flags, checked before
  int days = DaysBetween(*from, *to);
  if (days < 0) {
    return InvalidArgumentError("--to " + command->to_date + " is before --from " +
                                command->from_date);
  }
  if (days > kMaxSlotWindowDays) {
    return InvalidArgumentError("--to is " + std::to_string(days) + " days after --from: at most " +
                                std::to_string(kMaxSlotWindowDays));
  }
  return OkStatus();
}

Status FinishBooking(Command* command) {
  const std::vector<std::string>& devices = command->device_ids;
  for (auto device = devices.begin(); device != devices.end(); ++device) {
    if (std::find(devices.begin(), device, *device) != device) {
      return InvalidArgumentError("--device " + *device + " given twice");
    }
  }
  return OkStatus();
}

Status FinishAppointments(Command* command) {
  int filters = static_cast<int>(!command->patient_ref.empty()) +
                static_cast<int>(!command->day.empty()) +
                static_cast<int>(!command->resource_id.empty());
  if (filters == 0) return InvalidArgumentError("missing --patient, --day or --resource");
  if (filters > 1) {
    return InvalidArgumentError("--patient, --day and --resource do not go together: give one");
  }
  return OkStatus();
}

Status FinishComplete(Command* command) {
  for (const types::v1::Coding& area : command->areas) {
    if (area.system() != code_systems::kTreatmentArea) {
      return InvalidArgumentError("--area: '" + area.system() + "|" + area.code() +
                                  "': complete records Needlework's treatment-area codes (e.g. "
                                  "face), not SYSTEM|CODE");
    }
  }
  return OkStatus();
}

Status FinishCalendar(Command* command) {
  if (!command->output_file.empty() && command->options.json) {
    return InvalidArgumentError(
        "--output and --json do not go together: --output writes the iCalendar text itself");
  }
  return OkStatus();
}

Status FinishMessagesSent(Command* command) {
  const std::vector<std::string>& ids = command->message_ids;
  if (ids.size() > kMaxMessageIds) {
    return InvalidArgumentError(std::to_string(ids.size()) + " message ids: at most " +
                                std::to_string(kMaxMessageIds) + " at once");
  }
  for (auto id = ids.begin(); id != ids.end(); ++id) {
    if (std::find(ids.begin(), id, *id) != id) {
      return InvalidArgumentError("<message-id> " + *id + " given twice");
    }
  }
  return OkStatus();
}

Status FinishSymptoms(Command* command) {
  bool patient = !command->patient_ref.empty();
  bool appointment = !command->appointment_id.empty();
  if (!patient && !appointment) return InvalidArgumentError("missing --patient or --appointment");
  if (patient && appointment) {
    return InvalidArgumentError("--patient and --appointment do not go together: give one");
  }
  return OkStatus();
}

}  // namespace needlework::ctl
