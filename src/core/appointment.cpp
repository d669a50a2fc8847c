#include "core/appointment.hpp"

#include "core/client.hpp"
#include "core/field_check.hpp"

namespace caseboard {

Result<AppointmentFields> validate_appointment(AppointmentFields fields) {
  CB_TRY(check_choice(fields.kind, kAppointmentKinds, "kind"));
  CB_TRY_ASSIGN(starts, check_time(fields.starts_at, "starts_at"));
  CB_TRY_ASSIGN(ends, check_time(fields.ends_at, "ends_at"));
  if (ends <= starts || ends - starts > std::chrono::hours(24)) {
    return fail(ErrorCode::InvalidArgument, "ends_at must be after starts_at, at most 24 hours later", "ends_at");
  }
  CB_TRY(check_text(fields.location, "location", 0, 300, LineBreaks::Refused));
  CB_TRY(check_text(fields.transport_details, "transport_details", 0, 1000, LineBreaks::Allowed));
  fields.interpreter_language = trim(fields.interpreter_language);
  if (!fields.interpreter_language.empty() && !is_language_tag(fields.interpreter_language)) {
    return fail(ErrorCode::InvalidArgument, "interpreter_language must be a language tag such as es or zh-Hant",
                "interpreter_language");
  }
  return fields;
}

Result<void> check_appointment_outcome(const Appointment& appointment, std::string_view outcome, Timestamp now) {
  CB_TRY(check_choice(outcome, kAppointmentOutcomes, "status"));
  if (appointment.status != "scheduled") {
    return fail(ErrorCode::FailedPrecondition, "the appointment is already " + appointment.status, "status");
  }
  if (outcome != "cancelled") {
    auto starts = parse_timestamp(appointment.fields.starts_at);
    if (starts && *starts > now) {
      return fail(ErrorCode::InvalidArgument, "an appointment that has not started cannot be " + std::string(outcome),
                  "status");
    }
  }
  return {};
}

}  // namespace caseboard
