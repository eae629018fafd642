#include "render.h"

#include "codes.h"
#include "enums.h"
#include "table.h"
#include "text.h"

namespace needlework::ctl {

void RenderPluginRuns(const google::protobuf::RepeatedPtrField<v1::PluginRun>& runs,
                      std::ostream& out) {
  out << "\nPlugin runs (" << runs.size() << "):\n";
  if (runs.empty()) return;
  Table table({"PLUGIN", "VERSION", "STATE", "TIME", "MESSAGE"});
  for (const v1::PluginRun& run : runs) {
    table.AddRow({run.plugin_id(), OrDash(run.plugin_version()),
                  EnumLabel(v1::PluginRun::State_Name(run.state()), "STATE_"),
                  FormatMicros(run.duration_micros()), OrDash(run.message())});
  }
  table.Print(out, "  ");
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
