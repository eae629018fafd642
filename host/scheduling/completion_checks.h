// What completing a session with add-ons must record.
#ifndef NEEDLEWORK_HOST_SCHEDULING_COMPLETION_CHECKS_H_
#define NEEDLEWORK_HOST_SCHEDULING_COMPLETION_CHECKS_H_

#include "host/plugins/clinic_registry.h"
#include "host/storage/schedule_records.h"
#include "needlework/v1/scheduling.pb.h"

namespace needlework::host {

// Settles completion->add_ons against the session as booked: empty means every add-on it was
// booked with; otherwise each must be one of those (an add-on can be dropped on the day, not
// added: its time and resources were never held). Then, for each add-on whose catalog entry
// asks for it (record_product_lot), completion->products must name the add-on's code as
// `product` with a lot_number. INVALID_ARGUMENT saying what is missing; nothing is changed
// but completion->add_ons.
Status SettleCompletedAddOns(const ClinicPlugins& plugins, const AppointmentRecord& appointment,
                             needlework::v1::SessionCompletion* completion);

// The add-ons `appointment` was booked with.
Codings BookedAddOns(const AppointmentRecord& appointment);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_SCHEDULING_COMPLETION_CHECKS_H_
