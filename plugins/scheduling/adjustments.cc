#include "plugins/scheduling/adjustments.h"

#include <algorithm>
#include <charconv>
#include <system_error>
#include <utility>

namespace needlework::scheduling {
namespace {

std::string FormatNumber(double value) {
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return error == std::errc() ? std::string(buffer, end) : std::to_string(value);
}

bool HasCode(const types::v1::Observation& observation, const types::v1::Coding& code) {
  return std::any_of(observation.codes().begin(), observation.codes().end(),
                     [&](const types::v1::Coding& coding) {
                       return coding.system() == code.system() && coding.code() == code.code();
                     });
}

// The latest observation with `code` and a numeric value (see adjustments.h), or nullptr.
const types::v1::Observation* LatestWithValue(const types::v1::PatientFacts& patient,
                                              const types::v1::Coding& code) {
  const types::v1::Observation* latest = nullptr;
  for (const types::v1::Observation& observation : patient.observations()) {
    if (!observation.has_value() || !HasCode(observation, code)) continue;
    if (latest == nullptr || observation.effective() >= latest->effective()) latest = &observation;
  }
  return latest;
}

std::optional<std::string> ObservationReason(const Adjustment& adjustment,
                                             const types::v1::PatientFacts& patient) {
  const types::v1::Observation* latest = LatestWithValue(patient, *adjustment.observation);
  if (latest == nullptr || !(latest->value() >= adjustment.min_value)) return std::nullopt;
  return adjustment.observation->code() + " " + FormatNumber(latest->value()) + " (at least " +
         FormatNumber(adjustment.min_value) + ")";
}

std::optional<std::string> AgeReason(const Adjustment& adjustment,
                                     const types::v1::PatientFacts& patient,
                                     std::optional<Day> today) {
  std::optional<Day> birth = ParseDay(patient.birth_date());
  if (!birth || !today || !adjustment.min_age_years) return std::nullopt;
  const int age = AgeInYears(*birth, *today);
  if (age < *adjustment.min_age_years) return std::nullopt;
  return "age " + std::to_string(age) + " (at least " + std::to_string(*adjustment.min_age_years) +
         ")";
}

}  // namespace

std::vector<AppliedAdjustment> MatchAdjustments(const std::vector<Adjustment>& adjustments,
                                                const types::v1::PatientFacts& patient,
                                                std::optional<Day> today) {
  std::vector<AppliedAdjustment> applied;
  for (const Adjustment& adjustment : adjustments) {
    std::optional<std::string> reason = adjustment.observation
                                            ? ObservationReason(adjustment, patient)
                                            : AgeReason(adjustment, patient, today);
    if (reason) applied.push_back({&adjustment, std::move(*reason)});
  }
  return applied;
}

}  // namespace needlework::scheduling
