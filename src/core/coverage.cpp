#include "core/coverage.hpp"

#include "core/directory.hpp"
#include "core/field_check.hpp"

namespace caseboard {
namespace {

Result<void> check_date(const std::string& text, std::string_view field, bool required) {
  if (text.empty() && !required) return {};
  if (!parse_date(text)) {
    return fail(ErrorCode::InvalidArgument, std::string(field) + " must be a date YYYY-MM-DD", std::string(field));
  }
  return {};
}

Result<void> check_not_after_today(const std::string& text, Timestamp now, std::string_view field) {
  if (!text.empty() && text > format_date(date_of(now))) {
    return fail(ErrorCode::InvalidArgument, std::string(field) + " cannot be in the future", std::string(field));
  }
  return {};
}

}  // namespace

Result<CoverageFields> validate_coverage(CoverageFields fields, Timestamp now) {
  CB_TRY(check_choice(fields.payer_kind, kPayerKinds, "payer_kind"));
  CB_TRY(check_text(fields.payer_name, "payer_name", 1, 200, LineBreaks::Refused));
  CB_TRY(check_text(fields.member_id, "member_id", 0, 64, LineBreaks::Refused));
  CB_TRY(check_date(fields.verified_on, "verified_on", false));
  CB_TRY(check_not_after_today(fields.verified_on, now, "verified_on"));
  return fields;
}

Result<AuthorizationFields> validate_authorization(AuthorizationFields fields) {
  CB_TRY(check_text(fields.service, "service", 1, 200, LineBreaks::Refused));
  if (fields.units_approved < 1 || fields.units_approved > 100000) {
    return fail(ErrorCode::InvalidArgument, "units_approved must be 1 to 100000", "units_approved");
  }
  if (fields.units_used < 0 || fields.units_used > fields.units_approved) {
    return fail(ErrorCode::InvalidArgument, "units_used must be 0 to units_approved", "units_used");
  }
  CB_TRY(check_date(fields.valid_from, "valid_from", true));
  CB_TRY(check_date(fields.valid_to, "valid_to", true));
  if (fields.valid_to < fields.valid_from) {
    return fail(ErrorCode::InvalidArgument, "valid_to must be on or after valid_from", "valid_to");
  }
  return fields;
}

Result<AdvocacyFields> validate_advocacy(AdvocacyFields fields, Timestamp now) {
  CB_TRY(check_choice(fields.kind, kAdvocacyKinds, "kind"));
  CB_TRY(check_text(fields.description, "description", 1, 2000, LineBreaks::Allowed));
  CB_TRY(check_choice(fields.status, kAdvocacyStatuses, "status"));
  CB_TRY(check_date(fields.submitted_on, "submitted_on", false));
  CB_TRY(check_date(fields.decided_on, "decided_on", false));
  CB_TRY(check_not_after_today(fields.submitted_on, now, "submitted_on"));
  CB_TRY(check_not_after_today(fields.decided_on, now, "decided_on"));
  return fields;
}

int units_left(const AuthorizationFields& fields) {
  return fields.units_approved - fields.units_used;
}

bool units_run_low(const AuthorizationFields& fields) {
  const int threshold = std::max(1, fields.units_approved / 10);
  return units_left(fields) <= threshold;
}

Result<AuthorizationFields> use_units(AuthorizationFields fields, int units) {
  if (units < 1) return fail(ErrorCode::InvalidArgument, "units must be at least 1", "units");
  if (units > units_left(fields)) {
    return fail(ErrorCode::FailedPrecondition,
                "only " + std::to_string(units_left(fields)) + " units are left of this authorization", "units");
  }
  fields.units_used += units;
  return fields;
}

}  // namespace caseboard
