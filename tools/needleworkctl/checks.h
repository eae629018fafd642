// The checks of the command table (commands.h) that look at several flags and arguments at
// once, run after all of them are set. Each returns INVALID_ARGUMENT with the problem alone.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_CHECKS_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_CHECKS_H_

#include "command.h"
#include "needlework/status.h"

namespace needlework::ctl {

// FindSlotsRequest's limit on the date window.
inline constexpr int kMaxSlotWindowDays = 92;

// resource add: --type device needs --kind; other types take none.
Status FinishResourceAdd(Command* command);

// hours set: parses the specs (hours.h) into opening_spans.
Status FinishHoursSet(Command* command);

// plan create: the plan comes from --from-proposal or from a new proposal (--fhir, with
// --concern, --area, --severity, --add-on); exactly one of the two.
Status FinishPlanCreate(Command* command);

// slots: --to not before --from, and at most kMaxSlotWindowDays after it.
Status FinishSlots(Command* command);

// book, reschedule: no --device twice.
Status FinishBooking(Command* command);

// appointments: exactly one of --patient, --day, --resource.
Status FinishAppointments(Command* command);

// complete: --area takes Needlework's treatment-area codes only (what the host records).
Status FinishComplete(Command* command);

// calendar: --output writes the iCalendar text, so it does not go with --json.
Status FinishCalendar(Command* command);

// messages sent: no <message-id> twice, and at most kMaxMessageIds of them.
Status FinishMessagesSent(Command* command);

// symptoms: exactly one of --patient, --appointment.
Status FinishSymptoms(Command* command);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_CHECKS_H_
