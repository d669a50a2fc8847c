// The worklist — "what do I owe today": open tasks and clock items merged into one list, ordered
// by urgency: overdue first, then the client's risk, then the due time.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/case_clock.hpp"
#include "core/task.hpp"

namespace caseboard {

inline constexpr std::string_view kRiskLevels[] = {"none", "low", "moderate", "high"};

struct WorkItem {
  std::string kind;  // "task" or "clock"
  std::optional<ClockRule> rule;
  std::string rule_name;  // the clock rule's name, or the rule that made the task (e.g. safety_plan_review)
  std::string task_id;
  std::int64_t task_version = 0;  // for completing the task (If-Match)
  std::string record_id;
  std::string title;
  Timestamp due_at;
  bool overdue = false;
  std::string priority;
  std::string client_id;
  std::string case_id;
  std::string assignee_id;
};

// Merges open tasks with clock items (a clock item that an open task of the same rule and record
// already stands for is left out: the task is that entry) and orders them. `case_assignees` maps a
// case id to who owns its clock items; `client_risk` maps client ids to their risk level.
std::vector<WorkItem> merge_worklist(const std::vector<Task>& open_tasks, const std::vector<ClockItem>& clocks,
                                     const std::map<std::string, std::string>& case_assignees,
                                     const std::map<std::string, std::string>& client_risk, Timestamp now);

// 0 (none) .. 3 (high).
int risk_rank(std::string_view risk_level);

}  // namespace caseboard
