#include "core/worklist.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace caseboard {

int risk_rank(std::string_view risk_level) {
  for (int rank = 0; rank < 4; ++rank) {
    if (kRiskLevels[rank] == risk_level) return rank;
  }
  return 0;
}

std::vector<WorkItem> merge_worklist(const std::vector<Task>& open_tasks, const std::vector<ClockItem>& clocks,
                                     const std::map<std::string, std::string>& case_assignees,
                                     const std::map<std::string, std::string>& client_risk, Timestamp now) {
  std::vector<WorkItem> items;
  std::set<std::pair<std::string, std::string>> represented;  // (rule, record) of open rule tasks
  for (const auto& task : open_tasks) {
    const auto due = parse_timestamp(task.fields.due_at).value_or(now);
    WorkItem item;
    item.kind = "task";
    item.rule = parse_clock_rule(task.rule);
    item.rule_name = task.rule;
    item.task_id = task.id;
    item.task_version = task.version;
    item.record_id = task.source_id;
    item.title = task.fields.title;
    item.due_at = due;
    item.overdue = now > due;
    item.priority = task.fields.priority;
    item.client_id = task.fields.client_id;
    item.case_id = task.fields.case_id;
    item.assignee_id = task.fields.assignee_id;
    items.push_back(std::move(item));
    if (!task.rule.empty()) represented.insert({task.rule, task.source_id});  // the task is that clock's entry
  }
  for (const auto& clock : clocks) {
    // A client's coverage clocks come with each of their cases: one entry is enough.
    if (!represented.insert({std::string(clock_rule_name(clock.rule)), clock.record_id}).second) continue;
    WorkItem item;
    item.kind = "clock";
    item.rule = clock.rule;
    item.rule_name = std::string(clock_rule_name(clock.rule));
    item.record_id = clock.record_id;
    item.title = clock.title;
    item.due_at = clock.due_at;
    item.overdue = clock.overdue;
    // A clock that has run out is urgent; one still running is high.
    item.priority = clock.overdue ? "urgent" : "high";
    item.client_id = clock.client_id;
    item.case_id = clock.case_id;
    if (auto owner = case_assignees.find(clock.case_id); owner != case_assignees.end())
      item.assignee_id = owner->second;
    items.push_back(std::move(item));
  }
  auto risk_of = [&](const WorkItem& item) {
    auto found = client_risk.find(item.client_id);
    return found == client_risk.end() ? 0 : risk_rank(found->second);
  };
  std::stable_sort(items.begin(), items.end(), [&](const WorkItem& a, const WorkItem& b) {
    return std::make_tuple(!a.overdue, -risk_of(a), a.due_at, -priority_rank(a.priority), a.title) <
           std::make_tuple(!b.overdue, -risk_of(b), b.due_at, -priority_rank(b.priority), b.title);
  });
  return items;
}

}  // namespace caseboard
