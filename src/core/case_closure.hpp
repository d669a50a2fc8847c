// What must be finished before a case may close: a closure is refused while any of these is open,
// and the refusal lists them.
#pragma once

#include <string>
#include <vector>

#include "core/case_clock.hpp"
#include "core/task.hpp"

namespace caseboard {

struct OpenItem {
  std::string kind;  // task, note, note_cosign, progress_note, incident, referral_out, check_in
  std::string id;
  std::string title;
};

// Open tasks of the case, unsigned notes and notes awaiting co-signature, progress notes owed for
// a contact, draft incidents, referrals out whose loop is still open, and a missing check-in.
std::vector<OpenItem> closure_blockers(const CaseRecords& records, const std::vector<Task>& open_tasks,
                                       const ClockRules& rules, Timestamp now);

}  // namespace caseboard
