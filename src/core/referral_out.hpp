// A referral out to a provider or community partner, followed until the loop is closed:
//   draft → sent → accepted | declined;  accepted → completed (with the outcome);
//   draft | sent | accepted → cancelled.  A follow-up may be recorded once it is sent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace caseboard {

struct ReferralOutFields {
  std::string provider_name;
  std::string provider_contact;
  std::string service;
  std::string reason;
  std::optional<std::int64_t> cost_cents;  // what the service cost, when recorded
};

struct ReferralOut {
  std::string id;
  std::int64_t version = 0;
  std::string organization_id;
  std::string client_id;
  std::string case_id;
  ReferralOutFields fields;
  std::string status = "draft";
  std::string created_at;
  std::string sent_at;
  std::string responded_at;
  std::string decline_reason;
  std::string completed_at;
  std::string outcome;
  std::string followed_up_at;
  std::string follow_up_note;
  std::string cancel_reason;
  std::string created_by;
};

enum class ReferralOutStep { Send, Accept, Decline, Complete, Cancel, FollowUp };

[[nodiscard]] Result<ReferralOutFields> validate_referral_out(ReferralOutFields fields);

// The status after the step (the same status for a follow-up), or FailedPrecondition naming the
// status and the step when the loop has no such step from there.
[[nodiscard]] Result<std::string> next_referral_out_status(std::string_view status, ReferralOutStep step);

}  // namespace caseboard
