// A referral into the agency (the inbox): who sent it, why, how urgent; triage, assignment to a
// case manager (which opens a case), the first contact that stops the 72-hour clock, or a decline.
//   new → triaged → assigned;  new | triaged → declined.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/calendar.hpp"
#include "core/result.hpp"

namespace caseboard {

inline constexpr std::string_view kReferralSources[] = {"hospital", "physician", "self",      "family", "court",
                                                        "school",   "payer",     "community", "other"};
inline constexpr std::string_view kReferralPriorities[] = {"routine", "urgent", "emergent"};
inline constexpr std::string_view kReferralStatuses[] = {"new", "triaged", "assigned", "declined"};
inline constexpr std::string_view kContactMethods[] = {"phone", "home_visit", "office", "video", "other"};

struct ReferralFields {
  std::string client_id;
  std::string program_id;
  std::string source;
  std::string referrer_name;
  std::string referrer_contact;
  std::string reason;
  std::string priority = "routine";
  std::string received_at;  // UTC timestamp
};

struct Referral {
  std::string id;
  std::int64_t version = 0;
  std::string organization_id;
  ReferralFields fields;
  std::string client_name;  // "Family, Given", for the inbox
  std::string status = "new";
  std::string triage_note;
  std::string case_id;
  std::string case_manager_id;
  std::string assigned_at;
  std::string first_contact_at;
  std::string first_contact_method;
  std::string decline_reason;
  std::string created_by;
  std::string created_at;
};

// Trims and checks the fields; received_at may not be in the future.
[[nodiscard]] Result<ReferralFields> validate_referral(ReferralFields fields, Timestamp now);

enum class ReferralStep { Triage, Assign, Decline, FirstContact };

// FailedPrecondition naming the status when the referral cannot take the step: triage, assign
// and decline only while new or triaged; first contact only once, after assignment.
[[nodiscard]] Result<void> check_referral_step(const Referral& referral, ReferralStep step);

}  // namespace caseboard
