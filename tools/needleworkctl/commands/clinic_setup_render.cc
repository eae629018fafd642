// How the answers of the clinic-setup commands read (clinic_setup.h).
#include "commands/clinic_setup.h"
#include "enums.h"
#include "hours.h"
#include "table.h"
#include "text.h"

namespace needlework::ctl {

void RenderClinic(const v1::Clinic& clinic, std::ostream& out) {
  out << "Clinic " << Printable(clinic.clinic_id()) << ":\n";
  Table table;
  table.AddRow({"name", OrDash(clinic.display_name())});
  table.AddRow({"time zone", OrDash(clinic.time_zone())});
  if (clinic.screening_recency_days() > 0) {
    table.AddRow({"screening recency", std::to_string(clinic.screening_recency_days()) + " days"});
  }
  table.AddRow({"created", OrDash(clinic.created_at())});
  table.Print(out, "  ");
}

void RenderResources(const v1::ListResourcesResponse& response, std::ostream& out) {
  if (response.resources().empty()) {
    out << "No resources yet; add them with: needleworkctl resource add <clinic-id> "
           "<resource-id> --type practitioner|room|device\n";
    return;
  }
  Table table({"ID", "TYPE", "KIND", "NAME", "ACTIVE"});
  for (const v1::Resource& resource : response.resources()) {
    table.AddRow({resource.resource_id(), ResourceTypeLabel(resource.type()),
                  OrDash(resource.device_kind()), OrDash(resource.display_name()),
                  std::string(YesNo(resource.active()))});
  }
  table.Print(out);
}

void RenderResource(const v1::Resource& resource, std::ostream& out) {
  out << "Resource " << Printable(resource.resource_id()) << ": "
      << ResourceTypeLabel(resource.type()) << '\n';
  Table table;
  if (!resource.device_kind().empty()) table.AddRow({"kind", resource.device_kind()});
  table.AddRow({"name", OrDash(resource.display_name())});
  table.AddRow({"active", resource.active() ? "yes" : "no: never offered for booking"});
  table.Print(out, "  ");
}

void RenderOpeningHours(const v1::OpeningHours& hours, std::ostream& out) {
  out << "Opening hours of " << Printable(hours.clinic_id()) << " (its wall-clock time):\n";
  if (hours.spans().empty()) {
    out << "  none: the clinic is closed every day\n";
    return;
  }
  Table table;
  for (const auto& [day, text] : WeekRows(hours.spans())) table.AddRow({day, text});
  table.Print(out, "  ");
}

}  // namespace needlework::ctl
