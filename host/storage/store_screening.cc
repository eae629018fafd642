// Store: screening records and their reviews.
#include <sstream>

#include "host/storage/sqlite_store.h"

namespace needlework::host {
namespace {

constexpr char kScreeningColumns[] =
    "SELECT screening_id, clinic_id, patient_ref, outcome, result, input_digest, created_at "
    "FROM screenings ";

constexpr char kReviewColumns[] =
    "SELECT review_id, screening_id, clinic_id, decision, overridden_rule_ids, reviewer, reason, "
    "token_id, reviewed_at FROM screening_reviews ";

// One rule id a line (ids are one-line names like "anticoagulant-prp").
std::string JoinIds(const std::vector<std::string>& ids) {
  std::string joined;
  for (const auto& id : ids) joined += id + "\n";
  return joined;
}

std::vector<std::string> SplitIds(const std::string& joined) {
  std::vector<std::string> ids;
  std::istringstream in(joined);
  for (std::string id; std::getline(in, id);) ids.push_back(id);
  return ids;
}

ReviewRow ReadReview(const sqlite::Statement& row) {
  return ReviewRow{row.ColumnText(0),
                   row.ColumnText(1),
                   row.ColumnText(2),
                   static_cast<int>(row.ColumnInt(3)),
                   SplitIds(row.ColumnText(4)),
                   row.ColumnText(5),
                   row.ColumnText(6),
                   row.ColumnText(7),
                   row.ColumnInt(8)};
}

}  // namespace

Status SqliteStore::InsertScreening(const ScreeningRow& row) {
  return grouped_.Run([&] { return InsertScreeningLocked(row); },
                      {"screening_id=" + row.screening_id});
}

Status SqliteStore::InsertScreeningLocked(const ScreeningRow& row) {
  NW_ASSIGN_OR_RETURN(
      auto insert,
      db_->Prepare("INSERT INTO screenings (screening_id, clinic_id, patient_ref, outcome, result, "
                   "input_digest, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  insert->Bind(1, row.screening_id).Bind(2, row.clinic_id).Bind(3, row.patient_ref);
  insert->Bind(4, int64_t{row.outcome}).Bind(5, row.result_bytes).Bind(6, row.input_digest);
  insert->Bind(7, row.created_at);
  return insert->Run();
}

StatusOr<ScreeningRow> SqliteStore::GetScreening(const std::string& clinic_id,
                                           const std::string& screening_id) {
  std::lock_guard lock(read_mutex_);
  NW_ASSIGN_OR_RETURN(auto query, reader_->Prepare(std::string(kScreeningColumns) +
                                                   "WHERE clinic_id = ? AND screening_id = ?"));
  query->Bind(1, clinic_id).Bind(2, screening_id);
  NW_ASSIGN_OR_RETURN(bool row, query->Step());
  if (!row) return NotFoundError("no screening '" + screening_id + "' at this clinic");
  return ScreeningRow{query->ColumnText(0), query->ColumnText(1),
                      query->ColumnText(2), static_cast<int>(query->ColumnInt(3)),
                      query->ColumnText(4), query->ColumnText(5),
                      query->ColumnInt(6)};
}

Status SqliteStore::InsertReview(const ReviewRow& review, IdempotencyClaim* claim) {
  return Claimed(claim, [&] { return InsertReviewLocked(review); },
                 {"screening_id=" + review.screening_id + " review_id=" + review.review_id});
}

Status SqliteStore::InsertReviewLocked(const ReviewRow& review) {
  NW_ASSIGN_OR_RETURN(auto exists, db_->Prepare("SELECT 1 FROM screenings WHERE clinic_id = ? "
                                                "AND screening_id = ?"));
  exists->Bind(1, review.clinic_id).Bind(2, review.screening_id);
  NW_ASSIGN_OR_RETURN(bool found, exists->Step());
  if (!found) return NotFoundError("no screening '" + review.screening_id + "' at this clinic");
  NW_ASSIGN_OR_RETURN(
      auto insert,
      db_->Prepare("INSERT INTO screening_reviews (review_id, screening_id, clinic_id, decision, "
                   "overridden_rule_ids, reviewer, reason, token_id, reviewed_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  insert->Bind(1, review.review_id).Bind(2, review.screening_id).Bind(3, review.clinic_id);
  insert->Bind(4, int64_t{review.decision}).Bind(5, JoinIds(review.overridden_rule_ids));
  insert->Bind(6, review.reviewer).Bind(7, review.reason).Bind(8, review.token_id);
  insert->Bind(9, review.reviewed_at);
  return insert->Run();
}

StatusOr<std::vector<ReviewRow>> SqliteStore::ListReviews(const std::string& clinic_id,
                                                    const std::string& screening_id) {
  std::lock_guard lock(read_mutex_);
  NW_ASSIGN_OR_RETURN(auto query, reader_->Prepare(std::string(kReviewColumns) +
                                                   "WHERE clinic_id = ? AND screening_id = ? "
                                                   "ORDER BY reviewed_at, rowid"));
  query->Bind(1, clinic_id).Bind(2, screening_id);
  std::vector<ReviewRow> reviews;
  while (true) {
    NW_ASSIGN_OR_RETURN(bool row, query->Step());
    if (!row) break;
    reviews.push_back(ReadReview(*query));
  }
  return reviews;
}

Status SqliteStore::SetScreeningRecency(const std::string& clinic_id, int days) {
  return grouped_.Run([&] { return SetScreeningRecencyLocked(clinic_id, days); });
}

Status SqliteStore::SetScreeningRecencyLocked(const std::string& clinic_id, int days) {
  NW_ASSIGN_OR_RETURN(auto update, db_->Prepare("UPDATE clinics SET screening_recency_days = ? "
                                                "WHERE clinic_id = ?"));
  update->Bind(1, int64_t{days}).Bind(2, clinic_id);
  NW_RETURN_IF_ERROR(update->Run());
  if (sqlite3_changes(db_->handle()) == 0) return NotFoundError("no clinic '" + clinic_id + "'");
  return OkStatus();
}

}  // namespace needlework::host
