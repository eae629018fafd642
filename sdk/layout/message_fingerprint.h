// The layout fingerprint of a contract message: what a plugin and the host compare to know
// that the generated C++ class both compiled has one shape (plugin_abi.h, "Message layouts").
//
// A message's canonical layout is text, one line per item, each line ended by '\n':
//   message <full name> <proto2|proto3>[ optimize_for=<CODE_SIZE|LITE_RUNTIME>][ map_entry]
//           [ extensions]
//   field <number> <name> <optional|required|repeated> <type>[ <full type name>][ map]
//         [ oneof <oneof name>][ presence][ packed][ default=<value>][ ctype=<CORD|STRING_PIECE>]
//         [ lazy][ weak]                                  (one line per field)
//   oneof <name>                                          (one line per real oneof)
// Fields and oneofs come in declaration order, which decides the generated class's members
// and has-bits; <type> is protobuf's name for it (int32, string, message, enum, ...), and the
// full type name is given for message, group and enum fields. "presence" marks a field with
// a has-bit or oneof case (proto3 `optional` included). Nested messages are fingerprinted
// as messages of their own, under their full names (map entries included); enums, comments,
// json names, reserved ranges and options other than those above change no layout and are
// left out. The fingerprint is the 64-bit FNV-1a hash of that text, as 16 lowercase hex
// digits. It detects drift between SDK builds, not forgery (a plugin reports its own table),
// so a non-cryptographic hash does, and the generator needs nothing but libprotobuf.
// The form and the hash are part of ABI major 1; changing either is a major change.
#ifndef NEEDLEWORK_SDK_LAYOUT_MESSAGE_FINGERPRINT_H_
#define NEEDLEWORK_SDK_LAYOUT_MESSAGE_FINGERPRINT_H_

#include <google/protobuf/descriptor.h>

#include <string>
#include <string_view>

#include "needlework/status.h"
#include "sdk/layout/fingerprint_table.h"

namespace needlework::layout {

// The canonical layout text of `message` (above).
std::string CanonicalLayout(const google::protobuf::Descriptor& message);

// The fingerprint of `message`: FNV-1a 64 of its canonical layout, 16 hex digits.
std::string Fingerprint(const google::protobuf::Descriptor& message);

// Adds every message `file` defines, nested ones included, to `table`. Files of the package
// google.protobuf add nothing: their code is libprotobuf's, which the build key pins.
void AddFileFingerprints(const google::protobuf::FileDescriptor& file, FingerprintTable* table);

// Compares `compiled` (a table compiled into a binary from the SDK headers it was built
// with) with the running process's generated descriptors, which come from the
// libneedlework_sdk.so it loaded: the messages of every file that defines a message of
// `compiled`, and of those files' imports. OK when both say the same; FAILED_PRECONDITION
// naming each message that differs, is missing from the library, or is missing from
// `compiled`; INVALID_ARGUMENT when `compiled` does not parse.
Status CheckAgainstGeneratedPool(std::string_view compiled);

}  // namespace needlework::layout

#endif  // NEEDLEWORK_SDK_LAYOUT_MESSAGE_FINGERPRINT_H_
