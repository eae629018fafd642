#include "plugins/aftercare/aftercare.h"

#include <map>
#include <string>

#include "plugins/aftercare/language.h"
#include "plugins/aftercare/text_template.h"

namespace needlework::aftercare {
namespace {

using types::v1::TimeSpec;

TimeSpec HoursAfterSessionEnd(int hours) {
  TimeSpec spec;
  spec.set_anchor(types::v1::ANCHOR_SESSION_END);
  spec.set_offset_minutes(int64_t{hours} * 60);
  return spec;
}

void AddInstruction(const InstructionRule& rule, const Texts& texts,
                    plugin::v1::AftercareResponse* response) {
  types::v1::AftercareInstruction* instruction = response->add_instructions();
  instruction->set_id(rule.id);
  instruction->set_text(texts.instructions.at(rule.id));
  instruction->set_indicator(rule.indicator);
  if (!rule.from_hours) {
    instruction->set_until_text(texts.from_healed);
    return;
  }
  *instruction->mutable_from() = HoursAfterSessionEnd(*rule.from_hours);
  if (rule.until_hours) {
    *instruction->mutable_until() = HoursAfterSessionEnd(*rule.until_hours);
  } else {
    instruction->set_until_text(texts.until_healed);
  }
}

bool GoesWith(SessionFilter filter, bool last_session) {
  switch (filter) {
    case SessionFilter::kNotLast:
      return !last_session;
    case SessionFilter::kLast:
      return last_session;
    case SessionFilter::kAll:
      break;
  }
  return true;
}

std::map<std::string, std::string> MessageValues(const AftercareRules& rules,
                                                 const plugin::v1::AftercareRequest& request) {
  std::map<std::string, std::string> values = {
      {"session_number", std::to_string(request.session_index() + 1)},
      {"maintenance_months_min", std::to_string(rules.maintenance_min_months)},
      {"maintenance_months_max", std::to_string(rules.maintenance_max_months)}};
  if (request.plan().session_count() > 0) {
    values["session_count"] = std::to_string(request.plan().session_count());
  }
  if (!request.last_session()) {
    values["next_session_number"] = std::to_string(request.session_index() + 2);
  }
  return values;
}

Status CheckRequest(const plugin::v1::AftercareRequest& request) {
  const int count = request.plan().session_count();
  if (request.session_index() < 0 || (count > 0 && request.session_index() >= count)) {
    return InvalidArgumentError("session_index " + std::to_string(request.session_index()) +
                                " is outside the plan's " + std::to_string(count) + " sessions");
  }
  return OkStatus();
}

}  // namespace

Status BuildAftercare(const AftercareRules& rules, const plugin::v1::AftercareRequest& request,
                      plugin::v1::AftercareResponse* response) {
  NW_RETURN_IF_ERROR(CheckRequest(request));
  const std::string& language = ResolveLanguage(rules, request.language());
  const Texts& texts = rules.languages.at(language);
  for (const auto& [id, rule] : rules.instructions) AddInstruction(rule, texts, response);
  for (const auto& [id, rule] : rules.effects) {
    types::v1::ExpectedEffect* effect = response->add_expected_effects();
    effect->set_id(id);
    effect->set_text(texts.effects.at(id));
    effect->set_normal_course_hours(rule.normal_course_hours);
  }
  const std::map<std::string, std::string> values = MessageValues(rules, request);
  for (const auto& [id, rule] : rules.messages) {
    if (!GoesWith(rule.sessions, request.last_session())) continue;
    types::v1::PatientMessage* message = response->add_messages();
    message->set_id(id);
    *message->mutable_send_at() = rule.send_at;
    message->set_text(FillTemplate(texts.messages.at(id), values));
    if (auto waiting = texts.waiting_messages.find(id); waiting != texts.waiting_messages.end()) {
      message->set_waiting_text(FillTemplate(waiting->second, values));
    }
    message->set_language(language);
  }
  return OkStatus();
}

}  // namespace needlework::aftercare
