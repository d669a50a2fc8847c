// A task on someone's worklist: made by hand, or by a clock rule (then it names the rule and the
// record it is about, and closes itself when the record that satisfies the rule is written).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/calendar.hpp"
#include "core/result.hpp"

namespace caseboard {

inline constexpr std::string_view kTaskPriorities[] = {"low", "normal", "high", "urgent"};
inline constexpr std::string_view kTaskStatuses[] = {"open", "done", "cancelled"};

struct TaskFields {
  std::string title;
  std::string details;
  std::string due_at;  // UTC timestamp
  std::string priority = "normal";
  std::string assignee_id;
  std::string client_id;  // empty: not about a client
  std::string case_id;
};

struct Task {
  std::string id;
  std::int64_t version = 0;
  std::string organization_id;
  TaskFields fields;
  std::string status = "open";
  std::string rule;       // the clock rule that created it; empty for tasks made by hand
  std::string source_id;  // the record the rule's clock runs on
  std::string created_by;
  std::string created_at;
  std::string completed_at;
  std::string completed_by;
};

// Trims and checks the fields a person gives (title, details, due time, priority).
[[nodiscard]] Result<TaskFields> validate_task(TaskFields fields);

// 0 (low) .. 3 (urgent); the order the worklist breaks ties by.
int priority_rank(std::string_view priority);

}  // namespace caseboard
