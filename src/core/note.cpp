#include "core/note.hpp"

#include "core/field_check.hpp"

namespace caseboard {

Result<NoteFields> validate_note(NoteFields fields, Timestamp now) {
  CB_TRY(check_choice(fields.contact_type, kContactTypes, "contact_type"));
  CB_TRY_ASSIGN(service, check_time(fields.service_at, "service_at"));
  CB_TRY(check_not_future(service, now, "service_at"));
  CB_TRY(check_text(fields.body, "body", 1, 20000, LineBreaks::Allowed));
  auto& s = fields.sections;
  CB_TRY(check_text(s.purpose, "fields.purpose", 0, 2000, LineBreaks::Allowed));
  CB_TRY(check_text(s.observations, "fields.observations", 0, 4000, LineBreaks::Allowed));
  CB_TRY(check_text(s.interventions, "fields.interventions", 0, 4000, LineBreaks::Allowed));
  CB_TRY(check_text(s.client_response, "fields.client_response", 0, 4000, LineBreaks::Allowed));
  CB_TRY(check_text(s.plan, "fields.plan", 0, 4000, LineBreaks::Allowed));
  return fields;
}

Result<std::string> validate_addendum(std::string body) {
  CB_TRY(check_text(body, "body", 1, 20000, LineBreaks::Allowed));
  return body;
}

bool is_late_note(Timestamp service_at, Timestamp signed_at, int note_hours) {
  return signed_at - service_at > std::chrono::hours(note_hours);
}

}  // namespace caseboard
