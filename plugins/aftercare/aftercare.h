// The aftercare hook: the instructions, expected effects and timed patient messages that
// follow one session of a series.
#ifndef NEEDLEWORK_PLUGINS_AFTERCARE_AFTERCARE_H_
#define NEEDLEWORK_PLUGINS_AFTERCARE_AFTERCARE_H_

#include "needlework/plugin/v1/aftercare.pb.h"
#include "needlework/status.h"
#include "plugins/aftercare/aftercare_rules.h"

namespace needlework::aftercare {

// Fills `response` from `rules` for the session `request` describes, in the language
// ResolveLanguage picks for request.language:
// - every enabled instruction, ordered by id, its window anchored at the session end
//   (from/until = ANCHOR_SESSION_END + hours); an open end has no `until` and the
//   language's until_healed as until_text; a window that starts once healed has neither
//   `from` nor `until`, and from_healed as until_text;
// - every enabled expected effect, ordered by id, with its normal course;
// - every enabled message for this session (by its `sessions` filter and
//   request.last_session), ordered by id, its template filled with the placeholders the
//   plugin knows (text_template.h); session_count only when the plan gives one, and
//   next_session_number only when this is not the last session.
// Treatment areas, depth, products and add-ons do not change the defaults: combination
// plugins add their own instructions (duplicates collapse by id in the host).
// INVALID_ARGUMENT when session_index is negative or not below the plan's session_count.
Status BuildAftercare(const AftercareRules& rules, const plugin::v1::AftercareRequest& request,
                      plugin::v1::AftercareResponse* response);

}  // namespace needlework::aftercare

#endif  // NEEDLEWORK_PLUGINS_AFTERCARE_AFTERCARE_H_
