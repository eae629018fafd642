// Enum values on the command line and on screen: `--severity moderate`, `--type room`,
// `--screening-outcome review-required` in; "booked", "active" out. A value is written in
// lower case with '-' for '_' and without the enum's prefix, as EnumLabel (text.h) prints it.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_ENUMS_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_ENUMS_H_

#include <string>
#include <string_view>

#include "needlework/status.h"
#include "needlework/types/v1/aftercare.pb.h"
#include "needlework/types/v1/clinical.pb.h"
#include "needlework/types/v1/scheduling.pb.h"
#include "needlework/v1/aftercare.pb.h"
#include "needlework/v1/screening.pb.h"

namespace needlework::ctl {

// Each parser takes the label ("review-required"), case-insensitively and with '_' for '-'
// too, and refuses UNSPECIFIED. INVALID_ARGUMENT quoting `text` and listing every value
// otherwise.
StatusOr<types::v1::Severity> ParseSeverity(std::string_view text);
StatusOr<types::v1::Outcome> ParseOutcome(std::string_view text);
StatusOr<types::v1::ResourceType> ParseResourceType(std::string_view text);
StatusOr<types::v1::SymptomSeverity> ParseSymptomSeverity(std::string_view text);
StatusOr<v1::ReviewDecision> ParseReviewDecision(std::string_view text);  // reviewed-proceed

// Labels for people: "moderate", "review-required", "room", "active", "booked"; "unknown"
// for a value newer than this build.
std::string SeverityLabel(types::v1::Severity severity);
std::string OutcomeLabel(types::v1::Outcome outcome);
std::string ReviewDecisionLabel(v1::ReviewDecision decision);
std::string ResourceTypeLabel(types::v1::ResourceType type);
std::string PlanStatusLabel(types::v1::PlanStatus status);
std::string AppointmentStatusLabel(types::v1::AppointmentStatus status);
std::string SymptomSeverityLabel(types::v1::SymptomSeverity severity);
std::string MessageStatusLabel(v1::Message::Status status);

// A triage level as the clinic reads it: "expected", "monitor", "contact the clinic",
// "URGENT"; "unknown" for UNSPECIFIED or a value newer than this build.
std::string TriageLevelText(types::v1::TriageLevel level);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_ENUMS_H_
