// The compiled scheduling config: what CompileConfig builds once per clinic and every plan
// and check_booking call reads. Immutable after compilation, so any number of threads may
// read it.
#ifndef NEEDLEWORK_PLUGINS_SCHEDULING_SCHEDULING_RULES_H_
#define NEEDLEWORK_PLUGINS_SCHEDULING_SCHEDULING_RULES_H_

#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "needlework/types/v1/clinical.pb.h"
#include "needlework/types/v1/scheduling.pb.h"

namespace needlework::scheduling {

using types::v1::Outcome;
using types::v1::Severity;

// Session counts by severity: [0] mild, [1] moderate, [2] severe; each >= 1, never
// decreasing with severity.
using SessionTable = std::array<int, 3>;

// The count `table` gives for `severity`; anything but MILD or SEVERE reads as MODERATE.
inline int SessionsFor(const SessionTable& table, Severity severity) {
  if (severity == types::v1::SEVERITY_MILD) return table[0];
  if (severity == types::v1::SEVERITY_SEVERE) return table[2];
  return table[1];
}

// Treatment areas that share needling minutes: face-like areas, body areas.
struct AreaGroup {
  std::string id;                  // config key, e.g. "face"
  std::string display;             // e.g. "face and neck", for rationale lines
  int needling_minutes = 0;        // for the first area of the group in a session
  int minutes_per_extra_area = 0;  // for each further area of the group
  int max_needling_minutes = 0;    // cap for the group, >= needling_minutes
};

// A treatment area (local treatment-area code) and the group it belongs to.
struct Area {
  std::string display;  // e.g. "around the eyes"
  std::string group;    // AreaGroup::id
};

// What the series needs for one concern (local concern code).
struct ConcernRule {
  std::string code;
  std::string display;
  SessionTable sessions = {1, 1, 1};             // for any area group without its own table
  std::map<std::string, SessionTable> by_group;  // keyed by AreaGroup::id
};

// A personal factor that lengthens the series or widens its spacing. It applies when the
// latest numeric value of `observation` is >= min_value, or when the patient's age in whole
// years is >= min_age_years (exactly one of the two triggers is set).
struct Adjustment {
  std::string id;
  std::string display;
  std::optional<types::v1::Coding> observation;  // system and code only
  double min_value = 0;
  std::optional<int> min_age_years;
  int extra_sessions = 0;      // added to the session count
  int extra_days_between = 0;  // added to both min and max days between sessions
};

// What check_booking reads from the config (spacing and minutes come from the plan).
struct BookingRules {
  std::set<Outcome> forbidding_outcomes;  // a plan screened with one of these is not booked
  bool require_previous_session = true;   // session k > 0 needs session k-1 booked/fulfilled
};

// A whole compiled config.
struct SchedulingRules {
  types::v1::Coding therapy;        // system is code_systems::kProcedure
  std::string therapy_name;         // its name in the clinic's catalog, e.g. "Microneedling"
  std::string therapy_description;  // for the catalog; may be empty
  Severity default_severity = types::v1::SEVERITY_MODERATE;  // for SEVERITY_UNSPECIFIED
  int min_days_between = 0;
  int max_days_between = 0;
  int numbing_minutes = 0;
  int maintenance_min_months = 0;
  int maintenance_max_months = 0;
  std::vector<types::v1::ResourceRequirement> requirements;  // practitioner, room, devices
  std::map<std::string, AreaGroup> area_groups;              // keyed by AreaGroup::id
  std::map<std::string, Area> areas;                         // keyed by treatment-area code
  std::map<std::string, ConcernRule> concerns;               // keyed by concern code
  std::vector<Adjustment> adjustments;                       // enabled ones, ordered by id
  BookingRules booking;
};

}  // namespace needlework::scheduling

#endif  // NEEDLEWORK_PLUGINS_SCHEDULING_SCHEDULING_RULES_H_
