#include "flags.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

namespace needlework::ctl {
namespace {

constexpr double kMaxTimeoutSeconds = 24 * 60 * 60;

struct GlobalFlag {
  FlagShape shape;
  // Checks `value` and sets it on `options`; errors name the flag.
  Status (*apply)(const std::string& value, GlobalOptions* options);
};

Status SetTimeout(const std::string& value, GlobalOptions* options) {
  double seconds = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (error != std::errc() || end != value.data() + value.size() || !(seconds > 0) ||
      seconds > kMaxTimeoutSeconds) {
    return InvalidArgumentError(
        "--timeout wants a number of seconds above 0 and up to 86400, got '" + value + "'");
  }
  options->timeout = std::chrono::milliseconds(static_cast<int64_t>(std::ceil(seconds * 1000)));
  return OkStatus();
}

Status SetAddress(const std::string& value, GlobalOptions* options) {
  options->address = value;
  return OkStatus();
}

// --tls-ca and the like: one file name (or name) of options->tls.
template <std::string TlsOptions::*kField>
Status SetTls(const std::string& value, GlobalOptions* options) {
  options->tls.*kField = value;
  return OkStatus();
}

Status SetToken(const std::string& value, GlobalOptions* options) {
  options->token = value;
  return OkStatus();
}

Status SetJson(const std::string&, GlobalOptions* options) {
  options->json = true;
  return OkStatus();
}

Status Ignore(const std::string&, GlobalOptions*) { return OkStatus(); }

const GlobalFlag kGlobalFlags[] = {
    {{"address", FlagKind::kValue}, SetAddress},
    {{"token", FlagKind::kValueOrEmpty}, SetToken},
    {{"json", FlagKind::kSwitch}, SetJson},
    {{"timeout", FlagKind::kValueOrEmpty}, SetTimeout},
    {{"tls-ca", FlagKind::kValue}, SetTls<&TlsOptions::ca_file>},
    {{"tls-cert", FlagKind::kValue}, SetTls<&TlsOptions::cert_file>},
    {{"tls-key", FlagKind::kValue}, SetTls<&TlsOptions::key_file>},
    {{"tls-server-name", FlagKind::kValue}, SetTls<&TlsOptions::server_name>},
    {{"help", FlagKind::kSwitch}, Ignore},
    {{"version", FlagKind::kSwitch}, Ignore},
};

const GlobalFlag* FindGlobal(std::string_view name) {
  for (const GlobalFlag& flag : kGlobalFlags) {
    if (flag.shape.name == name) return &flag;
  }
  return nullptr;
}

bool IsBearerToken(std::string_view token) {
  return std::all_of(token.begin(), token.end(), [](char c) { return c > ' ' && c < 127; });
}

}  // namespace

const FlagShape* FindGlobalFlag(std::string_view name) {
  const GlobalFlag* flag = FindGlobal(name);
  return flag == nullptr ? nullptr : &flag->shape;
}

Status ApplyGlobalFlag(std::span<const FlagValue> flags, size_t i, GlobalOptions* options) {
  const GlobalFlag* flag = FindGlobal(flags[i].name);
  if (flag == nullptr) return InternalError("--" + flags[i].name + " is not a global flag");
  NW_RETURN_IF_ERROR(CheckFlag(flag->shape, flags, i));
  return flag->apply(flags[i].value, options);
}

Status CheckFlag(const FlagShape& shape, std::span<const FlagValue> flags, size_t i) {
  std::string name = "--" + flags[i].name;
  auto same = [&](const FlagValue& other) { return other.name == flags[i].name; };
  if (shape.kind != FlagKind::kValues && std::any_of(flags.begin(), flags.begin() + i, same)) {
    return InvalidArgumentError(name + " given more than once");
  }
  bool empty_ok = shape.kind == FlagKind::kSwitch || shape.kind == FlagKind::kValueOrEmpty;
  if (!empty_ok && flags[i].value.empty()) return InvalidArgumentError(name + " is empty");
  return OkStatus();
}

Status CheckRequired(std::span<const std::string_view> required, std::span<const FlagValue> flags) {
  for (std::string_view name : required) {
    auto named = [&](const FlagValue& flag) { return flag.name == name; };
    if (std::none_of(flags.begin(), flags.end(), named)) {
      return InvalidArgumentError("missing --" + std::string(name));
    }
  }
  return OkStatus();
}

Status CheckOptions(const GlobalOptions& options) {
  if (IsBearerToken(options.token)) return OkStatus();
  return InvalidArgumentError("the token holds spaces or control characters");
}

}  // namespace needlework::ctl
