#include "enums.h"

#include <google/protobuf/descriptor.h>

#include <cctype>

#include "text.h"

namespace needlework::ctl {
namespace {

using google::protobuf::EnumDescriptor;

// The prefix every value of `descriptor` shares, e.g. "SEVERITY_" (UNSPECIFIED's name
// without "UNSPECIFIED").
std::string Prefix(const EnumDescriptor& descriptor) {
  std::string name = descriptor.value(0)->name();
  return name.substr(0, name.size() - std::string_view("UNSPECIFIED").size());
}

std::string Label(const EnumDescriptor& descriptor, int number) {
  const auto* value = descriptor.FindValueByNumber(number);
  return EnumLabel(value == nullptr ? "" : value->name(), Prefix(descriptor));
}

std::string Choices(const EnumDescriptor& descriptor) {
  std::string choices;
  for (int i = 1; i < descriptor.value_count(); ++i) {
    choices.append(choices.empty() ? "" : "|")
        .append(Label(descriptor, descriptor.value(i)->number()));
  }
  return choices;
}

// The number of the value labelled `text` (not UNSPECIFIED), or the error naming `what`.
StatusOr<int> Parse(const EnumDescriptor& descriptor, std::string_view text,
                    std::string_view what) {
  std::string name = Prefix(descriptor);
  for (char c : text) {
    name.push_back(c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  const auto* value = descriptor.FindValueByName(name);
  if (value == nullptr || value->number() == 0) {
    return InvalidArgumentError("'" + std::string(text) + "' is not " + std::string(what) +
                                ": want " + Choices(descriptor));
  }
  return value->number();
}

}  // namespace

StatusOr<types::v1::Severity> ParseSeverity(std::string_view text) {
  NW_ASSIGN_OR_RETURN(int number, Parse(*types::v1::Severity_descriptor(), text, "a severity"));
  return static_cast<types::v1::Severity>(number);
}

StatusOr<types::v1::Outcome> ParseOutcome(std::string_view text) {
  NW_ASSIGN_OR_RETURN(int number,
                      Parse(*types::v1::Outcome_descriptor(), text, "a screening outcome"));
  return static_cast<types::v1::Outcome>(number);
}

StatusOr<v1::ReviewDecision> ParseReviewDecision(std::string_view text) {
  NW_ASSIGN_OR_RETURN(int number, Parse(*v1::ReviewDecision_descriptor(), text, "a decision"));
  return static_cast<v1::ReviewDecision>(number);
}

StatusOr<types::v1::ResourceType> ParseResourceType(std::string_view text) {
  NW_ASSIGN_OR_RETURN(int number,
                      Parse(*types::v1::ResourceType_descriptor(), text, "a resource type"));
  return static_cast<types::v1::ResourceType>(number);
}

StatusOr<types::v1::SymptomSeverity> ParseSymptomSeverity(std::string_view text) {
  NW_ASSIGN_OR_RETURN(int number,
                      Parse(*types::v1::SymptomSeverity_descriptor(), text, "a symptom severity"));
  return static_cast<types::v1::SymptomSeverity>(number);
}

std::string SeverityLabel(types::v1::Severity severity) {
  return Label(*types::v1::Severity_descriptor(), severity);
}
std::string OutcomeLabel(types::v1::Outcome outcome) {
  return Label(*types::v1::Outcome_descriptor(), outcome);
}
std::string ReviewDecisionLabel(v1::ReviewDecision decision) {
  return Label(*v1::ReviewDecision_descriptor(), decision);
}
std::string ResourceTypeLabel(types::v1::ResourceType type) {
  return Label(*types::v1::ResourceType_descriptor(), type);
}
std::string PlanStatusLabel(types::v1::PlanStatus status) {
  return Label(*types::v1::PlanStatus_descriptor(), status);
}
std::string AppointmentStatusLabel(types::v1::AppointmentStatus status) {
  return Label(*types::v1::AppointmentStatus_descriptor(), status);
}

std::string SymptomSeverityLabel(types::v1::SymptomSeverity severity) {
  return Label(*types::v1::SymptomSeverity_descriptor(), severity);
}
std::string MessageStatusLabel(v1::Message::Status status) {
  return Label(*v1::Message::Status_descriptor(), status);
}

std::string TriageLevelText(types::v1::TriageLevel level) {
  switch (level) {
    case types::v1::TRIAGE_LEVEL_EXPECTED:
      return "expected";
    case types::v1::TRIAGE_LEVEL_MONITOR:
      return "monitor";
    case types::v1::TRIAGE_LEVEL_CONTACT_CLINIC:
      return "contact the clinic";
    case types::v1::TRIAGE_LEVEL_URGENT:
      return "URGENT";
    default:
      return "unknown";
  }
}

}  // namespace needlework::ctl
