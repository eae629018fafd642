// What the kit knows about each hook: its name, the ABI minor that introduced it, and its
// request and response messages.
#ifndef NEEDLEWORK_SDK_TESTING_HOOKS_H_
#define NEEDLEWORK_SDK_TESTING_HOOKS_H_

#include <google/protobuf/message.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "needlework/plugin/v1/manifest.pb.h"

namespace needlework::conformance {

struct HookInfo {
  plugin::v1::Hook hook;
  std::string name;      // as the host's config and the README write it, e.g. "check_booking"
  uint32_t since_minor;  // the ABI 1.x that introduced it
  const google::protobuf::Message* request;   // default instance of <Hook>Request
  const google::protobuf::Message* response;  // default instance of <Hook>Response
};

// Every hook of this SDK, in enum order.
const std::vector<HookInfo>& AllHooks();
// The hook numbered `hook`, or nullptr when this SDK does not know it.
const HookInfo* FindHook(int hook);

// Empty when `bytes` is a well-formed <Hook>Response that keeps the hook's contract (for
// screen: an outcome, at least as severe as every finding, each finding with a rule_id and
// a summary under 140 characters; for aftercare: every instruction and message with an
// id); otherwise what is wrong.
std::string CheckResponse(const HookInfo& hook, const std::string& bytes);

}  // namespace needlework::conformance

#endif  // NEEDLEWORK_SDK_TESTING_HOOKS_H_
