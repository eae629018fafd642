#include "sdk/layout/message_fingerprint.h"

#include <google/protobuf/descriptor.pb.h>

#include <cstdint>
#include <cstdio>
#include <set>
#include <vector>

namespace needlework::layout {
namespace {

namespace pb = google::protobuf;

const char* LabelText(const pb::FieldDescriptor& field) {
  if (field.is_repeated()) return "repeated";
  return field.is_required() ? "required" : "optional";
}

// <type>[ <full type name>][ map]
std::string TypeText(const pb::FieldDescriptor& field) {
  std::string text = pb::FieldDescriptor::TypeName(field.type());
  if (field.message_type() != nullptr) text += " " + field.message_type()->full_name();
  if (field.enum_type() != nullptr) text += " " + field.enum_type()->full_name();
  if (field.is_map()) text += " map";
  return text;
}

std::string FieldLine(const pb::FieldDescriptor& field) {
  std::string line = "field " + std::to_string(field.number()) + " " + field.name() + " " +
                     LabelText(field) + " " + TypeText(field);
  if (const auto* oneof = field.real_containing_oneof()) line += " oneof " + oneof->name();
  if (field.has_presence()) line += " presence";
  if (field.is_packed()) line += " packed";
  if (field.has_default_value()) {
    pb::FieldDescriptorProto proto;
    field.CopyTo(&proto);
    line += " default=" + proto.default_value();
  }
  const pb::FieldOptions& options = field.options();
  if (options.ctype() != pb::FieldOptions::STRING) {
    line += " ctype=" + pb::FieldOptions::CType_Name(options.ctype());
  }
  if (options.lazy()) line += " lazy";
  if (options.weak()) line += " weak";
  return line + "\n";
}

std::string Hex64(uint64_t value) {
  char digits[17];
  std::snprintf(digits, sizeof(digits), "%016llx", static_cast<unsigned long long>(value));
  return digits;
}

void AddMessage(const pb::Descriptor& message, FingerprintTable* table) {
  (*table)[message.full_name()] = Fingerprint(message);
  for (int i = 0; i < message.nested_type_count(); ++i) AddMessage(*message.nested_type(i), table);
}

// The generated pool's files that define a message of `compiled`, and their imports; the
// names it does not know go to `unknown`.
std::set<const pb::FileDescriptor*> GeneratedFilesOf(const FingerprintTable& compiled,
                                                     std::vector<std::string>* unknown) {
  std::vector<const pb::FileDescriptor*> pending;
  for (const auto& entry : compiled) {
    const auto* message = pb::DescriptorPool::generated_pool()->FindMessageTypeByName(entry.first);
    if (message == nullptr) unknown->push_back(entry.first + " (not in the library)");
    if (message != nullptr) pending.push_back(message->file());
  }
  std::set<const pb::FileDescriptor*> files;
  while (!pending.empty()) {
    const pb::FileDescriptor* file = pending.back();
    pending.pop_back();
    if (!files.insert(file).second) continue;
    for (int i = 0; i < file->dependency_count(); ++i) pending.push_back(file->dependency(i));
  }
  return files;
}

}  // namespace

std::string CanonicalLayout(const pb::Descriptor& message) {
  std::string text = "message " + message.full_name() + " " +
                     pb::FileDescriptor::SyntaxName(message.file()->syntax());
  const auto optimize_for = message.file()->options().optimize_for();
  if (optimize_for != pb::FileOptions::SPEED) {
    text += " optimize_for=" + pb::FileOptions::OptimizeMode_Name(optimize_for);
  }
  if (message.options().map_entry()) text += " map_entry";
  if (message.extension_range_count() > 0) text += " extensions";
  text += "\n";
  for (int i = 0; i < message.field_count(); ++i) text += FieldLine(*message.field(i));
  for (int i = 0; i < message.real_oneof_decl_count(); ++i) {
    text += "oneof " + message.oneof_decl(i)->name() + "\n";
  }
  return text;
}

std::string Fingerprint(const pb::Descriptor& message) {
  uint64_t hash = 14695981039346656037ull;  // FNV-1a 64: offset basis and prime
  for (unsigned char byte : CanonicalLayout(message)) {
    hash = (hash ^ byte) * 1099511628211ull;
  }
  return Hex64(hash);
}

void AddFileFingerprints(const pb::FileDescriptor& file, FingerprintTable* table) {
  if (file.package() == "google.protobuf") return;
  for (int i = 0; i < file.message_type_count(); ++i) AddMessage(*file.message_type(i), table);
}

Status CheckAgainstGeneratedPool(std::string_view compiled_text) {
  NW_ASSIGN_OR_RETURN(FingerprintTable compiled, ParseFingerprintTable(compiled_text));
  std::vector<std::string> problems;
  FingerprintTable generated;
  for (const auto* file : GeneratedFilesOf(compiled, &problems)) {
    AddFileFingerprints(*file, &generated);
  }
  for (const auto& name : DifferingMessages(compiled, generated)) {
    problems.push_back(name + " (differs)");
  }
  for (const auto& entry : generated) {
    if (!compiled.count(entry.first)) problems.push_back(entry.first + " (not in the headers)");
  }
  if (problems.empty()) return OkStatus();
  return FailedPreconditionError(
      "the SDK headers compiled in and the loaded SDK library disagree about these messages: " +
      JoinNames(problems));
}

}  // namespace needlework::layout
