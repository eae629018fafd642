// The template's steps against what a clinic has, and how they read (clinic_template.h).
#include <algorithm>
#include <tuple>
#include <utility>

#include "commands/clinic_template.h"
#include "enums.h"
#include "hours.h"
#include "text.h"

namespace needlework::ctl {
namespace {

using types::v1::ResourceType;

v1::Resource TemplateResource(std::string_view id, ResourceType type, std::string_view kind,
                              std::string_view name) {
  v1::Resource resource;
  resource.set_resource_id(std::string(id));
  resource.set_type(type);
  resource.set_device_kind(std::string(kind));
  resource.set_display_name(std::string(name));
  resource.set_active(true);
  return resource;
}

// The practitioner, the room and the microneedling pen every base session holds.
std::vector<v1::Resource> TemplateResources(const ClinicTemplateArgs& args) {
  return {TemplateResource(args.practitioner_id, types::v1::RESOURCE_TYPE_PRACTITIONER, "",
                           args.practitioner_name),
          TemplateResource(args.room_id, types::v1::RESOURCE_TYPE_ROOM, "", args.room_name),
          TemplateResource(args.pen_id, types::v1::RESOURCE_TYPE_DEVICE, "microneedling-pen",
                           args.pen_name)};
}

bool SameResource(const v1::Resource& a, const v1::Resource& b) {
  return a.resource_id() == b.resource_id() && a.type() == b.type() &&
         a.device_kind() == b.device_kind() && a.display_name() == b.display_name() &&
         a.active() == b.active();
}

// The spans ordered by day, then time, so two weeks compare whatever order they came in.
std::vector<std::tuple<int, std::string, std::string>> SortedSpans(
    const google::protobuf::RepeatedPtrField<v1::OpeningSpan>& spans) {
  std::vector<std::tuple<int, std::string, std::string>> sorted;
  for (const v1::OpeningSpan& span : spans)
    sorted.emplace_back(span.weekday(), span.open(), span.close());
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

v1::OpeningHours TemplateHours(const ClinicTemplateArgs& args) {
  v1::OpeningHours hours;
  hours.set_clinic_id(args.clinic_id);
  for (const v1::OpeningSpan& span : args.opening_spans) *hours.add_spans() = span;
  return hours;
}

// The week as `hours set` reads it, runs of days with the same hours joined:
// "mon-fri 09:00-17:00; sat 10:00-14:00", or "closed every day".
std::string HoursText(const v1::OpeningHours& hours) {
  std::vector<std::pair<std::string, std::string>> rows = WeekRows(hours.spans());
  std::string text;
  for (size_t first = 0, last = 0; first < rows.size(); first = last + 1) {
    last = first;
    while (last + 1 < rows.size() && rows[last + 1].second == rows[first].second) ++last;
    if (rows[first].second == "closed") continue;
    std::string days = rows[first].first + (last > first ? "-" + rows[last].first : "");
    text += (text.empty() ? "" : "; ") + days + " " + rows[first].second;
  }
  return text.empty() ? "closed every day" : text;
}

std::string ResourceText(const v1::Resource& resource) {
  return ResourceTypeLabel(resource.type()) + " " + Printable(resource.resource_id()) + " (" +
         Printable(resource.display_name()) + ")";
}

SetupStep TimeZoneStep(const ClinicTemplateArgs& args, const ClinicState& state) {
  v1::SetClinicTimeZoneRequest request;
  request.set_clinic_id(args.clinic_id);
  request.set_time_zone(args.time_zone);
  const std::string& now = state.clinic.time_zone();
  return {"time zone " + args.time_zone, "set (was " + OrDash(now) + ")", now != args.time_zone,
          request};
}

SetupStep PluginStep(const ClinicTemplateArgs& args, const ClinicState& state,
                     std::string_view plugin_id) {
  v1::EnablePluginRequest request;
  request.set_clinic_id(args.clinic_id);
  request.set_plugin_id(std::string(plugin_id));
  bool enabled = std::any_of(state.plugins.begin(), state.plugins.end(), [&](const auto& plugin) {
    return plugin.plugin_id() == plugin_id && plugin.enabled();
  });
  return {"plugin " + std::string(plugin_id), "enabled", !enabled, request};
}

SetupStep ResourceStep(const ClinicTemplateArgs& args, const ClinicState& state,
                       const v1::Resource& wanted) {
  v1::UpsertResourceRequest request;
  request.set_clinic_id(args.clinic_id);
  *request.mutable_resource() = wanted;
  auto same_id = std::find_if(state.resources.begin(), state.resources.end(), [&](const auto& r) {
    return r.resource_id() == wanted.resource_id();
  });
  if (same_id == state.resources.end()) return {ResourceText(wanted), "added", true, request};
  return {ResourceText(wanted), "replaced (was " + ResourceText(*same_id) + ")",
          !SameResource(*same_id, wanted), request};
}

SetupStep HoursStep(const ClinicTemplateArgs& args, const ClinicState& state) {
  v1::SetOpeningHoursRequest request;
  *request.mutable_hours() = TemplateHours(args);
  bool same = SortedSpans(state.hours.spans()) == SortedSpans(request.hours().spans());
  return {"opening hours " + HoursText(request.hours()), "set (was " + HoursText(state.hours) + ")",
          !same, request};
}

// What the clinic has that the template does not: resources ("resources dr-x, room-2"), hours
// other than its own ("opening hours mon-sat 08:00-18:00"); empty when nothing.
std::vector<std::string> OwnSetup(const ClinicTemplateArgs& args, const ClinicState& state) {
  std::vector<v1::Resource> wanted = TemplateResources(args);
  std::string resources;
  for (const v1::Resource& resource : state.resources) {
    bool ours = std::any_of(wanted.begin(), wanted.end(),
                            [&](const auto& mine) { return SameResource(resource, mine); });
    if (!ours) resources += (resources.empty() ? "" : ", ") + Printable(resource.resource_id());
  }
  std::vector<std::string> own;
  if (!resources.empty()) own.push_back("resources " + resources);
  if (!state.hours.spans().empty() &&
      SortedSpans(state.hours.spans()) != SortedSpans(TemplateHours(args).spans())) {
    own.push_back("opening hours " + HoursText(state.hours));
  }
  return own;
}

}  // namespace

std::vector<SetupStep> PlanClinicSetup(const ClinicTemplateArgs& args, const ClinicState& state) {
  std::vector<SetupStep> steps = {TimeZoneStep(args, state)};
  for (std::string_view plugin_id : kTemplatePlugins) {
    steps.push_back(PluginStep(args, state, plugin_id));
  }
  for (const v1::Resource& resource : TemplateResources(args)) {
    steps.push_back(ResourceStep(args, state, resource));
  }
  steps.push_back(HoursStep(args, state));
  return steps;
}

Status CheckOverwrite(const ClinicTemplateArgs& args, const ClinicState& state,
                      const std::vector<SetupStep>& steps) {
  bool changes = std::any_of(steps.begin(), steps.end(), [](const auto& s) { return s.needed; });
  std::vector<std::string> own = OwnSetup(args, state);
  if (args.overwrite || !changes || own.empty()) return OkStatus();
  std::string has = own[0] + (own.size() > 1 ? " and " + own[1] : "");
  return FailedPreconditionError(
      "clinic " + args.clinic_id + " already has " + has +
      " of its own; nothing was changed. Review them with `needleworkctl resources " +
      args.clinic_id + "` and `needleworkctl hours " + args.clinic_id +
      "`, or run setup again with --overwrite to apply the starting point anyway (the steps "
      "above; its other resources are kept)");
}

void RenderStep(const SetupStep& step, bool applied, std::ostream& out) {
  out << "  " << step.what << ": ";
  if (!step.needed) {
    out << "already so\n";
  } else {
    out << (applied ? "" : "would be ") << step.done << '\n';
  }
}

void RenderNextSteps(const ClinicTemplateArgs& args, std::ostream& out) {
  const std::string& id = args.clinic_id;
  out << "Next:\n"
      << "  an EMR token for the clinic (clinic create printed one):\n"
      << "    needleworkctl --token $ADMIN token issue --role emr --clinic " << id
      << " --label \"EMR link\"\n"
      << "  screen a patient, then plan a series and book its first session:\n"
      << "    needleworkctl --token $EMR screen --fhir CHART.json --concern acne-scars --area "
         "face\n"
      << "    needleworkctl --token $EMR plan create --patient Patient/ID --screening "
         "SCREENING-ID --fhir CHART.json --concern acne-scars --area face\n"
      << "    needleworkctl --token $EMR slots PLAN-ID 1 --from YYYY-MM-DD --to YYYY-MM-DD\n"
      << "    needleworkctl --token $EMR book PLAN-ID 1 --start START --practitioner "
      << args.practitioner_id << " --room " << args.room_id << " --device " << args.pen_id << '\n'
      << "  more staff, rooms or devices: needleworkctl --token $ADMIN resource add " << id
      << " ...\n"
      << "  add-ons (RF, PRP, serums): add the device each needs, then\n"
      << "    needleworkctl --token $ADMIN plugin enable " << id
      << " org.needlework.radiofrequency\n"
      << "The README's \"Setting up your own clinic\" runs each of these.\n";
}

}  // namespace needlework::ctl
