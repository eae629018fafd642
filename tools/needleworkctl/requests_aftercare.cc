// Requests of AftercareService (requests.h).
#include "requests.h"

namespace needlework::ctl {

v1::GetAftercarePlanRequest BuildGetAftercarePlanRequest(const Command& command) {
  v1::GetAftercarePlanRequest request;
  request.set_appointment_id(command.appointment_id);
  return request;
}

v1::ListDueMessagesRequest BuildListDueMessagesRequest(const Command& command) {
  v1::ListDueMessagesRequest request;
  request.set_up_to(command.up_to);
  request.set_limit(command.limit);
  return request;
}

v1::MarkMessagesSentRequest BuildMarkMessagesSentRequest(const Command& command) {
  v1::MarkMessagesSentRequest request;
  for (const std::string& id : command.message_ids) request.add_message_ids(id);
  return request;
}

v1::ReportSymptomRequest BuildReportSymptomRequest(const Command& command) {
  v1::ReportSymptomRequest request;
  request.set_appointment_id(command.appointment_id);
  *request.mutable_symptom() = command.symptom;
  request.set_severity(command.symptom_severity);
  request.set_note(command.note);
  request.set_language(command.language);
  return request;
}

v1::ListSymptomReportsRequest BuildListSymptomReportsRequest(const Command& command) {
  v1::ListSymptomReportsRequest request;
  if (!command.patient_ref.empty()) {
    request.set_patient_ref(command.patient_ref);
  } else {
    request.set_appointment_id(command.appointment_id);
  }
  return request;
}

}  // namespace needlework::ctl
