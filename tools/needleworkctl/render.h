// How responses read: aligned tables and short reports for people, or JSON for scripts.
// Every function writes to `out` only (or returns its text) and never fails.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_RENDER_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_RENDER_H_

#include <google/protobuf/message.h>

#include <ostream>
#include <string>
#include <string_view>

#include "needlework/types/v1/therapy.pb.h"
#include "needlework/v1/admin.pb.h"
#include "needlework/v1/aftercare.pb.h"
#include "needlework/v1/catalog.pb.h"
#include "needlework/v1/common.pb.h"
#include "needlework/v1/planning.pb.h"
#include "needlework/v1/scheduling.pb.h"
#include "needlework/v1/screening.pb.h"

namespace needlework::ctl {

// The proto3 JSON mapping of `message`, indented, with fields at their default values
// included (a script reads "enabled": false rather than a missing key), and a final newline.
std::string ToJson(const google::protobuf::Message& message);

// A table of plugins (id, version, state, trusted, hooks, file), then each refused file with
// the reason. "trusted" is yes when the host checked approval and signature before loading.
void RenderPlugins(const v1::ListPluginsResponse& response, std::ostream& out);

// A table of clinics: id, name, time zone, created.
void RenderClinics(const v1::ListClinicsResponse& response, std::ostream& out);

// The new clinic (id, name, time zone, created), then its emr token with the warning that it
// is shown only once.
void RenderCreatedClinic(const v1::CreateClinicResponse& response, std::ostream& out);

// A table of a clinic's plugins: id, enabled, version, installed, config overrides.
void RenderClinicPlugins(const v1::ListClinicPluginsResponse& response, std::ostream& out);

// One clinic's setting for one plugin, as left by enable, disable or configure.
void RenderClinicPlugin(std::string_view clinic_id, const v1::ClinicPlugin& plugin,
                        std::ostream& out);

// A table of the therapies the clinic offers (code, name, kind, minutes, needs, lot recorded,
// plugin), then each plugin that cannot run with the reason.
void RenderTherapies(const v1::ListTherapiesResponse& response, std::ostream& out);

// The outcome, then each finding (indicator, summary, outcome, the add-on it is about,
// plugin, rule, evidence, detail), then one line per add-on verdict ("PRP serum: CONTRAINDICATED
// — PRP contraindicated: apixaban"), then a table of plugin runs.
void RenderScreen(const v1::ScreenResponse& response, std::ostream& out);

// "\nPlugin runs (N):\n", then a table of them (plugin, version, state, time, message).
void RenderPluginRuns(const google::protobuf::RepeatedPtrField<v1::PluginRun>& runs,
                      std::ostream& out);

// One clinic as `clinic time-zone` leaves it: id, name, time zone.
void RenderClinic(const v1::Clinic& clinic, std::ostream& out);

// A table of a clinic's resources: id, type, device kind, name, active.
void RenderResources(const v1::ListResourcesResponse& response, std::ostream& out);

// One resource as `resource add` leaves it.
void RenderResource(const v1::Resource& resource, std::ostream& out);

// A clinic's week, one line a day from Monday ("closed" for a day without hours).
void RenderOpeningHours(const v1::OpeningHours& hours, std::ostream& out);

// The proposed series (therapy, add-ons, sessions, spacing, minutes, resources,
// maintenance, rationale), the session shape when the host sent one, the plugin runs, and
// how to keep it.
void RenderProposal(const v1::ProposePlanResponse& response, std::ostream& out);

// One plan: status, patient, screening outcome, created, its series (add-ons included; the
// minutes and needs are then the base treatment's), then a table of its
// sessions (times in UTC: SessionRecord carries Unix seconds, not the clinic's zone).
void RenderPlan(const v1::Plan& plan, std::ostream& out);

// A table of plans: id, patient, status, sessions booked (fulfilled included) of the total,
// days between sessions, minutes per session.
void RenderPlans(const v1::ListPlansResponse& response, std::ostream& out);

// The time zone, the window the plan's spacing allows and the session shape, then a table
// of slots: start and end in the clinic's local time, practitioner, room, devices.
void RenderSlots(const v1::FindSlotsResponse& response, std::ostream& out);

// One appointment as book, reschedule, cancel or complete leave it (add-ons included), with
// what was done when it has a completion.
void RenderAppointment(const v1::Appointment& appointment, std::ostream& out);

// A table of appointments: id, session, status, start, end (local time), practitioner,
// room, devices, add-ons, patient.
void RenderAppointments(const v1::ListAppointmentsResponse& response, std::ostream& out);

// "<label>: 75 minutes; needs practitioner, room, device rf-unit", then a line of the
// add-ons and one of those no longer offered, each only when there are some.
void RenderSessionShape(std::string_view label, const types::v1::SessionShape& shape,
                        std::ostream& out);

// "practitioner, room, device microneedling-pen"; "" for none.
std::string FormatRequirements(
    const google::protobuf::RepeatedPtrField<types::v1::ResourceRequirement>& requirements);

// The iCalendar text as the host sent it, but for control characters other than CR, LF and
// tab (which RFC 5545 does not allow anyway), shown as spaces.
void RenderCalendar(const v1::ExportCalendarResponse& response, std::ostream& out);

// The aftercare plan: appointment and patient, then tables of its instructions (id, from,
// until or until_text, text), expected effects (id, normal course, text) and messages (id,
// status, when, kind, text), then the plugin runs. Times in the clinic's local time.
void RenderAftercarePlan(const v1::AftercarePlan& plan, std::ostream& out);

// A table of due messages: id, when, recipient, about, kind, and the text shortened to
// kDueTextColumns.
inline constexpr size_t kDueTextColumns = 48;
void RenderDueMessages(const v1::ListDueMessagesResponse& response, std::ostream& out);

// Which messages this call marked sent, and which were marked before.
void RenderMarkedSent(const v1::MarkMessagesSentResponse& response, std::ostream& out);

// The triage level first ("Triage: URGENT"), then the advice, symptom, severity, days since
// the session and the rest of the report, then the plugin runs.
void RenderSymptomReport(const v1::SymptomReport& report, std::ostream& out);

// A table of symptom reports: id, reported, appointment, patient, symptom, severity, days,
// level, and the advice shortened to kAdviceColumns.
inline constexpr size_t kAdviceColumns = 40;
void RenderSymptomReports(const v1::ListSymptomReportsResponse& response, std::ostream& out);

// Plugin signing (render_trust.cc). `plugin keygen`: where the keys went and the fingerprint.
void RenderKeygen(std::string_view fingerprint, std::string_view private_file,
                  std::string_view public_file, std::ostream& out);

// `plugin sign` and `plugin verify`: the plugin, its hashes and the signing key.
struct SignatureReport {
  std::string plugin_file;
  std::string plugin_id;
  std::string plugin_version;
  std::string file_sha256;
  std::string manifest_sha256;
  std::string key;  // fingerprint
};
void RenderSigned(const SignatureReport& report, std::string_view signature_file,
                  std::ostream& out);
void RenderVerified(const SignatureReport& report, std::ostream& out);

// `plugin hash`: "<sha256>  <file>" per line, as sha256sum prints it.
void RenderHashLine(std::string_view sha256, std::string_view file, std::ostream& out);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_RENDER_H_
