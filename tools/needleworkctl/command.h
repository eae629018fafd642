// needleworkctl's command line, parsed into one plain struct. Parsing is pure: it reads only
// its arguments and the environment values handed to it, never files or the network, so
// every usage error can be tested without a host.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMAND_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMAND_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "needlework/status.h"
#include "needlework/types/v1/aftercare.pb.h"
#include "needlework/types/v1/clinical.pb.h"
#include "needlework/types/v1/scheduling.pb.h"
#include "needlework/v1/admin.pb.h"
#include "needlework/v1/scheduling.pb.h"
#include "tls_options.h"

namespace needlework::ctl {

inline constexpr std::string_view kDefaultAddress = "127.0.0.1:50051";
inline constexpr std::chrono::milliseconds kDefaultTimeout{10'000};

enum class CommandKind {
  kHelp,
  kPlugins,
  kClinics,
  kClinicCreate,
  kClinicPlugins,
  kPluginEnable,
  kPluginDisable,
  kPluginConfigure,
  kScreen,
  kTherapies,
  kClinicTimeZone,
  kResources,
  kResourceAdd,
  kHours,
  kHoursSet,
  kPlanPropose,
  kPlanCreate,
  kPlans,
  kPlanShow,
  kPlanCancel,
  kSlots,
  kBook,
  kReschedule,
  kCancel,
  kAppointments,
  kComplete,
  kCalendar,
  kAftercare,
  kMessagesDue,
  kMessagesSent,
  kSymptom,
  kSymptoms,
  kPluginKeygen,
  kPluginSign,
  kPluginVerify,
  kPluginHash,
  kTokenIssue,
  kTokens,
  kTokenRevoke,
  kAudit,
  kAuditVerify,
};

// What the environment contributes: NEEDLEWORK_ADDRESS, NEEDLEWORK_TOKEN and the
// NEEDLEWORK_TLS_* variables. Flags win.
struct Environment {
  std::optional<std::string> address;
  std::optional<std::string> token;
  TlsOptions tls;  // NEEDLEWORK_TLS_CA, _CERT, _KEY, _SERVER_NAME

  // Reads the variables from the process environment.
  static Environment FromProcess();
};

// Flags that every command accepts, in any position.
struct GlobalOptions {
  std::string address = std::string(kDefaultAddress);
  std::string token;  // empty: no authorization metadata is sent
  bool json = false;
  std::chrono::milliseconds timeout = kDefaultTimeout;  // deadline of every call
  TlsOptions tls;                                       // --tls-*; off by default
};

// One parsed invocation. Only the fields of `kind` are set; the rest stay empty. Every value
// has been checked as far as it can be without the host (dates, times, names of enum values).
struct Command {
  CommandKind kind = CommandKind::kHelp;
  GlobalOptions options;
  std::string help_topic;                   // kHelp: "" (overview) or e.g. "clinic create"
  std::string clinic_id;                    // clinic, plugin, resource and hours commands
  std::string plugin_id;                    // plugin commands
  std::string display_name;                 // clinic create, resource add: --name
  std::optional<std::string> config;        // --config as given: JSON text or @FILE
  std::vector<std::string> fhir_files;      // screen, plan propose, plan create: --fhir
  std::vector<types::v1::Coding> concerns;  // --concern
  std::vector<types::v1::Coding> areas;     // --area (complete: treatment-area codes only)
  std::vector<types::v1::Coding> add_ons;   // --add-on: therapy codes, none twice

  // Clinics, resources, opening hours.
  std::string time_zone;    // clinic create --time-zone, clinic time-zone <time-zone>
  std::string resource_id;  // resource add <resource-id>, appointments --resource
  types::v1::ResourceType resource_type = types::v1::RESOURCE_TYPE_UNSPECIFIED;  // --type
  std::string device_kind;                     // resource add --kind
  bool inactive = false;                       // resource add --inactive
  std::vector<std::string> hours_specs;        // hours set <spec>..., the words as given
  std::vector<v1::OpeningSpan> opening_spans;  // hours set: the specs parsed

  // Plans.
  types::v1::Severity severity = types::v1::SEVERITY_UNSPECIFIED;  // --severity (not symptom)
  std::string patient_ref;                                         // --patient
  std::string proposal_file;                                       // --from-proposal
  types::v1::Outcome screening_outcome = types::v1::OUTCOME_UNSPECIFIED;
  std::string plan_id;  // <plan-id>
  std::string reason;   // plan cancel, cancel: --reason

  // Slots and appointments.
  int32_t session_index = 0;             // <session-index>, 0-based
  std::string from_date;                 // slots --from, YYYY-MM-DD
  std::string to_date;                   // slots --to, YYYY-MM-DD
  std::string practitioner_id;           // --practitioner
  int32_t max_results = 0;               // slots --max; 0: the host's default
  std::string start;                     // --start, RFC 3339 with an offset
  std::string room_id;                   // --room
  std::vector<std::string> device_ids;   // --device, in order
  std::string appointment_id;            // <appointment-id>, symptoms --appointment
  std::string day;                       // appointments --day, YYYY-MM-DD
  bool include_cancelled = false;        // appointments --include-cancelled
  std::optional<double> depth_mm;        // complete --depth
  std::vector<v1::ProductUse> products;  // complete --product NAME:LOT
  std::string notes;                     // complete --notes
  std::string output_file;               // calendar --output

  // Aftercare.
  std::string up_to;                     // messages due --up-to, RFC 3339 with an offset
  int32_t limit = 0;                     // messages due --limit; 0: the host's default
  std::vector<std::string> message_ids;  // messages sent <message-id>..., in order
  types::v1::Coding symptom;             // symptom --symptom
  types::v1::SymptomSeverity symptom_severity =
      types::v1::SYMPTOM_SEVERITY_UNSPECIFIED;  // symptom --severity
  std::string note;                             // symptom --note
  std::string language;                         // symptom --language, BCP 47

  // Plugin signing (local: no host is called).
  std::vector<std::string> plugin_files;  // plugin sign, verify: <plugin-file>; hash: several
  std::string key_file;                   // plugin sign, verify: --key PEM
  std::string out_dir;                    // plugin keygen: --out DIR
  // Tokens and the audit log (commands_security.cc).
  std::string role;                // token issue --role
  std::string label;               // token issue --label
  int64_t expires_in_seconds = 0;  // token issue --expires-in; 0: never
  std::string token_id;            // token revoke <token-id>, audit --token-id
  bool include_revoked = false;    // tokens --include-revoked
  std::string rpc;                 // audit --rpc
  std::string object_ref;          // audit --object
};

// Parses `args` (without the program name). On a usage error returns INVALID_ARGUMENT whose
// message is the problem on its first line, followed by the usage of the command concerned
// (see usage.h), ready to print after "needleworkctl: ".
StatusOr<Command> ParseArgs(const std::vector<std::string>& args, const Environment& env);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMAND_H_
