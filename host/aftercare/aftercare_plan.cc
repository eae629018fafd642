#include "host/aftercare/aftercare_plan.h"

#include <algorithm>
#include <map>

#include "host/aftercare/patient_time.h"
#include "host/aftercare/time_spec.h"
#include "host/common/ids.h"
#include "host/common/time_util.h"
#include "host/plugins/hook_runner.h"
#include "needlework/code_systems.h"
#include "needlework/plugin/v1/aftercare.pb.h"
#include "needlework/v1/aftercare.pb.h"

namespace needlework::host {
namespace {

namespace types = needlework::types::v1;
namespace v1 = needlework::v1;
using needlework::plugin::v1::HOOK_AFTERCARE;

// The start of the booked session after `session_index` among `sessions`, if any.
std::optional<int64_t> NextSessionStart(const std::vector<AppointmentRecord>& sessions,
                                        int session_index) {
  for (const auto& s : sessions) {
    if (s.session_index == session_index + 1 && s.status == types::APPOINTMENT_STATUS_BOOKED) {
      return s.start;
    }
  }
  return std::nullopt;
}

// Fills the host's placeholders: {clinic_name}; {session_date} and {next_session_time} as a
// patient reads them in `language` and the clinic's zone (patient_time.h). Without a booked
// next session {next_session_time} reads "your next session": plugins say it better with a
// waiting text (PatientMessage.waiting_text), which the host uses instead while WAITING.
std::string Render(std::string text, const ClinicCalendar& calendar, int64_t session_start,
                   const std::optional<int64_t>& next_session, const std::string& language) {
  text = ReplacePlaceholder(std::move(text), "{clinic_name}", calendar.clinic.display_name);
  text = ReplacePlaceholder(std::move(text), "{session_date}",
                            PatientDate(session_start, calendar.zone, language));
  return ReplacePlaceholder(std::move(text), "{next_session_time}",
                            next_session ? PatientDateTime(*next_session, calendar.zone, language)
                                         : std::string("your next session"));
}

// The text of `message` as of now: its waiting template while its send time is unknown
// (when it has one), else its template, with the host's placeholders filled.
std::string MessageText(const MessageRecord& message, const ClinicCalendar& calendar,
                        int64_t session_start, const std::optional<int64_t>& next_session) {
  const std::string& chosen = !message.send_at && !message.waiting_template.empty()
                                  ? message.waiting_template
                                  : message.template_text;
  return Render(chosen, calendar, session_start, next_session, message.language);
}

// When `candidate`'s window outlasts `kept`'s (an open end outlasts any end).
bool Outlasts(const types::AftercareInstruction& candidate, const types::AftercareInstruction& kept,
              const Anchors& anchors, const slots::ClinicZone& zone) {
  if (!kept.has_until()) return false;
  if (!candidate.has_until()) return true;
  return ResolveTimeSpec(candidate.until(), anchors, zone).value_or(0) >
         ResolveTimeSpec(kept.until(), anchors, zone).value_or(0);
}

struct Merged {
  std::map<std::string, std::pair<types::AftercareInstruction, std::string>> instructions;
  std::map<std::string, types::ExpectedEffect> effects;
  std::vector<std::pair<types::PatientMessage, std::string>> messages;
};

void MergeAnswer(const needlework::plugin::v1::AftercareResponse& answer, const std::string& plugin,
                 const Anchors& anchors, const slots::ClinicZone& zone, Merged& merged) {
  for (const auto& instruction : answer.instructions()) {
    auto it = merged.instructions.find(instruction.id());
    if (it == merged.instructions.end() || Outlasts(instruction, it->second.first, anchors, zone)) {
      merged.instructions[instruction.id()] = {instruction, plugin};
    }
  }
  for (const auto& effect : answer.expected_effects()) {
    auto it = merged.effects.find(effect.id());
    if (it == merged.effects.end() ||
        effect.normal_course_hours() > it->second.normal_course_hours()) {
      merged.effects[effect.id()] = effect;
    }
  }
  for (const auto& message : answer.messages()) merged.messages.push_back({message, plugin});
}

v1::TimedInstruction Timed(const types::AftercareInstruction& in, const std::string& plugin,
                           const Anchors& anchors, const slots::ClinicZone& zone) {
  v1::TimedInstruction out;
  out.set_id(in.id());
  out.set_text(in.text());
  auto from = ResolveTimeSpec(in.from(), anchors, zone);
  out.set_from(slots::FormatLocal(from.value_or(anchors.session_end), zone));
  if (in.has_until()) {
    if (auto until = ResolveTimeSpec(in.until(), anchors, zone))
      out.set_until(slots::FormatLocal(*until, zone));
  }
  out.set_until_text(in.until_text());
  out.set_indicator(in.indicator());
  out.set_source_plugin(plugin);
  return out;
}

needlework::plugin::v1::AftercareRequest BuildRequest(const AppointmentRecord& appointment,
                                                      const types::SeriesPlan& series,
                                                      const v1::SessionCompletion& completion) {
  needlework::plugin::v1::AftercareRequest request;
  *request.mutable_plan() = series;
  request.set_session_index(appointment.session_index);
  request.set_last_session(appointment.session_index + 1 >= series.session_count());
  for (const auto& area : completion.treatment_areas()) {
    auto* coding = request.add_treatment_areas();
    coding->set_system(std::string(code_systems::kTreatmentArea));
    coding->set_code(area);
  }
  request.set_needle_depth_mm(completion.needle_depth_mm());
  for (const auto& product : completion.products()) request.add_products(product.product());
  request.set_language(completion.language());
  *request.mutable_add_ons() = completion.add_ons();
  return request;
}

MessageRecord ToMessage(const types::PatientMessage& message, const AppointmentRecord& appointment,
                        const ClinicCalendar& calendar, const Anchors& anchors) {
  MessageRecord record;
  record.message_id = NewId("msg");
  record.clinic_id = appointment.clinic_id;
  record.appointment_id = appointment.appointment_id;
  record.plan_id = appointment.plan_id;
  record.session_index = appointment.session_index;
  record.patient_ref = appointment.patient_ref;
  record.kind = message.id();
  record.spec_bytes = message.send_at().SerializeAsString();
  record.template_text = message.text();
  record.waiting_template = message.waiting_text();
  record.language = message.language();
  record.send_at = ResolveTimeSpec(message.send_at(), anchors, calendar.zone);
  record.status = record.send_at ? v1::Message::STATUS_PENDING : v1::Message::STATUS_WAITING;
  record.text = MessageText(record, calendar, appointment.start, anchors.next_session_start);
  return record;
}

// `message` re-timed to the plan's `sessions`; nothing for a sent message, one not anchored
// to the next session, or one whose session is unknown.
std::optional<MessageRecord> Retimed(MessageRecord message,
                                     const std::vector<AppointmentRecord>& sessions,
                                     const ClinicCalendar& calendar) {
  types::TimeSpec spec;
  spec.ParseFromString(message.spec_bytes);
  if (message.status == v1::Message::STATUS_SENT ||
      spec.anchor() != types::ANCHOR_NEXT_SESSION_START) {
    return std::nullopt;
  }
  auto session = std::find_if(sessions.begin(), sessions.end(), [&](const AppointmentRecord& s) {
    return s.appointment_id == message.appointment_id;
  });
  if (session == sessions.end()) return std::nullopt;
  auto next = NextSessionStart(sessions, message.session_index);
  Anchors anchors{session->end, next, std::nullopt};
  message.send_at = ResolveTimeSpec(spec, anchors, calendar.zone);
  message.status = message.send_at ? v1::Message::STATUS_PENDING : v1::Message::STATUS_WAITING;
  message.text = MessageText(message, calendar, session->start, next);
  return message;
}

}  // namespace

std::string ReplacePlaceholder(std::string text, const std::string& placeholder,
                               const std::string& value) {
  for (size_t at = text.find(placeholder); at != std::string::npos;
       at = text.find(placeholder, at + value.size())) {
    text.replace(at, placeholder.size(), value);
  }
  return text;
}

Status PrepareAftercare(Store& store, const PluginCalls& plugins, const ClinicCalendar& calendar,
                        const types::SeriesPlan& series, const v1::SessionCompletion& completion,
                        CompletionWrite* write) {
  const AppointmentRecord& appointment = write->appointment;
  auto snapshot = plugins.registry.Snapshot(appointment.clinic_id);
  auto consulted = snapshot->ForTreatment(HOOK_AFTERCARE, completion.add_ons());
  if (consulted.empty() && snapshot->unavailable.empty()) return OkStatus();
  auto request = BuildRequest(appointment, series, completion);
  Anchors anchors{appointment.end, std::nullopt,
                  request.last_session() ? std::optional<int64_t>(appointment.end) : std::nullopt};
  NW_ASSIGN_OR_RETURN(auto sessions,
                      store.ListAppointmentsOfPlan(appointment.clinic_id, appointment.plan_id));
  anchors.next_session_start = NextSessionStart(sessions, appointment.session_index);
  auto results = RunHookAndWait(plugins, consulted, HOOK_AFTERCARE, request.SerializeAsString(),
                                plugins.deadlines.For("aftercare"));
  v1::AftercarePlan plan;
  plan.set_appointment_id(appointment.appointment_id);
  plan.set_patient_ref(appointment.patient_ref);
  for (const auto& missing : snapshot->unavailable) {  // named, so the gap is visible
    auto* run = plan.add_plugin_runs();
    run->set_plugin_id(missing.plugin_id);
    run->set_state(v1::PluginRun::STATE_ERROR);
    run->set_message("enabled but unavailable: " + missing.reason);
  }
  Merged merged;
  for (const auto& result : results) {
    FillPluginRun(result, plan.add_plugin_runs());
    needlework::plugin::v1::AftercareResponse answer;
    if (result.state != v1::PluginRun::STATE_OK || !answer.ParseFromString(result.response))
      continue;
    MergeAnswer(answer, result.instance->plugin_id(), anchors, calendar.zone, merged);
  }
  for (const auto& [id, entry] : merged.instructions) {
    *plan.add_instructions() = Timed(entry.first, entry.second, anchors, calendar.zone);
  }
  for (const auto& [id, effect] : merged.effects) *plan.add_expected_effects() = effect;
  for (const auto& [message, plugin] : merged.messages) {
    write->messages.push_back(ToMessage(message, appointment, calendar, anchors));
  }
  write->has_aftercare = true;
  write->aftercare = {appointment.appointment_id, appointment.clinic_id, plan.SerializeAsString(),
                      NowUnixMicros() / 1000000};
  return OkStatus();
}

Retimer ReminderRetimer(const ClinicCalendar& calendar) {
  return [calendar](const PlanState& state) {
    std::vector<MessageRecord> retimed;
    for (const auto& message : state.messages) {
      auto changed = Retimed(message, state.appointments, calendar);
      if (changed) retimed.push_back(std::move(*changed));
    }
    return retimed;
  };
}

}  // namespace needlework::host
