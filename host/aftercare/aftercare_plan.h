// Making and keeping an appointment's aftercare: the plan made when a session is completed,
// and the reminders that follow the next session when it is booked, moved or cancelled.
#ifndef NEEDLEWORK_HOST_AFTERCARE_AFTERCARE_PLAN_H_
#define NEEDLEWORK_HOST_AFTERCARE_AFTERCARE_PLAN_H_

#include "host/calendar/clinic_calendar.h"
#include "host/plugins/hook_runner.h"
#include "host/storage/store.h"
#include "needlework/types/v1/scheduling.pb.h"
#include "needlework/v1/scheduling.pb.h"

namespace needlework::host {

// Calls every enabled aftercare plugin for the completed `write->appointment` and puts the
// merged plan and its messages into `write` (has_aftercare, aftercare, messages), for the
// store to commit with the completion. Instructions and expected effects with the same id
// collapse: the longer window (or course) wins. A plugin that fails is named in the plan's
// plugin runs; the plan still holds what the others gave. With no aftercare plugin enabled
// there is no plan (GetAftercarePlan then says so).
Status PrepareAftercare(Store& store, const PluginCalls& plugins, const ClinicCalendar& calendar,
                        const needlework::types::v1::SeriesPlan& series,
                        const needlework::v1::SessionCompletion& completion,
                        CompletionWrite* write);

// `text` with every `placeholder` (e.g. "{clinic_name}") replaced by `value`.
std::string ReplacePlaceholder(std::string text, const std::string& placeholder,
                               const std::string& value);

// Re-times the unsent messages of a plan anchored to a next session: due before the next
// booked session, or WAITING (not due) while there is none. Hand it to every store write
// that changes the plan's appointments; it runs inside that write's transaction.
Retimer ReminderRetimer(const ClinicCalendar& calendar);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_AFTERCARE_AFTERCARE_PLAN_H_
