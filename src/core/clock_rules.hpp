// The clocks of the case cycle, as data configured per program (SPEC.md, the cycle table): how
// long each step may take before it is overdue. The defaults are SPEC.md's; a program overrides
// any of them.
#pragma once

#include <array>
#include <string_view>

#include "core/result.hpp"

namespace caseboard {

struct ClockRules {
  int first_contact_hours = 72;       // referral received → first contact with the client
  int referral_follow_up_hours = 48;  // referral out sent → follow-up
  int note_hours = 24;                // contact → signed progress note (also: signed note → co-signature)
  int incident_hours = 4;             // incident occurred → report submitted
  int plan_review_days = 30;          // admission or last review → next care plan review
  int event_review_days = 7;          // major event (incident, discharge, readmission) → plan review
  int check_in_hours = 72;            // discharge → post-discharge check-in
  int early_check_in_hours = 24;      // ... when a readmission-risk screen (LACE) came out high
  int eligibility_days = 90;          // coverage eligibility verified → verified again
};

// One rule's name as it travels (API, tasks' `rule`), its place in ClockRules, and its bounds.
struct ClockRuleSetting {
  std::string_view name;
  int ClockRules::*value;
  int minimum;
  int maximum;
};

inline constexpr std::array<ClockRuleSetting, 9> kClockRuleSettings{{
    {"first_contact_hours", &ClockRules::first_contact_hours, 1, 8760},
    {"referral_follow_up_hours", &ClockRules::referral_follow_up_hours, 1, 8760},
    {"note_hours", &ClockRules::note_hours, 1, 8760},
    {"incident_hours", &ClockRules::incident_hours, 1, 8760},
    {"plan_review_days", &ClockRules::plan_review_days, 1, 365},
    {"event_review_days", &ClockRules::event_review_days, 1, 365},
    {"check_in_hours", &ClockRules::check_in_hours, 1, 8760},
    {"early_check_in_hours", &ClockRules::early_check_in_hours, 1, 8760},
    {"eligibility_days", &ClockRules::eligibility_days, 1, 3650},
}};

// InvalidArgument naming "clock_rules.<name>" for a value outside its bounds.
[[nodiscard]] Result<ClockRules> validate_clock_rules(ClockRules rules);

}  // namespace caseboard
