// The clocks of one case: every item the case manager owes, with when it is due and whether it is
// overdue, derived from the case's records and the current time (passed in). Pure: the same records
// and time always give the same items, so each rule is unit-tested with fixed times.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "core/case_status.hpp"
#include "core/clock_rules.hpp"

namespace caseboard {

enum class ClockRule {
  FirstContact,           // referral received → first contact
  ProgressNote,           // contact → signed note
  NoteCosign,             // note signed where the program wants a co-signature → supervisor co-signs
  ReferralFollowUp,       // referral out sent → follow-up or the provider's answer
  IncidentDocumentation,  // incident occurred → report submitted
  PlanReview,             // admission / last review / major event → plan review
  PostDischargeCheckIn,   // discharge → check-in
  EligibilityCheck,       // coverage eligibility verified → verified again (shown from 14 days before)
  AuthorizationRenewal,   // an authorization running low on units or ending within 14 days
};

std::string_view clock_rule_name(ClockRule rule);
std::optional<ClockRule> parse_clock_rule(std::string_view name);

struct ClockItem {
  ClockRule rule = ClockRule::FirstContact;
  std::string record_id;  // the record the clock runs on (referral, appointment, note, incident, case, discharge)
  std::string case_id;
  std::string client_id;
  Timestamp started_at;
  Timestamp due_at;
  bool overdue = false;  // now is past due_at
  std::string title;
};

// What the clocks of one case are computed from; times are already parsed.
struct CaseRecords {
  struct Referral {
    std::string id;
    Timestamp received_at;
    std::optional<Timestamp> first_contact_at;
    bool declined = false;
  };
  struct Appointment {  // attended appointments only: each is a contact that needs a note
    std::string id;
    Timestamp starts_at;
  };
  struct Note {
    std::string id;
    std::string appointment_id;  // empty when the note names no appointment
    Timestamp service_at;
    std::optional<Timestamp> signed_at;
    bool cosign_required = false;
    std::optional<Timestamp> cosigned_at;
  };
  struct ReferralOut {
    std::string id;
    std::string provider_name;
    std::optional<Timestamp> sent_at;
    std::optional<Timestamp> followed_up_at;
    std::optional<Timestamp> responded_at;
    bool cancelled = false;
    bool loop_open = false;  // draft, sent or accepted: not yet completed, declined or cancelled
  };
  struct Incident {
    std::string id;
    Timestamp occurred_at;
    std::optional<Timestamp> submitted_at;
  };
  struct Discharge {
    std::string id;
    Timestamp discharged_at;
    std::optional<Timestamp> checked_in_at;
    std::vector<Timestamp> readmissions;
    bool early_follow_up = false;  // a high readmission risk: the check-in comes sooner
  };

  struct Coverage {  // active coverage of the client
    std::string id;
    std::string payer_name;
    Timestamp verified_or_added;  // the day eligibility was last verified, else when it was added
  };
  struct Authorization {
    std::string id;
    std::string service;
    int units_left = 0;
    bool units_low = false;
    Timestamp ends;  // the end of its last valid day
  };

  std::string case_id;
  std::string client_id;
  std::string program_id;       // whose clock rules apply
  std::string case_manager_id;  // who owns the case's clock items
  CaseStatus status = CaseStatus::Referred;
  std::optional<Timestamp> admitted_at;  // when the case first became active
  std::optional<Referral> referral;
  std::vector<Appointment> attended_appointments;
  std::vector<Note> notes;
  std::vector<ReferralOut> referrals_out;
  std::vector<Incident> incidents;
  std::vector<Timestamp> plan_reviews;
  std::optional<Discharge> discharge;
  std::vector<Coverage> coverages;
  std::vector<Authorization> authorizations;
};

// Every item the case owes at `now`, earliest due first. A closed case owes nothing.
std::vector<ClockItem> derive_clock_items(const CaseRecords& records, const ClockRules& rules, Timestamp now);

// The first-contact clock of a referral on its own (the inbox shows it before a case exists).
std::optional<ClockItem> first_contact_item(const CaseRecords::Referral& referral, std::string_view client_id,
                                            const ClockRules& rules, Timestamp now);

}  // namespace caseboard
