// Per-add-on screening verdicts: findings about an add-on block or caution that add-on only,
// so a clinician can still offer the base treatment.
#ifndef NEEDLEWORK_HOST_SCREENING_ADD_ON_VERDICTS_H_
#define NEEDLEWORK_HOST_SCREENING_ADD_ON_VERDICTS_H_

#include <map>
#include <string>
#include <vector>

#include "host/plugins/clinic_registry.h"
#include "needlework/v1/screening.pb.h"

namespace needlework::host {

class AddOnVerdicts {
 public:
  // `add_ons`: the add-ons the caller planned, as checked against `plugins`' catalog.
  AddOnVerdicts(const Codings& add_ons, const ClinicPlugins& plugins);

  // The planned add-ons `finding` from `plugin` is about: the one its applies_to names (when
  // planned); else, for an add-on plugin, each of its own planned add-ons; else none (the
  // finding is about the treatment as a whole).
  std::vector<needlework::types::v1::Coding> Targets(const needlework::types::v1::Finding& finding,
                                                     const PluginInstance& plugin) const;
  // The planned add-ons `plugin` offers.
  std::vector<needlework::types::v1::Coding> OfferedBy(const PluginInstance& plugin) const;

  // Counts `finding` (already in the response, applies_to set) against `add_on`.
  void Add(const needlework::types::v1::Coding& add_on,
           const needlework::types::v1::Finding& finding);

  // Appends one AddOnVerdict per planned add-on, in the caller's order. An add-on with no
  // finding is ELIGIBLE, "<name>: no contraindications found"; otherwise the most
  // restrictive finding's outcome and summary.
  void Fill(needlework::v1::ScreenResponse* response) const;

 private:
  struct Verdict {
    needlework::types::v1::Coding therapy;
    std::string plugin_id;
    needlework::types::v1::Outcome outcome = needlework::types::v1::OUTCOME_ELIGIBLE;
    std::string summary;
  };
  std::vector<Verdict> verdicts_;
  std::map<std::string, size_t> index_;  // TherapyKey -> verdicts_
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_SCREENING_ADD_ON_VERDICTS_H_
