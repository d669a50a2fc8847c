#include "core/incident.hpp"

#include "core/field_check.hpp"

namespace caseboard {

Result<IncidentFields> validate_incident(IncidentFields fields, Timestamp now) {
  CB_TRY_ASSIGN(occurred, check_time(fields.occurred_at, "occurred_at"));
  CB_TRY(check_not_future(occurred, now, "occurred_at"));
  CB_TRY(check_choice(fields.type, kIncidentTypes, "type"));
  CB_TRY(check_choice(fields.severity, kIncidentSeverities, "severity"));
  CB_TRY(check_text(fields.description, "description", 1, 20000, LineBreaks::Allowed));
  CB_TRY(check_text(fields.actions, "actions", 0, 20000, LineBreaks::Allowed));
  return fields;
}

Result<void> check_incident_complete(const IncidentFields& fields) {
  if (fields.actions.empty()) {
    return fail(ErrorCode::InvalidArgument, "say what was done (actions) before submitting the report", "actions");
  }
  return {};
}

}  // namespace caseboard
