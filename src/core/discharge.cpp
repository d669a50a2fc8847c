#include "core/discharge.hpp"

#include "core/field_check.hpp"

namespace caseboard {

Result<DischargeFields> validate_discharge(DischargeFields fields, Timestamp now) {
  CB_TRY_ASSIGN(discharged, check_time(fields.discharged_at, "discharged_at"));
  CB_TRY(check_not_future(discharged, now, "discharged_at"));
  CB_TRY(check_choice(fields.destination, kDischargeDestinations, "destination"));
  CB_TRY(check_text(fields.destination_details, "destination_details", fields.destination == "other" ? 1 : 0, 500,
                    LineBreaks::Refused));
  CB_TRY(check_text(fields.services_arranged, "services_arranged", 0, 4000, LineBreaks::Allowed));
  CB_TRY(check_text(fields.notes, "notes", 0, 4000, LineBreaks::Allowed));
  return fields;
}

Result<CheckIn> validate_check_in(CheckIn check_in) {
  if (check_in.satisfaction < 1 || check_in.satisfaction > 5) {
    return fail(ErrorCode::InvalidArgument, "satisfaction must be 1 to 5", "satisfaction");
  }
  CB_TRY(check_text(check_in.notes, "notes", 0, 4000, LineBreaks::Allowed));
  return check_in;
}

Result<Readmission> validate_readmission(Readmission readmission, Timestamp discharged_at, Timestamp now) {
  CB_TRY_ASSIGN(admitted, check_time(readmission.admitted_at, "admitted_at"));
  CB_TRY(check_not_future(admitted, now, "admitted_at"));
  if (admitted < discharged_at) {
    return fail(ErrorCode::InvalidArgument, "admitted_at must be after the discharge", "admitted_at");
  }
  CB_TRY(check_text(readmission.facility, "facility", 1, 200, LineBreaks::Refused));
  CB_TRY(check_text(readmission.reason, "reason", 1, 2000, LineBreaks::Allowed));
  const auto elapsed = admitted - discharged_at;
  readmission.days_after_discharge = static_cast<int>(std::chrono::floor<std::chrono::days>(elapsed).count());
  readmission.within_30_days = elapsed <= std::chrono::days(30);
  return readmission;
}

}  // namespace caseboard
