// Status and StatusOr<T>: the one error idiom of Needlework, for the SDK, the plugins and the
// host alike. Header-only on purpose: nothing here crosses the plugin ABI (only the numeric
// code and the message text do), so vendors never depend on a library's layout.
#ifndef NEEDLEWORK_STATUS_H_
#define NEEDLEWORK_STATUS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "needlework/plugin_abi.h"

namespace needlework {

// Numbered like gRPC's codes, so conversion at the RPC edge is one cast.
enum class StatusCode : int32_t {
  kOk = NW_OK,
  kCancelled = NW_CANCELLED,
  kUnknown = NW_UNKNOWN,
  kInvalidArgument = NW_INVALID_ARGUMENT,
  kDeadlineExceeded = NW_DEADLINE_EXCEEDED,
  kNotFound = NW_NOT_FOUND,
  kAlreadyExists = NW_ALREADY_EXISTS,
  kPermissionDenied = NW_PERMISSION_DENIED,
  kResourceExhausted = NW_RESOURCE_EXHAUSTED,
  kFailedPrecondition = NW_FAILED_PRECONDITION,
  kAborted = NW_ABORTED,
  kOutOfRange = NW_OUT_OF_RANGE,
  kUnimplemented = NW_UNIMPLEMENTED,
  kInternal = NW_INTERNAL,
  kUnavailable = NW_UNAVAILABLE,
  kDataLoss = NW_DATA_LOSS,
  kUnauthenticated = NW_UNAUTHENTICATED,
};

// The name gRPC uses for a code, e.g. "INVALID_ARGUMENT".
inline std::string_view StatusCodeName(StatusCode code) {
  static constexpr std::string_view kNames[] = {"OK",
                                                "CANCELLED",
                                                "UNKNOWN",
                                                "INVALID_ARGUMENT",
                                                "DEADLINE_EXCEEDED",
                                                "NOT_FOUND",
                                                "ALREADY_EXISTS",
                                                "PERMISSION_DENIED",
                                                "RESOURCE_EXHAUSTED",
                                                "FAILED_PRECONDITION",
                                                "ABORTED",
                                                "OUT_OF_RANGE",
                                                "UNIMPLEMENTED",
                                                "INTERNAL",
                                                "UNAVAILABLE",
                                                "DATA_LOSS",
                                                "UNAUTHENTICATED"};
  auto index = static_cast<size_t>(code);
  return index < std::size(kNames) ? kNames[index] : "UNKNOWN";
}

// A code and, for anything but OK, a message a person can act on.
class Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "INVALID_ARGUMENT: the message", or "OK".
  std::string ToString() const {
    std::string text(StatusCodeName(code_));
    if (!ok()) text.append(": ").append(message_);
    return text;
  }
  // A copy whose message is `prefix: message`; OK stays OK.
  Status WithPrefix(std::string_view prefix) const {
    if (ok()) return *this;
    return Status(code_, std::string(prefix) + ": " + message_);
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status OkStatus() { return Status(); }
inline Status InvalidArgumentError(std::string m) {
  return Status(StatusCode::kInvalidArgument, std::move(m));
}
inline Status NotFoundError(std::string m) { return Status(StatusCode::kNotFound, std::move(m)); }
inline Status AlreadyExistsError(std::string m) {
  return Status(StatusCode::kAlreadyExists, std::move(m));
}
inline Status FailedPreconditionError(std::string m) {
  return Status(StatusCode::kFailedPrecondition, std::move(m));
}
inline Status PermissionDeniedError(std::string m) {
  return Status(StatusCode::kPermissionDenied, std::move(m));
}
inline Status UnauthenticatedError(std::string m) {
  return Status(StatusCode::kUnauthenticated, std::move(m));
}
inline Status InternalError(std::string m) { return Status(StatusCode::kInternal, std::move(m)); }
inline Status UnimplementedError(std::string m) {
  return Status(StatusCode::kUnimplemented, std::move(m));
}
inline Status UnavailableError(std::string m) {
  return Status(StatusCode::kUnavailable, std::move(m));
}
inline Status DeadlineExceededError(std::string m) {
  return Status(StatusCode::kDeadlineExceeded, std::move(m));
}

// Either a value or a non-OK Status. Constructing one from an OK Status is a bug and
// yields an INTERNAL status instead.
template <typename T>
class StatusOr {
 public:
  StatusOr(Status status) : state_(std::move(status)) {  // NOLINT: implicit by design
    if (std::get<Status>(state_).ok()) {
      state_ = InternalError("StatusOr constructed from an OK status without a value");
    }
  }
  StatusOr(T val) : state_(std::move(val)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  Status status() const { return ok() ? OkStatus() : std::get<Status>(state_); }
  // Precondition: ok().
  const T& value() const& { return std::get<T>(state_); }
  T& value() & { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  std::variant<Status, T> state_;
};

}  // namespace needlework

#define NW_STATUS_CONCAT_INNER(a, b) a##b
#define NW_STATUS_CONCAT(a, b) NW_STATUS_CONCAT_INNER(a, b)

// Returns the Status of `expr` from the enclosing function when it is not OK.
#define NW_RETURN_IF_ERROR(expr)              \
  do {                                        \
    ::needlework::Status nw_status_ = (expr); \
    if (!nw_status_.ok()) return nw_status_;  \
  } while (false)

// Declares `lhs` from the value of StatusOr `rexpr`, or returns its Status.
#define NW_ASSIGN_OR_RETURN(lhs, rexpr) \
  NW_ASSIGN_OR_RETURN_IMPL(NW_STATUS_CONCAT(nw_statusor_, __LINE__), lhs, rexpr)
#define NW_ASSIGN_OR_RETURN_IMPL(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                             \
  if (!tmp.ok()) return tmp.status();             \
  lhs = std::move(tmp).value()

#endif  // NEEDLEWORK_STATUS_H_
