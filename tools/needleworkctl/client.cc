#include "client.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <sstream>

#include "needlework/status.h"

namespace needlework::ctl {
namespace {

constexpr std::string_view kLocalHosts[] = {"localhost", "::1", "[::1]"};

// The RPCs of the EMR-facing services, which take a clinic's `emr` token; the rest are
// AdminService's, which take an `admin` token or, but for kAdminOnlyRpcs, a `clinic_admin`
// token of the clinic they name (host/auth/rpc_policy.cc; tests/tools check the lists).
constexpr std::string_view kEmrRpcs[] = {
    "Screen",  "GetScreening",     "RecordReview",    "ListTherapies", "ProposePlan", "CreatePlan",
    "GetPlan", "ListPlans",        "CancelPlan",      "FindSlots",     "Book",        "Reschedule",
    "Cancel",  "ListAppointments", "CompleteSession", "ExportCalendar"};
constexpr std::string_view kAftercareRpcs[] = {"GetAftercarePlan", "ListDueMessages",
                                               "MarkMessagesSent", "ReportSymptom",
                                               "ListSymptomReports"};

constexpr std::string_view kAdminOnlyRpcs[] = {"CreateClinic", "ListClinics", "VerifyAudit",
                                               "RescanPlugins", "GetHostStatus"};

bool IsEmrRpc(std::string_view rpc) {
  return std::ranges::find(kEmrRpcs, rpc) != std::end(kEmrRpcs) ||
         std::ranges::find(kAftercareRpcs, rpc) != std::end(kAftercareRpcs);
}

std::string PermissionDeniedHint(std::string_view rpc) {
  if (IsEmrRpc(rpc)) return "this command needs a clinic's `emr` token";
  if (std::ranges::find(kAdminOnlyRpcs, rpc) != std::end(kAdminOnlyRpcs)) {
    return "this command needs an `admin` token";
  }
  return "this command needs an `admin` token, or a `clinic_admin` token of the clinic it acts on";
}

// What to do about a token the host refused, by its UNAUTHENTICATED message
// (TokenAuthority::Authenticate): none sent, unknown, expired or revoked.
std::string UnauthenticatedHint(std::string_view message) {
  constexpr std::string_view kNewToken =
      "ask an admin for a new one (needleworkctl token issue) and pass it with --token or "
      "NEEDLEWORK_TOKEN";
  if (message.find(" expired on ") != std::string_view::npos) {
    return "the token has expired; " + std::string(kNewToken);
  }
  if (message.find(" was revoked on ") != std::string_view::npos) {
    return "the token was revoked; " + std::string(kNewToken);
  }
  if (message.starts_with("unknown bearer token")) {
    return "this host has no such token: check --token or NEEDLEWORK_TOKEN (a typo, or a token "
           "of another host?)";
  }
  return "pass --token or set NEEDLEWORK_TOKEN";
}

// The host part of a gRPC target: "127.0.0.1" for "dns:///127.0.0.1:50051".
std::string_view TargetHost(std::string_view target) {
  for (std::string_view scheme : {"dns:///", "dns:", "ipv4:", "ipv6:"}) {
    if (target.starts_with(scheme)) target.remove_prefix(scheme.size());
  }
  if (target.starts_with('[')) return target.substr(0, target.find(']') + 1);
  if (target.find(':') != target.rfind(':')) return target;  // bare IPv6, no port
  return target.substr(0, target.find(':'));
}

// "10" for 10'000 ms, "0.5" for 500 ms.
std::string Seconds(std::chrono::milliseconds duration) {
  std::ostringstream text;
  text << static_cast<double>(duration.count()) / 1000.0;
  return text.str();
}

// Screen and ProposePlan refuse a clinic without such a plugin, or an add-on it does not offer.
std::string FailedPreconditionHint(std::string_view rpc) {
  std::string_view hook = rpc == "Screen" ? "screening" : rpc == "ProposePlan" ? "planning" : "";
  if (hook.empty()) return "";
  return "no " + std::string(hook) +
         " plugin is enabled for the clinic (see needleworkctl clinic plugins <clinic-id>), or "
         "an --add-on is not on offer (see needleworkctl therapies)";
}

// A refusal that names a request field this tool spells as a flag: how to write it here.
std::string FlagHint(std::string_view rpc, std::string_view message) {
  if (rpc == "CompleteSession" && message.find("completion.products") != std::string_view::npos) {
    return "give the lot as --product CODE:LOT with the add-on's code (see needleworkctl "
           "therapies), e.g. --product ha-serum:LOT-7";
  }
  return "";
}

std::string Hint(std::string_view rpc, const grpc::Status& status, const GlobalOptions& options) {
  switch (status.error_code()) {
    case grpc::StatusCode::UNAVAILABLE:
      return "is needlework-host running at " + options.address + "?";
    case grpc::StatusCode::UNAUTHENTICATED:
      return UnauthenticatedHint(status.error_message());
    case grpc::StatusCode::PERMISSION_DENIED:
      return PermissionDeniedHint(rpc);
    case grpc::StatusCode::FAILED_PRECONDITION:
      return FailedPreconditionHint(rpc);
    case grpc::StatusCode::ABORTED:
      return rpc == "Book" || rpc == "Reschedule"
                 ? "a concurrent call took a resource or changed the plan while this booking was "
                   "checked; run needleworkctl slots again"
                 : "";
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return "no answer within " + Seconds(options.timeout) + " s; raise --timeout";
    default:
      return "";
  }
}

}  // namespace

std::shared_ptr<grpc::Channel> CreateChannel(const GlobalOptions& options) {
  if (options.tls.enabled()) return CreateTlsChannel(options);
  return grpc::CreateChannel(options.address, grpc::InsecureChannelCredentials());
}

bool IsLocalAddress(std::string_view address) {
  if (address.starts_with("unix:") || address.starts_with("unix-abstract:")) return true;
  std::string_view host = TargetHost(address);
  bool ipv4 = std::all_of(host.begin(), host.end(), [](char c) {
    return c == '.' || std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
  if (ipv4 && host.starts_with("127.")) return true;
  for (std::string_view local : kLocalHosts) {
    if (host == local) return true;
  }
  return false;
}

std::string InsecureTokenWarning(const GlobalOptions& options) {
  if (options.token.empty() || options.tls.enabled() || IsLocalAddress(options.address)) return "";
  return "needleworkctl: warning: the token goes unencrypted to " + options.address +
         "; use TLS (--tls-ca), a loopback address or a unix socket\n";
}

void PrepareContext(const GlobalOptions& options, grpc::ClientContext* context) {
  context->set_deadline(std::chrono::system_clock::now() + options.timeout);
  if (!options.token.empty()) context->AddMetadata("authorization", "Bearer " + options.token);
}

std::string FormatRpcError(std::string_view rpc, const grpc::Status& status,
                           const GlobalOptions& options) {
  std::string text = "needleworkctl: " + std::string(rpc) + ": " +
                     std::string(StatusCodeName(static_cast<StatusCode>(status.error_code())));
  if (!status.error_message().empty()) text.append(": ").append(status.error_message());
  text.append("\n");
  std::string hint = Hint(rpc, status, options);
  if (hint.empty()) hint = FlagHint(rpc, status.error_message());
  if (!hint.empty()) text.append("needleworkctl: hint: ").append(hint).append("\n");
  return text;
}

}  // namespace needlework::ctl
