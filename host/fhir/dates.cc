#include "host/fhir/dates.h"

#include <string>

namespace needlework::fhir::internal {

StatusOr<types::v1::Period> ReadPeriod(const Json& object, std::string_view key,
                                       std::string_view path) {
  types::v1::Period period;
  NW_ASSIGN_OR_RETURN(const Json* value, ObjectField(object, key, path));
  if (value == nullptr) return period;
  const std::string period_path = FieldPath(path, key);
  NW_ASSIGN_OR_RETURN(*period.mutable_start(), StringField(*value, "start", period_path));
  NW_ASSIGN_OR_RETURN(*period.mutable_end(), StringField(*value, "end", period_path));
  return period;
}

StatusOr<types::v1::Period> ReadTimeChoice(const Json& resource, std::string_view prefix) {
  const std::string name(prefix);
  for (const char* form : {"DateTime", "Instant"}) {
    NW_ASSIGN_OR_RETURN(std::string value, StringField(resource, name + form, ""));
    if (value.empty()) continue;
    types::v1::Period period;
    period.set_start(value);
    period.set_end(std::move(value));
    return period;
  }
  return ReadPeriod(resource, name + "Period", "");
}

}  // namespace needlework::fhir::internal
