#include "host/aftercare/time_spec.h"

namespace needlework::host {
namespace {

namespace types = needlework::types::v1;

std::optional<int64_t> AnchorTime(types::Anchor anchor, const Anchors& anchors) {
  switch (anchor) {
    case types::ANCHOR_SESSION_END:
      return anchors.session_end;
    case types::ANCHOR_NEXT_SESSION_START:
      return anchors.next_session_start;
    case types::ANCHOR_SERIES_END:
      return anchors.series_end;
    default:
      return std::nullopt;
  }
}

int64_t LocalTimeAfter(int64_t anchor, const types::LocalTime& local,
                       const slots::ClinicZone& zone) {
  absl::CivilDay day = slots::LocalDate(anchor, zone);
  absl::CivilDay shifted(day.year(), day.month() + local.month_offset(), day.day());
  shifted += local.day_offset();
  int minute = std::clamp(local.minute_of_day(), 0, 24 * 60 - 1);
  absl::CivilSecond wall(shifted.year(), shifted.month(), shifted.day(), minute / 60, minute % 60,
                         0);
  return slots::WallBoundaryToUtc(wall, zone);
}

}  // namespace

std::optional<int64_t> ResolveTimeSpec(const types::TimeSpec& spec, const Anchors& anchors,
                                       const slots::ClinicZone& zone) {
  std::optional<int64_t> anchor = AnchorTime(spec.anchor(), anchors);
  if (!anchor) return std::nullopt;
  if (spec.has_local()) return LocalTimeAfter(*anchor, spec.local(), zone);
  constexpr int64_t kTenYearsMinutes = int64_t{10} * 366 * 24 * 60;  // plugins cannot overflow
  return *anchor + std::clamp(spec.offset_minutes(), -kTenYearsMinutes, kTenYearsMinutes) * 60;
}

}  // namespace needlework::host
