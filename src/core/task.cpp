#include "core/task.hpp"

#include "core/field_check.hpp"

namespace caseboard {

Result<TaskFields> validate_task(TaskFields fields) {
  CB_TRY(check_text(fields.title, "title", 1, 200, LineBreaks::Refused));
  CB_TRY(check_text(fields.details, "details", 0, 4000, LineBreaks::Allowed));
  CB_TRY(check_time(fields.due_at, "due_at"));
  CB_TRY(check_choice(fields.priority, kTaskPriorities, "priority"));
  return fields;
}

int priority_rank(std::string_view priority) {
  for (int rank = 0; rank < 4; ++rank) {
    if (kTaskPriorities[rank] == priority) return rank;
  }
  return 1;
}

}  // namespace caseboard
