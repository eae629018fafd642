// Add-on therapies in requests, and the session they shape: the same rules for every plugin.
#ifndef NEEDLEWORK_HOST_CATALOG_ADD_ONS_H_
#define NEEDLEWORK_HOST_CATALOG_ADD_ONS_H_

#include <string>

#include "host/plugins/clinic_registry.h"
#include "needlework/status.h"
#include "needlework/types/v1/scheduling.pb.h"
#include "needlework/types/v1/therapy.pb.h"

namespace needlework::host {

// Checks the add-ons a caller asks for (`field` names them in messages, e.g. "add_ons"):
// INVALID_ARGUMENT for one without system or code, or one named twice; FAILED_PRECONDITION
// for one the clinic does not offer now, listing what it does offer. On success, the add-ons
// with the catalog's display names.
StatusOr<Codings> CheckRequestedAddOns(const ClinicPlugins& plugins, const Codings& add_ons,
                                       const std::string& field);

// One session of `plan` with the add-ons in `add_ons` that the clinic offers now: the base
// session's minutes plus each add-on's, the base requirements plus each add-on's (a
// requirement already present is not added again). Add-ons no longer offered are listed in
// unavailable_add_ons and shape nothing.
needlework::types::v1::SessionShape ComposeSession(const needlework::types::v1::SeriesPlan& plan,
                                                   const Codings& add_ons,
                                                   const ClinicPlugins& plugins);

// The display name of `code` for people: the coding's display, else its code.
std::string DisplayOf(const needlework::types::v1::Coding& code);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CATALOG_ADD_ONS_H_
