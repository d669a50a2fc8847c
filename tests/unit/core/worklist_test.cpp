// The worklist's order (overdue, then client risk, then due time) and how rule tasks merge with
// their clock items; what blocks a closure.
#include "core/worklist.hpp"

#include <gtest/gtest.h>

#include "core/case_closure.hpp"

namespace caseboard {
namespace {

using std::chrono::hours;

const Timestamp kNow = *parse_timestamp("2026-03-10T12:00:00Z");

ClockItem clock(std::string record, std::string client, Timestamp due,
                ClockRule rule = ClockRule::IncidentDocumentation) {
  return {rule, std::move(record), "cs-" + client, std::move(client), due - hours(4), due, kNow > due, "clock"};
}

Task task(std::string id, std::string client, Timestamp due, std::string rule = {}, std::string source = {}) {
  Task t;
  t.id = std::move(id);
  t.version = 1;
  t.fields.title = "task";
  t.fields.due_at = format_timestamp(due);
  t.fields.client_id = std::move(client);
  t.fields.assignee_id = "u-1";
  t.rule = std::move(rule);
  t.source_id = std::move(source);
  return t;
}

TEST(WorklistTest, OverdueFirstThenClientRiskThenDueTime) {
  const std::map<std::string, std::string> risk{{"low", "low"}, {"high", "high"}, {"none", "none"}};
  std::vector<ClockItem> clocks{
      clock("a", "low", kNow + hours(1)),   // due soon, low risk
      clock("b", "high", kNow + hours(5)),  // due later, high risk
      clock("c", "none", kNow - hours(1)),  // overdue, no risk
      clock("d", "high", kNow - hours(2)),  // overdue, high risk
      clock("e", "high", kNow + hours(2)),  // high risk, sooner than b
  };
  auto items = merge_worklist({}, clocks, {}, risk, kNow);
  std::vector<std::string> order;
  for (const auto& item : items) order.push_back(item.record_id);
  EXPECT_EQ(order, (std::vector<std::string>{"d", "c", "e", "b", "a"}));
  EXPECT_TRUE(items[0].overdue);
  EXPECT_EQ(items[0].priority, "urgent");
  EXPECT_EQ(items[2].priority, "high");
}

TEST(WorklistTest, ARuleTaskAndItsClockItemAreOneEntry) {
  std::vector<Task> tasks{task("tk-1", "x", kNow + hours(40), "referral_follow_up", "ro-1"),
                          task("tk-2", "x", kNow + hours(3))};
  std::vector<ClockItem> clocks{clock("ro-1", "x", kNow + hours(40), ClockRule::ReferralFollowUp),
                                clock("ro-2", "x", kNow + hours(41), ClockRule::ReferralFollowUp)};
  auto items = merge_worklist(tasks, clocks, {{"cs-x", "u-1"}}, {}, kNow);
  ASSERT_EQ(items.size(), 3u);
  int follow_ups_of_ro1 = 0;
  for (const auto& item : items) {
    if (item.record_id == "ro-1") {
      ++follow_ups_of_ro1;
      EXPECT_EQ(item.kind, "task");
      EXPECT_EQ(item.task_id, "tk-1");
      EXPECT_EQ(item.rule, ClockRule::ReferralFollowUp);
    }
    if (item.record_id == "ro-2") {
      EXPECT_EQ(item.assignee_id, "u-1");
    }
  }
  EXPECT_EQ(follow_ups_of_ro1, 1);
}

TEST(CaseClosureTest, ListsEverythingStillOpenAndNothingOnceDone) {
  CaseRecords records;
  records.case_id = "cs-1";
  records.client_id = "cl-1";
  records.status = CaseStatus::Discharged;
  records.notes.push_back({"nt-draft", "", kNow - hours(3), std::nullopt, false, std::nullopt});
  records.notes.push_back({"nt-cosign", "", kNow - hours(3), kNow - hours(2), true, std::nullopt});
  records.attended_appointments.push_back({"ap-1", kNow - hours(5)});
  records.incidents.push_back({"in-1", kNow - hours(1), std::nullopt});
  records.referrals_out.push_back({"ro-1", "Meals", kNow - hours(2), std::nullopt, kNow - hours(1), false, true});
  records.discharge = CaseRecords::Discharge{"dc-1", kNow - hours(1), std::nullopt, {}, false};
  std::vector<Task> tasks{task("tk-1", "cl-1", kNow + hours(70), "post_discharge_check_in", "dc-1")};
  auto open = closure_blockers(records, tasks, ClockRules{}, kNow);
  std::vector<std::string> kinds;
  for (const auto& item : open) kinds.push_back(item.kind + ":" + item.id);
  EXPECT_EQ(kinds, (std::vector<std::string>{"task:tk-1", "note:nt-draft", "progress_note:ap-1",
                                             "note_cosign:nt-cosign", "incident:in-1", "referral_out:ro-1"}));

  records.notes[0].signed_at = kNow;
  records.notes[0].appointment_id = "ap-1";
  records.notes[1].cosigned_at = kNow;
  records.incidents[0].submitted_at = kNow;
  records.referrals_out[0].loop_open = false;
  records.discharge->checked_in_at = kNow;
  EXPECT_TRUE(closure_blockers(records, {}, ClockRules{}, kNow).empty());
}

}  // namespace
}  // namespace caseboard
