// What an order or appointment hook asks Needlework to screen: a microneedling order (or
// appointment) in the hook's context, with its add-ons, concerns and areas.
#ifndef NEEDLEWORK_HOST_CDSHOOKS_TREATMENT_ASKED_H_
#define NEEDLEWORK_HOST_CDSHOOKS_TREATMENT_ASKED_H_

#include <optional>
#include <string>

#include "host/cdshooks/hook_request.h"
#include "host/plugins/therapies.h"
#include "needlework/status.h"

namespace needlework::host {

struct TreatmentAsked {
  std::string source;  // the order or appointment, e.g. "ServiceRequest/abc"
  Codings add_ons;     // the other procedures ordered with it (code system kProcedure)
  Codings concerns;    // reasonCode codings of the concern code system
  Codings areas;       // bodySite codings of the treatment-area code system
  // appointment-book: the proposed Appointment's start and end (Unix seconds), when given.
  std::optional<int64_t> start;
  std::optional<int64_t> end;
};

// order-select / order-sign: the ServiceRequest of context.draftOrders (a Bundle) coded
// {kProcedure, "microneedling"}, with every other ServiceRequest of the Bundle coded in
// kProcedure as an add-on. For order-select (`selections_only`), only when one of those
// orders is among context.selections ("ServiceRequest/<id>"). nullopt when there is no such
// order: the hook is not about microneedling. INVALID_ARGUMENT for a draftOrders that is
// not a Bundle, or selections that are not a list of strings.
StatusOr<std::optional<TreatmentAsked>> TreatmentOfOrders(const HookRequest& request,
                                                          bool selections_only);

// appointment-book: the Appointment of context.appointments (a Bundle) whose serviceType
// has {kProcedure, "microneedling"}; its other kProcedure serviceType codings are add-ons,
// its reasonCode the concerns, and its start and end (RFC 3339) are read. nullopt when there
// is none. INVALID_ARGUMENT for appointments that is not a Bundle, or a start or end that is
// not an RFC 3339 instant.
StatusOr<std::optional<TreatmentAsked>> TreatmentOfAppointments(const HookRequest& request);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CDSHOOKS_TREATMENT_ASKED_H_
