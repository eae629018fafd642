// Message-fingerprint tables, the form in which a plugin reports its view of the contract's
// message layouts (nw_plugin_api.message_fingerprints, plugin_abi.h) and in which the SDK
// ships its own (needlework/message_fingerprints.h): "full.message.Name=fingerprint" entries
// joined by ';', in name order, each fingerprint 16 lowercase hex digits (message_fingerprint.h
// says how one is computed). Standard library only: the host, needleworkctl and the
// conformance kit compile this in.
#ifndef NEEDLEWORK_SDK_LAYOUT_FINGERPRINT_TABLE_H_
#define NEEDLEWORK_SDK_LAYOUT_FINGERPRINT_TABLE_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "needlework/status.h"

namespace needlework::layout {

// Full message name -> fingerprint.
using FingerprintTable = std::map<std::string, std::string, std::less<>>;

// Reads the text form; empty text is the empty table. INVALID_ARGUMENT naming the first
// entry that is not "name=<16 hex digits>" or that repeats a name.
StatusOr<FingerprintTable> ParseFingerprintTable(std::string_view text);

// The text form of `table`, which ParseFingerprintTable reads back.
std::string FormatFingerprintTable(const FingerprintTable& table);

// The names in both tables whose fingerprints differ, in name order.
std::vector<std::string> DifferingMessages(const FingerprintTable& plugin,
                                           const FingerprintTable& host);

// `names` joined by ", ", for messages that name messages.
std::string JoinNames(const std::vector<std::string>& names);

}  // namespace needlework::layout

#endif  // NEEDLEWORK_SDK_LAYOUT_FINGERPRINT_TABLE_H_
