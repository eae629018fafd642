// How the answers of the planning commands read (planning.h).
#include <algorithm>

#include "codes.h"
#include "commands/planning.h"
#include "dates.h"
#include "enums.h"
#include "render.h"
#include "table.h"
#include "text.h"

namespace needlework::ctl {
namespace {

using types::v1::SeriesPlan;

// "28-42 days", "28 days".
std::string Spacing(const SeriesPlan& plan) {
  std::string days = std::to_string(plan.min_days_between());
  if (plan.max_days_between() != plan.min_days_between()) {
    days.append("-").append(std::to_string(plan.max_days_between()));
  }
  return days + " days";
}

// "60 each, 20 of them numbing".
std::string Minutes(const SeriesPlan& plan) {
  std::string minutes = std::to_string(plan.session_minutes()) + " each";
  if (plan.numbing_minutes() > 0) {
    minutes.append(", ").append(std::to_string(plan.numbing_minutes())).append(" of them numbing");
  }
  return minutes;
}

// "every 6-12 months after the series"; "" when the plan names no maintenance.
std::string Maintenance(const SeriesPlan& plan) {
  int min = plan.maintenance_min_months();
  int max = plan.maintenance_max_months();
  if (min == 0 && max == 0) return "";
  std::string months = std::to_string(min);
  if (max != min) months.append("-").append(std::to_string(max));
  return "every " + months + " months after the series";
}

void AddSeriesRows(const SeriesPlan& plan, Table* table) {
  table->AddRow({"therapy", OrDash(plan.has_therapy() ? FormatCoding(plan.therapy()) : "")});
  bool add_ons = !plan.add_ons().empty();
  if (add_ons) table->AddRow({"add-ons", FormatAddOns(plan.add_ons())});
  // With add-ons, the series' minutes and needs are the base treatment's alone.
  std::string base = add_ons ? " (without add-ons)" : "";
  table->AddRow({"sessions", std::to_string(plan.session_count())});
  table->AddRow({"spacing", Spacing(plan) + " apart"});
  table->AddRow({"minutes", Minutes(plan) + base});
  std::string needs = FormatRequirements(plan.requirements());
  table->AddRow({"needs", needs.empty() ? "-" : needs + base});
  table->AddRow({"maintenance", OrDash(Maintenance(plan))});
  for (int i = 0; i < plan.rationale_size(); ++i) {
    table->AddRow({i == 0 ? "rationale" : "", plan.rationale(i)});
  }
}

// Sessions booked or done.
int BookedSessions(const v1::Plan& plan) {
  return static_cast<int>(
      std::count_if(plan.sessions().begin(), plan.sessions().end(), [](const auto& session) {
        return session.status() == types::v1::APPOINTMENT_STATUS_BOOKED ||
               session.status() == types::v1::APPOINTMENT_STATUS_FULFILLED;
      }));
}

// The end of a session after its start, both in UTC: the time alone on the same day.
std::string UtcEnd(const types::v1::SessionRecord& session) {
  std::string start = FormatUnixUtc(session.start_unix_seconds());
  std::string end = FormatUnixUtc(session.end_unix_seconds());
  return end.compare(0, 15, start, 0, 15) == 0 ? end.substr(15) : end;
}

void PrintSessions(const v1::Plan& plan, std::ostream& out) {
  out << "\nSessions (" << BookedSessions(plan) << " of " << plan.plan().session_count()
      << " booked or done):\n";
  if (plan.sessions().empty()) {
    out << "  none\n";
    return;
  }
  Table table({"SESSION", "STATUS", "START (UTC)", "END", "APPOINTMENT"});
  for (const types::v1::SessionRecord& session : plan.sessions()) {
    table.AddRow({SessionNumber(session.session_index()), AppointmentStatusLabel(session.status()),
                  FormatUnixUtc(session.start_unix_seconds()), UtcEnd(session),
                  OrDash(session.appointment_id())});
  }
  table.Print(out, "  ");
}

}  // namespace

void RenderProposal(const v1::ProposePlanResponse& response, std::ostream& out) {
  if (!response.has_plan()) {
    out << "No plan proposed.\n";
  } else {
    out << "Proposed plan:\n";
    Table table;
    AddSeriesRows(response.plan(), &table);
    table.Print(out, "  ");
  }
  if (response.has_session()) {
    out << '\n';
    RenderSessionShape("Each session", response.session(), out);
  }
  RenderPluginRuns(response.plugin_runs(), out);
  if (!response.has_plan()) return;
  out << "\nTo keep it, save it with --json > FILE, then run:\n"
         "  needleworkctl plan create --patient REF --screening SCREENING_ID "
         "--from-proposal FILE\n";
}

void RenderPlan(const v1::Plan& plan, std::ostream& out) {
  out << "Plan " << Printable(plan.plan_id()) << ": " << PlanStatusLabel(plan.status()) << '\n';
  Table table;
  table.AddRow({"patient", OrDash(plan.patient_ref())});
  table.AddRow({"screening outcome", OutcomeLabel(plan.screening_outcome())});
  if (!plan.screening_id().empty()) table.AddRow({"screening", plan.screening_id()});
  table.AddRow({"created", OrDash(FormatLocalWithOffset(plan.created_at()))});
  if (!plan.cancel_reason().empty()) table.AddRow({"cancel reason", plan.cancel_reason()});
  AddSeriesRows(plan.plan(), &table);
  table.Print(out, "  ");
  PrintSessions(plan, out);
}

void RenderPlans(const v1::ListPlansResponse& response, std::ostream& out) {
  if (response.plans().empty()) {
    out << "No plans; create one with: needleworkctl plan create --patient REF ...\n";
    return;
  }
  Table table({"ID", "PATIENT", "STATUS", "SESSIONS", "SPACING", "MINUTES"});
  for (const v1::Plan& plan : response.plans()) {
    const SeriesPlan& series = plan.plan();
    table.AddRow(
        {plan.plan_id(), OrDash(plan.patient_ref()), PlanStatusLabel(plan.status()),
         std::to_string(BookedSessions(plan)) + "/" + std::to_string(series.session_count()),
         Spacing(series), std::to_string(series.session_minutes())});
  }
  table.Print(out);
}

}  // namespace needlework::ctl
