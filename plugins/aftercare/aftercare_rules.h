// The compiled aftercare config: what CompileConfig builds once per clinic and every
// aftercare and triage call reads. Immutable after compilation, so any number of threads
// may read it.
#ifndef NEEDLEWORK_PLUGINS_AFTERCARE_AFTERCARE_RULES_H_
#define NEEDLEWORK_PLUGINS_AFTERCARE_AFTERCARE_RULES_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "needlework/types/v1/aftercare.pb.h"
#include "needlework/types/v1/clinical.pb.h"

namespace needlework::aftercare {

using types::v1::Anchor;
using types::v1::Indicator;
using types::v1::TriageLevel;

// An instruction's window in hours after the session end. A missing bound means "healed":
// no `until_hours` is "until the skin has healed", no `from_hours` is "from when it has".
struct InstructionRule {
  std::string id;  // config key, e.g. "avoid-sun"
  std::optional<int> from_hours;
  std::optional<int> until_hours;  // > from_hours when both are set
  Indicator indicator = types::v1::INDICATOR_INFO;
};

// An effect the patient should expect and how long it normally lasts.
struct EffectRule {
  std::string id;  // e.g. "redness-swelling"
  int normal_course_hours = 0;
};

// Which sessions of a series a message goes with.
enum class SessionFilter { kAll, kNotLast, kLast };

// A message to the patient, timed from an anchor: `send_at` is built from the config
// (offset_minutes, or a LocalTime whose month_offset is maintenance_months.min when
// `at_maintenance` is set).
struct MessageRule {
  std::string id;  // e.g. "evening"
  SessionFilter sessions = SessionFilter::kAll;
  types::v1::TimeSpec send_at;
};

// How a reported symptom is triaged. A course rule (course_hours set) compares the days
// since the session with the course; a sign rule (course_hours unset) always gives
// `sign_level` with the advice `sign_advice`.
struct SymptomRule {
  std::string code;                 // a code of code_systems::kSymptom, e.g. "redness"
  std::optional<int> course_hours;  // from the expected effect it names, or its own
  TriageLevel within_course = types::v1::TRIAGE_LEVEL_EXPECTED;  // mild or moderate
  TriageLevel severe_within_course = types::v1::TRIAGE_LEVEL_MONITOR;
  TriageLevel past_course = types::v1::TRIAGE_LEVEL_CONTACT_CLINIC;  // any severity
  TriageLevel sign_level = types::v1::TRIAGE_LEVEL_URGENT;
  std::string sign_advice;  // an advice id of Texts::advice, for sign rules
};

// The advice ids every course rule uses, one per case; sign rules name their own.
inline constexpr char kWithinCourse[] = "within-course";
inline constexpr char kSevereWithinCourse[] = "severe-within-course";
inline constexpr char kPastCourse[] = "past-course";

// Every text of one language. Keys are the ids of the rules above; every configured rule
// (enabled or not) has its text in every language.
struct Texts {
  std::string until_healed;  // until_text of a window with no end
  std::string from_healed;   // until_text of a window that starts once healed
  std::string list_or;       // joins emergency numbers, e.g. "or"; "/" when not configured
  std::map<std::string, std::string> instructions;  // by InstructionRule::id
  std::map<std::string, std::string> effects;       // by EffectRule::id
  std::map<std::string, std::string> messages;      // by MessageRule::id; templates
  std::map<std::string, std::string> symptoms;      // by SymptomRule::code: display names
  std::map<std::string, std::string> advice;        // by advice id; templates
  // By MessageRule::id, for each message anchored to the next session: its template while
  // that session is not booked (no {next_session_time}).
  std::map<std::string, std::string> waiting_messages;
};

// A whole compiled config. The maps hold enabled items only, ordered by id.
struct AftercareRules {
  std::string default_language;    // a key of `languages`
  int maintenance_min_months = 0;  // maintenance after the series
  int maintenance_max_months = 0;  // >= maintenance_min_months
  // The clinic's emergency telephone numbers, most important first (e.g. {"911"}, or
  // {"999", "112"}): advice texts name them as {emergency_numbers}.
  std::vector<std::string> emergency_numbers;
  std::map<std::string, InstructionRule> instructions;   // enabled ones
  std::map<std::string, EffectRule> effects;             // enabled ones
  std::map<std::string, MessageRule> messages;           // enabled ones
  std::map<std::string, SymptomRule> symptoms;           // every known symptom code
  std::map<TriageLevel, Indicator> indicator_for_level;  // every level but UNSPECIFIED
  std::map<std::string, Texts> languages;                // by BCP 47 tag, e.g. "en", "fr"
};

}  // namespace needlework::aftercare

#endif  // NEEDLEWORK_PLUGINS_AFTERCARE_AFTERCARE_RULES_H_
