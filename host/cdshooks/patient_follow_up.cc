#include "host/cdshooks/patient_follow_up.h"

#include "host/common/paging.h"
#include "needlework/v1/aftercare.pb.h"

namespace needlework::host {
namespace {

using Json = nlohmann::json;
namespace types = needlework::types::v1;

StatusOr<std::vector<MessageRecord>> DueMessages(Store& store, const std::string& clinic_id,
                                                 const std::string& patient_ref, int64_t now) {
  NW_ASSIGN_OR_RETURN(
      auto plans, store.ListPlans(clinic_id, patient_ref, RowPage{kMaxPageSize, INT64_MIN, ""}));
  std::vector<MessageRecord> due;
  for (const auto& plan : plans) {
    NW_ASSIGN_OR_RETURN(auto messages, store.ListMessagesOfPlan(clinic_id, plan.plan_id));
    for (auto& message : messages) {
      if (message.status == needlework::v1::Message::STATUS_PENDING && message.send_at &&
          *message.send_at <= now) {
        due.push_back(std::move(message));
      }
    }
  }
  return due;
}

Json DueCard(const CardSource& source, const std::vector<MessageRecord>& due) {
  std::string detail = "Aftercare messages due and not yet sent:\n\n";
  for (const auto& message : due) detail += "- " + message.kind + ": " + message.text + "\n";
  return NewCard(source, std::to_string(due.size()) + " aftercare message(s) due for this patient",
                 detail, "info");
}

std::string IndicatorName(types::Indicator indicator) {
  if (indicator == types::INDICATOR_CRITICAL) return "critical";
  return indicator == types::INDICATOR_WARNING ? "warning" : "info";
}

StatusOr<std::vector<needlework::v1::SymptomReport>> RecentReports(Store& store,
                                                                   const std::string& clinic_id,
                                                                   const std::string& patient_ref,
                                                                   int64_t now) {
  NW_ASSIGN_OR_RETURN(
      auto rows, store.ListSymptomReports(clinic_id, patient_ref, "",
                                          RowPage{kMaxPageSize, now - kOpenSymptomSeconds, ""}));
  std::vector<needlework::v1::SymptomReport> reports;
  for (const auto& row : rows) {
    needlework::v1::SymptomReport report;
    if (row.created_at < now - kOpenSymptomSeconds || !report.ParseFromString(row.report_bytes)) {
      continue;
    }
    reports.push_back(std::move(report));
  }
  return reports;
}

Json ReportsCard(const CardSource& source,
                 const std::vector<needlework::v1::SymptomReport>& reports) {
  types::Indicator worst = types::INDICATOR_INFO;
  std::string detail = "Symptom reports of the last 14 days:\n\n";
  for (const auto& report : reports) {
    worst = std::max(worst, report.indicator());
    detail += "- " + report.reported_at() + " " + report.symptom().code() + " (" +
              types::TriageLevel_Name(report.level()) + "): " + report.advice() + "\n";
  }
  return NewCard(source, std::to_string(reports.size()) + " symptom report(s) in the last 14 days",
                 detail, IndicatorName(worst));
}

}  // namespace

StatusOr<std::vector<Json>> FollowUpCards(Store& store, const std::string& clinic_id,
                                          const CardSource& source, int64_t now) {
  std::vector<Json> cards;
  NW_ASSIGN_OR_RETURN(auto due, DueMessages(store, clinic_id, source.patient_ref, now));
  if (!due.empty()) cards.push_back(DueCard(source, due));
  NW_ASSIGN_OR_RETURN(auto reports, RecentReports(store, clinic_id, source.patient_ref, now));
  if (!reports.empty()) cards.push_back(ReportsCard(source, reports));
  return cards;
}

}  // namespace needlework::host
