#include "host/scheduling/completion_checks.h"

#include <algorithm>

#include "needlework/types/v1/therapy.pb.h"

namespace needlework::host {
namespace {

namespace types = needlework::types::v1;

bool Contains(const Codings& codes, const types::Coding& code) {
  return std::any_of(codes.begin(), codes.end(),
                     [&](const types::Coding& c) { return TherapyKey(c) == TherapyKey(code); });
}

std::string CodeList(const Codings& codes) {
  std::string list;
  for (const auto& code : codes) list += (list.empty() ? "" : ", ") + code.code();
  return list.empty() ? "none" : list;
}

// A product entry naming `code` (by its code, or "system|code") with a lot number.
bool HasLot(const needlework::v1::SessionCompletion& completion, const types::Coding& code) {
  return std::any_of(completion.products().begin(), completion.products().end(),
                     [&](const needlework::v1::ProductUse& use) {
                       bool named =
                           use.product() == code.code() || use.product() == TherapyKey(code);
                       return named && !use.lot_number().empty();
                     });
}

}  // namespace

Codings BookedAddOns(const AppointmentRecord& appointment) {
  types::SessionShape shape;
  shape.ParseFromString(appointment.session_bytes);
  return shape.add_ons();
}

Status SettleCompletedAddOns(const ClinicPlugins& plugins, const AppointmentRecord& appointment,
                             needlework::v1::SessionCompletion* completion) {
  Codings booked = BookedAddOns(appointment);
  if (completion->add_ons().empty()) *completion->mutable_add_ons() = booked;
  for (int i = 0; i < completion->add_ons_size(); ++i) {
    const auto& add_on = completion->add_ons(i);
    if (!Contains(booked, add_on)) {
      return InvalidArgumentError("completion.add_ons[" + std::to_string(i) + "] " + add_on.code() +
                                  " was not booked with this session (booked: " + CodeList(booked) +
                                  ")");
    }
    const OfferedTherapy* offered = plugins.FindAddOn(add_on);
    if (offered == nullptr || !offered->therapy.record_product_lot()) continue;
    if (!HasLot(*completion, add_on)) {
      return InvalidArgumentError("completion.products must record the lot of " +
                                  offered->therapy.display_name() + ": add {product: \"" +
                                  add_on.code() + "\", lot_number: ...}");
    }
  }
  return OkStatus();
}

}  // namespace needlework::host
