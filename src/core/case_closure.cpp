#include "core/case_closure.hpp"

namespace caseboard {

std::vector<OpenItem> closure_blockers(const CaseRecords& records, const std::vector<Task>& open_tasks,
                                       const ClockRules& rules, Timestamp now) {
  std::vector<OpenItem> open;
  for (const auto& task : open_tasks) open.push_back({"task", task.id, task.fields.title});
  for (const auto& note : records.notes) {
    if (!note.signed_at) open.push_back({"note", note.id, "Sign the draft note"});
  }
  // The clocks say which notes, co-signatures and check-ins are still owed, overdue or not; a
  // rule's task already listed above is not listed twice.
  for (const auto& item : derive_clock_items(records, rules, now)) {
    const auto rule = std::string(clock_rule_name(item.rule));
    bool listed = false;
    for (const auto& task : open_tasks) listed = listed || (task.rule == rule && task.source_id == item.record_id);
    if (listed) continue;
    switch (item.rule) {
      case ClockRule::ProgressNote: open.push_back({"progress_note", item.record_id, item.title}); break;
      case ClockRule::NoteCosign: open.push_back({"note_cosign", item.record_id, item.title}); break;
      case ClockRule::PostDischargeCheckIn: open.push_back({"check_in", item.record_id, item.title}); break;
      default: break;
    }
  }
  for (const auto& incident : records.incidents) {
    if (!incident.submitted_at) open.push_back({"incident", incident.id, "Submit the incident report"});
  }
  for (const auto& referral : records.referrals_out) {
    if (referral.loop_open)
      open.push_back({"referral_out", referral.id, "Close the referral to " + referral.provider_name});
  }
  return open;
}

}  // namespace caseboard
