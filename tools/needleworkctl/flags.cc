#include "flags.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "codes.h"
#include "dates.h"
#include "enums.h"
#include "needlework/code_systems.h"
#include "values.h"

namespace needlework::ctl {
namespace {

constexpr double kMaxTimeoutSeconds = 24 * 60 * 60;

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

template <std::string Command::*kField>
Status SetText(std::string_view, const std::string& value, Command* command) {
  command->*kField = value;
  return OkStatus();
}

template <std::vector<std::string> Command::*kField>
Status AddText(std::string_view, const std::string& value, Command* command) {
  (command->*kField).push_back(value);
  return OkStatus();
}

template <bool Command::*kField>
Status SetTrue(std::string_view, const std::string&, Command* command) {
  command->*kField = true;
  return OkStatus();
}

template <std::string Command::*kField>
Status SetDate(std::string_view flag, const std::string& value, Command* command) {
  if (!ParseDate(value)) {
    return InvalidArgumentError(std::string(flag) + ": " + Quoted(value) +
                                " is not a date: want YYYY-MM-DD");
  }
  command->*kField = value;
  return OkStatus();
}

// Sets `*field` from `parsed`, or returns its error after "--flag: ".
template <typename T>
Status SetParsed(std::string_view flag, StatusOr<T> parsed, T* field) {
  if (!parsed.ok()) return parsed.status().WithPrefix(flag);
  *field = std::move(parsed).value();
  return OkStatus();
}

Status SetTimeout(std::string_view, const std::string& value, Command* command) {
  double seconds = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (error != std::errc() || end != value.data() + value.size() || !(seconds > 0) ||
      seconds > kMaxTimeoutSeconds) {
    return InvalidArgumentError(
        "--timeout wants a number of seconds above 0 and up to 86400, got " + Quoted(value));
  }
  command->options.timeout =
      std::chrono::milliseconds(static_cast<int64_t>(std::ceil(seconds * 1000)));
  return OkStatus();
}

Status SetAddress(std::string_view, const std::string& value, Command* command) {
  command->options.address = value;
  return OkStatus();
}

// --tls-ca and the like: one file name (or name) of command->options.tls.
template <std::string TlsOptions::*kField>
Status SetTls(std::string_view, const std::string& value, Command* command) {
  command->options.tls.*kField = value;
  return OkStatus();
}

Status SetToken(std::string_view, const std::string& value, Command* command) {
  command->options.token = value;
  return OkStatus();
}

Status SetJson(std::string_view, const std::string&, Command* command) {
  command->options.json = true;
  return OkStatus();
}

Status Ignore(std::string_view, const std::string&, Command*) { return OkStatus(); }

Status SetConfig(std::string_view, const std::string& value, Command* command) {
  if (value == "@") return InvalidArgumentError("--config @FILE needs a file name");
  command->config = value;
  return OkStatus();
}

template <std::vector<types::v1::Coding> Command::*kField, const std::string_view* kSystem>
Status AddCoding(std::string_view flag, const std::string& value, Command* command) {
  return SetParsed(flag, ParseCoding(value, *kSystem), &(command->*kField).emplace_back());
}

bool SameCode(const types::v1::Coding& a, const types::v1::Coding& b) {
  return a.system() == b.system() && a.code() == b.code();
}

// An add-on therapy: a code of the procedure code system, or SYSTEM|CODE; each one once.
Status AddAddOn(std::string_view flag, const std::string& value, Command* command) {
  NW_RETURN_IF_ERROR(SetParsed(flag, ParseCoding(value, code_systems::kProcedure),
                               &command->add_ons.emplace_back()));
  const types::v1::Coding& added = command->add_ons.back();
  auto same = [&](const types::v1::Coding& other) { return SameCode(other, added); };
  if (std::count_if(command->add_ons.begin(), command->add_ons.end(), same) > 1) {
    return InvalidArgumentError(std::string(flag) + " " + AddOnCode(added) + " given twice");
  }
  return OkStatus();
}

Status SetTimeZone(std::string_view flag, const std::string& value, Command* command) {
  NW_RETURN_IF_ERROR(CheckTimeZoneName(value).WithPrefix(flag));
  command->time_zone = value;
  return OkStatus();
}

Status SetType(std::string_view flag, const std::string& value, Command* command) {
  return SetParsed(flag, ParseResourceType(value), &command->resource_type);
}

// A plan's severity, or a symptom's for `symptom` (its kind is set before any flag).
Status SetSeverity(std::string_view flag, const std::string& value, Command* command) {
  if (command->kind == CommandKind::kSymptom) {
    return SetParsed(flag, ParseSymptomSeverity(value), &command->symptom_severity);
  }
  return SetParsed(flag, ParseSeverity(value), &command->severity);
}

Status SetSymptom(std::string_view flag, const std::string& value, Command* command) {
  return SetParsed(flag, ParseCoding(value, code_systems::kSymptom), &command->symptom);
}

Status SetUpTo(std::string_view flag, const std::string& value, Command* command) {
  return SetParsed(flag, NormalizeTimestamp(value), &command->up_to);
}

Status SetLimit(std::string_view flag, const std::string& value, Command* command) {
  return SetParsed(flag, ParseWholeNumber(value, 1, kMaxDueMessages), &command->limit);
}

Status SetRole(std::string_view flag, const std::string& value, Command* command) {
  if (value != "emr" && value != "clinic_admin" && value != "admin") {
    return InvalidArgumentError(std::string(flag) + ": " + Quoted(value) +
                                " is not a role: want emr, clinic_admin or admin");
  }
  command->role = value;
  return OkStatus();
}

// "30d", "12h", "90m", "45s" or plain seconds.
Status SetExpiresIn(std::string_view flag, const std::string& value, Command* command) {
  static constexpr std::pair<char, int64_t> kUnits[] = {
      {'d', 86400}, {'h', 3600}, {'m', 60}, {'s', 1}};
  int64_t unit = 1;
  std::string number = value;
  for (auto [suffix, seconds] : kUnits) {
    if (!number.empty() && number.back() == suffix) {
      unit = seconds;
      number.pop_back();
    }
  }
  auto parsed = ParseWholeNumber(number, 1, 1'000'000);
  if (!parsed.ok()) {
    return InvalidArgumentError(std::string(flag) + ": " + Quoted(value) +
                                " is not a duration: want e.g. 30d, 12h, 90m or 45s");
  }
  command->expires_in_seconds = *parsed * unit;
  return OkStatus();
}

Status SetLanguage(std::string_view flag, const std::string& value, Command* command) {
  NW_RETURN_IF_ERROR(CheckLanguageTag(value).WithPrefix(flag));
  command->language = value;
  return OkStatus();
}

Status SetOutcome(std::string_view flag, const std::string& value, Command* command) {
  return SetParsed(flag, ParseOutcome(value), &command->screening_outcome);
}

Status SetReason(std::string_view flag, const std::string& value, Command* command) {
  if (std::all_of(value.begin(), value.end(),
                  [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; })) {
    return InvalidArgumentError(std::string(flag) + " is empty");
  }
  command->reason = value;
  return OkStatus();
}

Status SetMax(std::string_view flag, const std::string& value, Command* command) {
  return SetParsed(flag, ParseWholeNumber(value, 1, kMaxSlotResults), &command->max_results);
}

Status SetStart(std::string_view flag, const std::string& value, Command* command) {
  return SetParsed(flag, NormalizeTimestamp(value), &command->start);
}

Status SetDepth(std::string_view flag, const std::string& value, Command* command) {
  StatusOr<double> depth = ParseDepth(value);
  if (!depth.ok()) return depth.status().WithPrefix(flag);
  command->depth_mm = *depth;
  return OkStatus();
}

Status AddProduct(std::string_view flag, const std::string& value, Command* command) {
  return SetParsed(flag, ParseProduct(value), &command->products.emplace_back());
}

// name, takes a value, repeatable, global, "" is a value, apply.
constexpr FlagInfo kFlags[] = {
    {"address", true, false, true, false, SetAddress},
    {"token", true, false, true, true, SetToken},
    {"json", false, false, true, false, SetJson},
    {"timeout", true, false, true, true, SetTimeout},
    {"tls-ca", true, false, true, false, SetTls<&TlsOptions::ca_file>},
    {"tls-cert", true, false, true, false, SetTls<&TlsOptions::cert_file>},
    {"tls-key", true, false, true, false, SetTls<&TlsOptions::key_file>},
    {"tls-server-name", true, false, true, false, SetTls<&TlsOptions::server_name>},
    {"help", false, false, true, false, Ignore},
    {"name", true, false, false, true, SetText<&Command::display_name>},
    {"config", true, false, false, false, SetConfig},
    {"fhir", true, true, false, false, AddText<&Command::fhir_files>},
    {"concern", true, true, false, false, AddCoding<&Command::concerns, &code_systems::kConcern>},
    {"area", true, true, false, false, AddCoding<&Command::areas, &code_systems::kTreatmentArea>},
    {"add-on", true, true, false, false, AddAddOn},
    {"time-zone", true, false, false, false, SetTimeZone},
    {"type", true, false, false, false, SetType},
    {"kind", true, false, false, false, SetText<&Command::device_kind>},
    {"inactive", false, false, false, false, SetTrue<&Command::inactive>},
    {"severity", true, false, false, false, SetSeverity},
    {"patient", true, false, false, false, SetText<&Command::patient_ref>},
    {"from-proposal", true, false, false, false, SetText<&Command::proposal_file>},
    {"screening-outcome", true, false, false, false, SetOutcome},
    {"reason", true, false, false, false, SetReason},
    {"from", true, false, false, false, SetDate<&Command::from_date>},
    {"to", true, false, false, false, SetDate<&Command::to_date>},
    {"practitioner", true, false, false, false, SetText<&Command::practitioner_id>},
    {"max", true, false, false, false, SetMax},
    {"start", true, false, false, false, SetStart},
    {"room", true, false, false, false, SetText<&Command::room_id>},
    {"device", true, true, false, false, AddText<&Command::device_ids>},
    {"day", true, false, false, false, SetDate<&Command::day>},
    {"resource", true, false, false, false, SetText<&Command::resource_id>},
    {"include-cancelled", false, false, false, false, SetTrue<&Command::include_cancelled>},
    {"depth", true, false, false, false, SetDepth},
    {"product", true, true, false, false, AddProduct},
    {"notes", true, false, false, false, SetText<&Command::notes>},
    {"output", true, false, false, false, SetText<&Command::output_file>},
    {"up-to", true, false, false, false, SetUpTo},
    {"limit", true, false, false, false, SetLimit},
    {"symptom", true, false, false, false, SetSymptom},
    {"note", true, false, false, false, SetText<&Command::note>},
    {"language", true, false, false, false, SetLanguage},
    {"appointment", true, false, false, false, SetText<&Command::appointment_id>},
    {"key", true, false, false, false, SetText<&Command::key_file>},
    {"out", true, false, false, false, SetText<&Command::out_dir>},
    {"role", true, false, false, false, SetRole},
    {"clinic", true, false, false, false, SetText<&Command::clinic_id>},
    {"label", true, false, false, true, SetText<&Command::label>},
    {"expires-in", true, false, false, false, SetExpiresIn},
    {"token-id", true, false, false, false, SetText<&Command::token_id>},
    {"include-revoked", false, false, false, false, SetTrue<&Command::include_revoked>},
    {"rpc", true, false, false, false, SetText<&Command::rpc>},
    {"object", true, false, false, false, SetText<&Command::object_ref>},
};

}  // namespace

const FlagInfo* FindFlag(std::string_view name) {
  for (const FlagInfo& flag : kFlags) {
    if (flag.name == name) return &flag;
  }
  return nullptr;
}

}  // namespace needlework::ctl
