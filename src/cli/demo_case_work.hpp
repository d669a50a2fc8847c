// The demo's case work: each case walked to its stage over the past weeks through the store, with
// the records that stage leaves (referral, first contact, notes, visits, referrals out, incidents,
// discharge), so the worklists show due and overdue items the way a real caseload does.
#pragma once

#include <string>

#include "cli/demo_random.hpp"
#include "store/store.hpp"

namespace caseboard::cli {

enum class DemoStage { Inbox, AwaitingFirstContact, Intake, Active, OnHold, Discharged, Closed, Declined };

struct DemoCounts {
  int referrals = 0;
  int cases = 0;
  int notes = 0;
  int appointments = 0;
};

// `actor` is the case manager who logged the referral and takes the case.
[[nodiscard]] Result<void> add_case_work(store::Store& store, const Actor& actor, const std::string& client_id,
                                         const std::string& program_id, DemoStage stage, DemoRandom& random,
                                         Timestamp now, DemoCounts& counts);

}  // namespace caseboard::cli
