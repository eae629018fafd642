// The aftercare commands: aftercare, messages due, messages sent, symptom, symptoms. Their
// arguments, the requests they send and how the answers read; the commands themselves are in
// aftercare.cc.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_AFTERCARE_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_AFTERCARE_H_

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "needlework/types/v1/aftercare.pb.h"
#include "needlework/types/v1/clinical.pb.h"
#include "needlework/v1/aftercare.pb.h"

namespace needlework::ctl {

struct AftercareArgs {
  std::string appointment_id;            // <appointment-id>, symptoms --appointment
  std::string up_to;                     // messages due --up-to, RFC 3339 with an offset
  int32_t limit = 0;                     // messages due --limit; 0: the host's default
  std::vector<std::string> message_ids;  // messages sent <message-id>..., in order
  types::v1::Coding symptom;             // symptom --symptom
  types::v1::SymptomSeverity symptom_severity =
      types::v1::SYMPTOM_SEVERITY_UNSPECIFIED;  // symptom --severity
  std::string note;                             // symptom --note
  std::string language;                         // symptom --language, BCP 47
  std::string patient_ref;                      // symptoms --patient
};

v1::GetAftercarePlanRequest BuildGetAftercarePlanRequest(const AftercareArgs& args);
// up_to and limit stay empty and 0 (now, and the host's default) unless given.
v1::ListDueMessagesRequest BuildListDueMessagesRequest(const AftercareArgs& args);
v1::MarkMessagesSentRequest BuildMarkMessagesSentRequest(const AftercareArgs& args);
v1::ReportSymptomRequest BuildReportSymptomRequest(const AftercareArgs& args);
// The one filter given: --patient or --appointment.
v1::ListSymptomReportsRequest BuildListSymptomReportsRequest(const AftercareArgs& args);

// The aftercare plan: appointment and patient, then tables of its instructions (id, from,
// until or until_text, text), expected effects (id, normal course, text) and messages (id,
// status, when, kind, text), then the plugin runs. Times in the clinic's local time.
void RenderAftercarePlan(const v1::AftercarePlan& plan, std::ostream& out);

// A table of due messages: id, when, recipient, about, kind, and the text shortened to
// kDueTextColumns.
inline constexpr size_t kDueTextColumns = 48;
void RenderDueMessages(const v1::ListDueMessagesResponse& response, std::ostream& out);

// Which messages this call marked sent, and which were marked before.
void RenderMarkedSent(const v1::MarkMessagesSentResponse& response, std::ostream& out);

// The triage level first ("Triage: URGENT"), then the advice, symptom, severity, days since
// the session and the rest of the report, then the plugin runs.
void RenderSymptomReport(const v1::SymptomReport& report, std::ostream& out);

// A table of symptom reports: id, reported, appointment, patient, symptom, severity, days,
// level, and the advice shortened to kAdviceColumns.
inline constexpr size_t kAdviceColumns = 40;
void RenderSymptomReports(const v1::ListSymptomReportsResponse& response, std::ostream& out);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_AFTERCARE_H_
