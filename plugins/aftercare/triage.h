// The triage hook: how urgent a symptom a patient reports after a session is.
#ifndef NEEDLEWORK_PLUGINS_AFTERCARE_TRIAGE_H_
#define NEEDLEWORK_PLUGINS_AFTERCARE_TRIAGE_H_

#include "needlework/plugin/v1/aftercare.pb.h"
#include "needlework/status.h"
#include "plugins/aftercare/aftercare_rules.h"

namespace needlework::aftercare {

// Fills `response` from the rule for request.symptom (a code of code_systems::kSymptom; an
// empty system is taken as that one):
// - a sign rule (infection, allergic reaction) gives its level whatever the days and
//   severity; rule_id "<code>/<advice id>", e.g. "pus/infection";
// - a course rule compares days_since_session * 24 with the course hours: past the course,
//   `past_course` ("<code>/past-course"); inside it (inclusive), `severe_within_course` for
//   SEVERE ("<code>/severe-within-course") and `within_course` for any other severity
//   ("<code>/within-course").
// The advice is the language's advice text for that case (ResolveLanguage picks the
// language) with {symptom} and, for course rules, {course_days} (rounded up) filled; the
// indicator is the config's for the level. The note and add-ons do not change the answer.
// INVALID_ARGUMENT for another code system, an unknown code (naming the known codes), or
// days_since_session negative or not a number.
Status TriageSymptom(const AftercareRules& rules, const plugin::v1::TriageRequest& request,
                     plugin::v1::TriageResponse* response);

}  // namespace needlework::aftercare

#endif  // NEEDLEWORK_PLUGINS_AFTERCARE_TRIAGE_H_
