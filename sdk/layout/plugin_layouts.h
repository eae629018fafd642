// The message-layout rule of plugin_abi.h ("Message layouts"), applied to a plugin's API
// table: shared by the host (at load), needleworkctl (before it calls describe) and the
// conformance kit, so all three judge a plugin alike.
#ifndef NEEDLEWORK_SDK_LAYOUT_PLUGIN_LAYOUTS_H_
#define NEEDLEWORK_SDK_LAYOUT_PLUGIN_LAYOUTS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "needlework/plugin_abi.h"
#include "needlework/status.h"

namespace needlework::layout {

// The smallest struct_size a plugin of ABI 1.`abi_minor` may report.
size_t RequiredApiSize(uint32_t abi_minor);

// How a loaded plugin's message layouts were judged, for the log.
struct LayoutVerdict {
  bool checked = false;  // false: an ABI before 1.4, which reports no fingerprints
  std::string summary;   // what was compared, or why nothing was
};

// For a plugin whose version block passed (same major, minor not newer, same build key):
//  - ABI 1.0 to 1.3: not checked (LayoutVerdict::checked is false), never refused;
//  - ABI 1.4 and later: its message_fingerprints (NULL reads as the empty table) is compared
//    with `host_table`; every message both know must have the same fingerprint. Messages only
//    one side knows are not compared.
// FAILED_PRECONDITION naming every differing message and `sdk_version` (the host's SDK, to
// rebuild against), or a malformed table, or a struct_size too small for its minor.
// INTERNAL when `host_table` itself is malformed.
StatusOr<LayoutVerdict> CheckMessageLayouts(const nw_plugin_api& api, std::string_view host_table,
                                            std::string_view sdk_version);

}  // namespace needlework::layout

#endif  // NEEDLEWORK_SDK_LAYOUT_PLUGIN_LAYOUTS_H_
