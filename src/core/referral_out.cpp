#include "core/referral_out.hpp"

#include <array>

#include "core/field_check.hpp"

namespace caseboard {
namespace {

struct Step {
  std::string_view from;
  ReferralOutStep step;
  std::string_view to;
};

constexpr std::array<Step, 11> kSteps{{
    {"draft", ReferralOutStep::Send, "sent"},
    {"sent", ReferralOutStep::Accept, "accepted"},
    {"sent", ReferralOutStep::Decline, "declined"},
    {"accepted", ReferralOutStep::Complete, "completed"},
    {"draft", ReferralOutStep::Cancel, "cancelled"},
    {"sent", ReferralOutStep::Cancel, "cancelled"},
    {"accepted", ReferralOutStep::Cancel, "cancelled"},
    {"sent", ReferralOutStep::FollowUp, "sent"},
    {"accepted", ReferralOutStep::FollowUp, "accepted"},
    {"declined", ReferralOutStep::FollowUp, "declined"},
    {"completed", ReferralOutStep::FollowUp, "completed"},
}};

std::string_view step_name(ReferralOutStep step) {
  switch (step) {
    case ReferralOutStep::Send: return "sent";
    case ReferralOutStep::Accept: return "accepted";
    case ReferralOutStep::Decline: return "declined";
    case ReferralOutStep::Complete: return "completed";
    case ReferralOutStep::Cancel: return "cancelled";
    case ReferralOutStep::FollowUp: return "followed up";
  }
  return "changed";
}

}  // namespace

Result<ReferralOutFields> validate_referral_out(ReferralOutFields fields) {
  CB_TRY(check_text(fields.provider_name, "provider_name", 1, 200, LineBreaks::Refused));
  CB_TRY(check_text(fields.provider_contact, "provider_contact", 0, 300, LineBreaks::Refused));
  CB_TRY(check_text(fields.service, "service", 1, 200, LineBreaks::Refused));
  CB_TRY(check_text(fields.reason, "reason", 1, 4000, LineBreaks::Allowed));
  return fields;
}

Result<std::string> next_referral_out_status(std::string_view status, ReferralOutStep step) {
  for (const auto& candidate : kSteps) {
    if (candidate.from == status && candidate.step == step) return std::string(candidate.to);
  }
  return fail(ErrorCode::FailedPrecondition,
              "a referral out that is " + std::string(status) + " cannot be " + std::string(step_name(step)), "status");
}

}  // namespace caseboard
