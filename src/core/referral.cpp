#include "core/referral.hpp"

#include "core/field_check.hpp"

namespace caseboard {

Result<ReferralFields> validate_referral(ReferralFields fields, Timestamp now) {
  CB_TRY(check_choice(fields.source, kReferralSources, "source"));
  CB_TRY(check_text(fields.referrer_name, "referrer_name", 1, 200, LineBreaks::Refused));
  CB_TRY(check_text(fields.referrer_contact, "referrer_contact", 0, 200, LineBreaks::Refused));
  CB_TRY(check_text(fields.reason, "reason", 1, 4000, LineBreaks::Allowed));
  CB_TRY(check_choice(fields.priority, kReferralPriorities, "priority"));
  CB_TRY_ASSIGN(received, check_time(fields.received_at, "received_at"));
  CB_TRY(check_not_future(received, now, "received_at"));
  return fields;
}

Result<void> check_referral_step(const Referral& referral, ReferralStep step) {
  const bool undecided = referral.status == "new" || referral.status == "triaged";
  switch (step) {
    case ReferralStep::Triage:
    case ReferralStep::Assign:
    case ReferralStep::Decline:
      if (undecided) return {};
      return fail(ErrorCode::FailedPrecondition, "the referral is already " + referral.status, "status");
    case ReferralStep::FirstContact:
      if (referral.status != "assigned") {
        return fail(ErrorCode::FailedPrecondition,
                    "first contact is recorded after the referral is assigned (it is " + referral.status + ")",
                    "status");
      }
      if (!referral.first_contact_at.empty()) {
        return fail(ErrorCode::FailedPrecondition, "the first contact was recorded already", "contacted_at");
      }
      return {};
  }
  return {};
}

}  // namespace caseboard
