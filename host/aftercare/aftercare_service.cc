#include "host/aftercare/aftercare_service.h"

#include "host/aftercare/triage.h"
#include "host/calendar/clinic_calendar.h"
#include "host/common/idempotency_key.h"
#include "host/common/ids.h"
#include "host/common/log.h"
#include "host/common/paging.h"
#include "host/common/request_limits.h"
#include "host/common/rpc.h"
#include "host/common/time_util.h"
#include "host/storage/idempotent_write.h"
#include "needlework/types/v1/scheduling.pb.h"
#include "needlework/v1/scheduling.pb.h"

namespace needlework::host {
namespace {

namespace types = needlework::types::v1;
namespace v1 = needlework::v1;

constexpr int kMaxLimit = 1000;

int64_t NowSeconds() { return NowUnixMicros() / 1000000; }

v1::Message ToApiMessage(const MessageRecord& m, const slots::ClinicZone& zone) {
  v1::Message out;
  out.set_message_id(m.message_id);
  out.set_status(static_cast<v1::Message::Status>(m.status));
  if (m.send_at) out.set_occurrence(slots::FormatLocal(*m.send_at, zone));
  out.set_payload_text(m.text);
  out.set_language(m.language);
  out.set_about("Appointment/" + m.appointment_id);
  out.set_recipient(m.patient_ref);
  out.set_kind(m.kind);
  if (m.sent_at > 0) out.set_sent_at(slots::FormatLocal(m.sent_at, zone));
  return out;
}

StatusOr<AppointmentRecord> CompletedAppointment(Store& store, const std::string& clinic_id,
                                                 const std::string& appointment_id) {
  if (appointment_id.empty()) return InvalidArgumentError("appointment_id is required");
  NW_ASSIGN_OR_RETURN(AppointmentRecord appointment,
                      store.GetAppointment(clinic_id, appointment_id));
  if (appointment.status != types::APPOINTMENT_STATUS_FULFILLED) {
    return FailedPreconditionError("appointment " + appointment_id + " is " +
                                   types::AppointmentStatus_Name(appointment.status) +
                                   "; aftercare starts when the session is completed");
  }
  return appointment;
}

Status CheckSymptom(const v1::ReportSymptomRequest& request) {
  if (request.symptom().system().empty() || request.symptom().code().empty()) {
    return InvalidArgumentError(
        "symptom needs a system and a code (e.g. https://needlework.dev/fhir/CodeSystem/symptom "
        "| redness)");
  }
  if (request.severity() == types::SYMPTOM_SEVERITY_UNSPECIFIED ||
      !types::SymptomSeverity_IsValid(request.severity())) {
    return InvalidArgumentError("severity is required: MILD, MODERATE or SEVERE");
  }
  return OkStatus();
}

}  // namespace

template <typename Body>
grpc::ServerUnaryReactor* AftercareServiceImpl::AsEmr(Ctx* context, Body&& body) {
  auto caller = tokens_.Authorize(*context);
  return FinishWith(context, caller.ok() ? body(caller->clinic_id) : caller.status());
}

grpc::ServerUnaryReactor* AftercareServiceImpl::GetAftercarePlan(
    Ctx* context, const v1::GetAftercarePlanRequest* request, v1::AftercarePlan* response) {
  return AsEmr(context, [&](const std::string& clinic_id) -> Status {
    NW_RETURN_IF_ERROR(CompletedAppointment(store_, clinic_id, request->appointment_id()).status());
    auto record = store_.GetAftercare(clinic_id, request->appointment_id());
    if (record.status().code() == StatusCode::kNotFound) {
      return FailedPreconditionError("no aftercare plugin was enabled when appointment " +
                                     request->appointment_id() + " was completed");
    }
    NW_RETURN_IF_ERROR(record.status());
    response->ParseFromString(record->plan_bytes);
    NW_ASSIGN_OR_RETURN(auto zone, LoadClinicZone(store_, clinic_id));
    NW_ASSIGN_OR_RETURN(auto messages,
                        store_.ListMessagesOfAppointment(clinic_id, request->appointment_id()));
    for (const auto& m : messages) *response->add_messages() = ToApiMessage(m, zone);
    return OkStatus();
  });
}

grpc::ServerUnaryReactor* AftercareServiceImpl::ListDueMessages(
    Ctx* context, const v1::ListDueMessagesRequest* request,
    v1::ListDueMessagesResponse* response) {
  return AsEmr(context, [&](const std::string& clinic_id) -> Status {
    int64_t up_to = NowSeconds();
    if (!request->up_to().empty()) {
      auto parsed = slots::ParseRfc3339(request->up_to());
      if (!parsed.ok()) return parsed.status().WithPrefix("up_to");
      up_to = *parsed;
    }
    if (request->limit() < 0 || request->limit() > kMaxLimit) {
      return InvalidArgumentError("limit must be 0 (default 100) to 1000");
    }
    NW_ASSIGN_OR_RETURN(Page page, ReadPage(*request, clinic_id));
    if (request->page_size() == 0 && request->limit() != 0) page.size = request->limit();
    NW_ASSIGN_OR_RETURN(RowPage rows, page.Rows());
    NW_ASSIGN_OR_RETURN(auto zone, LoadClinicZone(store_, clinic_id));
    NW_ASSIGN_OR_RETURN(auto due, store_.ListDueMessages(clinic_id, up_to, rows));
    response->set_next_page_token(TrimRows(due, page, [](const MessageRecord& m) {
      return PageKey(m.send_at.value_or(0), m.message_id);
    }));
    for (const auto& m : due) *response->add_messages() = ToApiMessage(m, zone);
    return OkStatus();
  });
}

grpc::ServerUnaryReactor* AftercareServiceImpl::MarkMessagesSent(
    Ctx* context, const v1::MarkMessagesSentRequest* request,
    v1::MarkMessagesSentResponse* response) {
  return AsEmr(context, [&](const std::string& clinic_id) -> Status {
    NW_RETURN_IF_ERROR(CheckListLimits(*request));
    if (request->message_ids().empty() || request->message_ids_size() > kMaxLimit) {
      return InvalidArgumentError("message_ids must hold 1 to 1000 ids");
    }
    NW_ASSIGN_OR_RETURN(std::string key, IdempotencyKeyOf(*context, request->idempotency_key()));
    return RunIdempotent(
        store_, {clinic_id, "MarkMessagesSent", key, NowSeconds()}, *request, response,
        [&](IdempotencyClaim* claim) { return MarkSent(clinic_id, *request, claim, response); });
  });
}

Status AftercareServiceImpl::MarkSent(const std::string& clinic_id,
                                      const v1::MarkMessagesSentRequest& request,
                                      IdempotencyClaim* claim,
                                      v1::MarkMessagesSentResponse* response) {
  std::vector<std::string> ids(request.message_ids().begin(), request.message_ids().end());
  std::vector<std::string> marked, already;
  auto answer = [&] {
    response->Clear();
    for (const auto& id : marked) response->add_marked(id);
    for (const auto& id : already) response->add_already_sent(id);
  };
  if (claim != nullptr) {
    // Called inside the transaction, once `marked` and `already` hold what it commits.
    claim->response = [&] {
      answer();
      return response->SerializeAsString();
    };
  }
  NW_RETURN_IF_ERROR(
      store_.MarkMessagesSent(clinic_id, ids, NowSeconds(), &marked, &already, claim));
  answer();
  return OkStatus();
}

grpc::ServerUnaryReactor* AftercareServiceImpl::ReportSymptom(
    Ctx* context, const v1::ReportSymptomRequest* request, v1::SymptomReport* response) {
  return AsEmr(context, [&](const std::string& clinic_id) -> Status {
    NW_RETURN_IF_ERROR(CheckSymptom(*request));
    NW_ASSIGN_OR_RETURN(AppointmentRecord appointment,
                        CompletedAppointment(store_, clinic_id, request->appointment_id()));
    NW_ASSIGN_OR_RETURN(ClinicCalendar calendar, LoadClinicCalendar(store_, clinic_id));
    const slots::ClinicZone& zone = calendar.zone;
    int64_t now = NowSeconds();
    v1::SymptomReport report;
    report.set_report_id(NewId("sym"));
    report.set_appointment_id(appointment.appointment_id);
    report.set_patient_ref(appointment.patient_ref);
    *report.mutable_symptom() = request->symptom();
    report.set_severity(request->severity());
    report.set_note(request->note());
    report.set_days_since_session(std::max<double>(0, (now - appointment.end) / 86400.0));
    report.set_reported_at(slots::FormatLocal(now, zone));
    v1::SessionCompletion completion;
    completion.ParseFromString(appointment.completion_bytes);
    NW_RETURN_IF_ERROR(TriageReport(plugins_, clinic_id, calendar.clinic.display_name,
                                    request->language(), completion.add_ons(), &report));
    NW_RETURN_IF_ERROR(
        store_.InsertSymptomReport({report.report_id(), clinic_id, appointment.appointment_id,
                                    appointment.patient_ref, report.SerializeAsString(), now}));
    LogEvent(Level::kInfo, "symptom_reported",
             {{"clinic", clinic_id},
              {"report", report.report_id()},
              {"level", types::TriageLevel_Name(report.level())}});
    *response = std::move(report);
    return OkStatus();
  });
}

grpc::ServerUnaryReactor* AftercareServiceImpl::ListSymptomReports(
    Ctx* context, const v1::ListSymptomReportsRequest* request,
    v1::ListSymptomReportsResponse* response) {
  return AsEmr(context, [&](const std::string& clinic_id) -> Status {
    if (request->filter_case() == v1::ListSymptomReportsRequest::FILTER_NOT_SET) {
      return InvalidArgumentError("set patient_ref or appointment_id");
    }
    if (request->patient_ref().empty() && request->appointment_id().empty()) {
      // An empty filter would list the whole clinic.
      return InvalidArgumentError(
          "the patient_ref or appointment_id given is empty; name one patient or appointment");
    }
    NW_ASSIGN_OR_RETURN(Page page, ReadPage(*request, clinic_id));
    NW_ASSIGN_OR_RETURN(RowPage rows, page.Rows());
    NW_RETURN_IF_ERROR(request->patient_ref().empty()
                           ? store_.GetAppointment(clinic_id, request->appointment_id()).status()
                           : store_.ExpectPatient(clinic_id, request->patient_ref()));
    NW_ASSIGN_OR_RETURN(auto reports, store_.ListSymptomReports(clinic_id, request->patient_ref(),
                                                                request->appointment_id(), rows));
    response->set_next_page_token(TrimRows(
        reports, page, [](const SymptomRecord& r) { return PageKey(r.created_at, r.report_id); }));
    for (const auto& r : reports) response->add_reports()->ParseFromString(r.report_bytes);
    return OkStatus();
  });
}

}  // namespace needlework::host
