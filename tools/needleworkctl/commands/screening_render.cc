// How the answers of therapies and screen read (screening.h).
#include <algorithm>

#include "codes.h"
#include "commands/screening.h"
#include "enums.h"
#include "render.h"
#include "table.h"
#include "text.h"

namespace needlework::ctl {
namespace {

using types::v1::Finding;
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

// "REVIEW_REQUIRED"; "unknown (9)" for a value newer than this build.
std::string OutcomeName(types::v1::Outcome outcome) {
  const std::string& name = types::v1::Outcome_Name(outcome);
  if (name.empty()) return "unknown (" + std::to_string(static_cast<int>(outcome)) + ")";
  return std::string(StripPrefix(name, "OUTCOME_"));
}

// "SNOMED 11381005 (Acne vulgaris) from Condition/0023b3a7: active condition".
std::string FormatEvidence(const types::v1::Evidence& evidence) {
  std::string text = FormatCoding(evidence.code());
  if (!evidence.source_ref().empty()) text.append(" from ").append(evidence.source_ref());
  if (!evidence.description().empty()) {
    text.append(evidence.source_ref().empty() ? ": " : " - ").append(evidence.description());
  }
  return text;
}

// "  2. [warning] <summary>", then its fields aligned under it.
void PrintFinding(int number, const Finding& finding, std::ostream& out) {
  out << "  " << number << ". ["
      << EnumLabel(types::v1::Indicator_Name(finding.indicator()), "INDICATOR_") << "] "
      << finding.summary() << '\n';
  Table fields;
  fields.AddRow({"outcome", OutcomeName(finding.outcome())});
  if (!finding.applies_to().code().empty()) {
    fields.AddRow({"add-on", FormatAddOn(finding.applies_to())});
  }
  fields.AddRow({"plugin", OrDash(finding.source_plugin())});
  fields.AddRow({"rule", OrDash(finding.rule_id())});
  for (int i = 0; i < finding.evidence_size(); ++i) {
    fields.AddRow({i == 0 ? "evidence" : "", FormatEvidence(finding.evidence(i))});
  }
  if (!finding.detail().empty()) fields.AddRow({"detail", finding.detail()});
  fields.Print(out, "     ");
}

// "PRP serum (platelet-rich plasma): CONTRAINDICATED — PRP contraindicated: apixaban".
std::string FormatVerdict(const v1::AddOnVerdict& verdict) {
  const types::v1::Coding& therapy = verdict.therapy();
  std::string text = therapy.display().empty() ? AddOnCode(therapy) : therapy.display();
  text.append(": ").append(OutcomeName(verdict.outcome()));
  if (!verdict.summary().empty()) text.append(" — ").append(verdict.summary());
  return Printable(text);
}

// "Skipped (not read by screening): Encounter 2, Practitioner 1", when any was.
void PrintIgnored(const v1::ScreenResponse& response, std::ostream& out) {
  if (response.ignored_resources().empty()) return;
  out << "Skipped (not read by screening):";
  const char* separator = " ";
  for (const v1::IgnoredResources& ignored : response.ignored_resources()) {
    out << separator << Printable(ignored.resource_type()) << ' ' << ignored.count();
    separator = ", ";
  }
  out << '\n';
}

void PrintVerdicts(const v1::ScreenResponse& response, std::ostream& out) {
  if (response.add_ons().empty()) return;
  out << "\nAdd-ons (" << response.add_ons_size()
      << "; the outcome above is the treatment without them):\n";
  for (const v1::AddOnVerdict& verdict : response.add_ons()) {
    out << "  " << FormatVerdict(verdict) << '\n';
  }
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

void RenderScreen(const v1::ScreenResponse& response, std::ostream& out) {
  out << "Outcome: " << OutcomeName(response.outcome()) << '\n';
  if (!response.patient_ref().empty()) out << "Patient: " << response.patient_ref() << '\n';
  if (!response.screening_id().empty()) {
    out << "Screening: " << response.screening_id() << " (plan create --screening takes it)\n";
  }
  PrintIgnored(response, out);
  out << "\nFindings (" << response.findings_size() << "):\n";
  if (response.findings().empty()) out << "  none\n";
  for (int i = 0; i < response.findings_size(); ++i) {
    if (i > 0) out << '\n';
    PrintFinding(i + 1, response.findings(i), out);
  }
  PrintVerdicts(response, out);
  RenderPluginRuns(response.plugin_runs(), out);
}

}  // namespace needlework::ctl
