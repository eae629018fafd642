// The therapies a plugin instance offers (its `catalog` hook), and how add-ons are named.
#ifndef NEEDLEWORK_HOST_PLUGINS_THERAPIES_H_
#define NEEDLEWORK_HOST_PLUGINS_THERAPIES_H_

#include <string>
#include <vector>

#include "google/protobuf/repeated_field.h"
#include "needlework/status.h"
#include "needlework/types/v1/therapy.pb.h"

namespace needlework::host {

using Codings = google::protobuf::RepeatedPtrField<needlework::types::v1::Coding>;

// "system|code": the identity of a therapy (display never counts).
std::string TherapyKey(const needlework::types::v1::Coding& code);

// Checks a plugin's catalog answer: every therapy has a code (system and code), a kind, a
// display name, 0-600 minutes and device requirements with a kind; no code twice. Returns
// the therapies, or INTERNAL naming the plugin and the first problem (the plugin is broken,
// not the caller).
StatusOr<std::vector<needlework::types::v1::Therapy>> CheckCatalog(
    const std::string& plugin_id, const std::string& serialized_response);

// True when `therapies` holds an ADD_ON and no BASE therapy: such a plugin speaks only for
// its add-ons and is consulted only when one of them is part of the treatment.
bool OffersOnlyAddOns(const std::vector<needlework::types::v1::Therapy>& therapies);

// True when any of `add_ons` is one of `therapies` (by TherapyKey).
bool OffersAnyOf(const std::vector<needlework::types::v1::Therapy>& therapies,
                 const Codings& add_ons);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_PLUGINS_THERAPIES_H_
