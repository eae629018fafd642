// Records the aftercare part of the store reads and writes.
#ifndef NEEDLEWORK_HOST_STORAGE_AFTERCARE_RECORDS_H_
#define NEEDLEWORK_HOST_STORAGE_AFTERCARE_RECORDS_H_

#include <cstdint>
#include <optional>
#include <string>

namespace needlework::host {

struct AftercareRecord {
  std::string appointment_id;
  std::string clinic_id;
  std::string plan_bytes;  // serialized needlework.v1.AftercarePlan, without messages
  int64_t created_at = 0;
};

struct MessageRecord {
  std::string message_id;
  std::string clinic_id;
  std::string appointment_id;
  std::string plan_id;
  int session_index = 0;
  std::string patient_ref;
  std::string kind;        // the plugin's message id
  std::string spec_bytes;  // serialized needlework.types.v1.TimeSpec
  std::string template_text;
  // The template while send_at is unknown (PatientMessage.waiting_text); empty: template_text.
  std::string waiting_template;
  std::string text;  // placeholders filled
  std::string language;
  std::optional<int64_t> send_at;  // Unix seconds; empty while the anchor is unknown
  int status = 0;                  // needlework.v1.Message.Status
  int64_t sent_at = 0;
};

struct SymptomRecord {
  std::string report_id;
  std::string clinic_id;
  std::string appointment_id;
  std::string patient_ref;
  std::string report_bytes;  // serialized needlework.v1.SymptomReport
  int64_t created_at = 0;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_STORAGE_AFTERCARE_RECORDS_H_
