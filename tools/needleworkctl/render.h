// Rendering pieces more than one command family prints. Every function writes to `out` only
// (or returns its text) and never fails.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_RENDER_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_RENDER_H_

#include <ostream>
#include <string>
#include <string_view>

#include "needlework/types/v1/therapy.pb.h"
#include "needlework/v1/common.pb.h"

namespace needlework::ctl {

// "\nPlugin runs (N):\n", then a table of them (plugin, version, state, time, message).
void RenderPluginRuns(const google::protobuf::RepeatedPtrField<v1::PluginRun>& runs,
                      std::ostream& out);

// "<label>: 75 minutes; needs practitioner, room, device rf-unit", then a line of the
// add-ons and one of those no longer offered, each only when there are some.
void RenderSessionShape(std::string_view label, const types::v1::SessionShape& shape,
                        std::ostream& out);

// "practitioner, room, device microneedling-pen"; "" for none.
std::string FormatRequirements(
    const google::protobuf::RepeatedPtrField<types::v1::ResourceRequirement>& requirements);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_RENDER_H_
