// Rendering of CatalogService responses, and of the session shape planning and scheduling
// share.
#include <algorithm>

#include "codes.h"
#include "enums.h"
#include "render.h"
#include "table.h"
#include "text.h"

namespace needlework::ctl {
namespace {

using types::v1::Therapy;

bool IsAddOn(const Therapy& therapy) { return therapy.kind() == types::v1::THERAPY_KIND_ADD_ON; }

// "60" for the base treatment's session; "+15" for what an add-on adds to one.
std::string TherapyMinutes(const Therapy& therapy) {
  return (IsAddOn(therapy) ? "+" : "") + std::to_string(therapy.minutes());
}

void PrintUnavailable(const v1::ListTherapiesResponse& response, std::ostream& out) {
  if (response.unavailable().empty()) return;
  out << "\nUnavailable plugins (" << response.unavailable_size() << "):\n";
  for (const v1::UnavailableTherapyPlugin& plugin : response.unavailable()) {
    out << "  " << Printable(plugin.plugin_id()) << ": "
        << Printable(plugin.reason().empty() ? "(no reason given)" : plugin.reason()) << '\n';
  }
}

void PrintTherapyTable(const v1::ListTherapiesResponse& response, std::ostream& out) {
  Table table({"CODE", "NAME", "KIND", "MINUTES", "NEEDS", "LOT RECORDED", "PLUGIN"});
  for (const v1::OfferedTherapy& offered : response.therapies()) {
    const Therapy& therapy = offered.therapy();
    table.AddRow({OrDash(AddOnCode(therapy.code())), OrDash(therapy.display_name()),
                  EnumLabel(types::v1::TherapyKind_Name(therapy.kind()), "THERAPY_KIND_"),
                  TherapyMinutes(therapy), OrDash(FormatRequirements(therapy.requirements())),
                  std::string(YesNo(therapy.record_product_lot())), OrDash(offered.plugin_id())});
  }
  table.Print(out);
}

}  // namespace

void RenderTherapies(const v1::ListTherapiesResponse& response, std::ostream& out) {
  if (response.therapies().empty()) {
    out << "No therapies on offer: no plugin enabled for the clinic offers one.\n";
  } else {
    PrintTherapyTable(response, out);
  }
  PrintUnavailable(response, out);
  const auto& offered = response.therapies();
  if (std::any_of(offered.begin(), offered.end(),
                  [](const v1::OfferedTherapy& one) { return IsAddOn(one.therapy()); })) {
    out << "\nGive an add-on's code to --add-on of screen, plan propose and plan create.\n";
  }
}

void RenderSessionShape(std::string_view label, const types::v1::SessionShape& shape,
                        std::ostream& out) {
  out << label << ": " << shape.minutes() << " minutes";
  std::string needs = FormatRequirements(shape.requirements());
  if (!needs.empty()) out << "; needs " << Printable(needs);
  out << '\n';
  if (!shape.add_ons().empty()) {
    out << "  add-ons: " << Printable(FormatAddOns(shape.add_ons())) << '\n';
  }
  if (!shape.unavailable_add_ons().empty()) {
    out << "  no longer offered: " << Printable(FormatAddOns(shape.unavailable_add_ons()))
        << "; left out of the session\n";
  }
}

std::string FormatRequirements(
    const google::protobuf::RepeatedPtrField<types::v1::ResourceRequirement>& requirements) {
  std::string text;
  for (const types::v1::ResourceRequirement& requirement : requirements) {
    text.append(text.empty() ? "" : ", ").append(ResourceTypeLabel(requirement.type()));
    if (!requirement.device_kind().empty()) text.append(" ").append(requirement.device_kind());
  }
  return text;
}

}  // namespace needlework::ctl
