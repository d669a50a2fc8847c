// Tasks and the worklist: open tasks merged with the clock items of the user's (or the team's)
// open cases.
#include "core/access.hpp"
#include "security/random_id.hpp"
#include "store/sql_store.hpp"

namespace caseboard::store {

const std::string_view kTaskColumns =
    "id, version, organization_id, title, details, due_at, priority, assignee_id, client_id, case_id, status, rule, "
    "source_id, created_by, created_at, completed_at, completed_by";

Task task_from_row(const SqlRow& row) {
  Task task;
  task.id = row.text(0);
  task.version = row.integer(1);
  task.organization_id = row.text(2);
  task.fields = {row.text(3), row.text(4), row.text(5), row.text(6), row.text(7), row.text(8), row.text(9)};
  task.status = row.text(10);
  task.rule = row.text(11);
  task.source_id = row.text(12);
  task.created_by = row.text(13);
  task.created_at = row.text(14);
  task.completed_at = row.text(15);
  task.completed_by = row.text(16);
  return task;
}

namespace {

Result<std::optional<Task>> load_task(SqlConnection& connection, const Actor& actor, std::string_view task_id) {
  const SqlValue params[] = {std::string(task_id), actor.organization_id};
  return query_one(connection,
                   "SELECT " + std::string(kTaskColumns) + " FROM tasks WHERE id = ? AND organization_id = ?", params,
                   task_from_row);
}

// The assignee or the assignee's supervisor.
Result<bool> may_manage_task(SqlConnection& connection, const Actor& actor, const Task& task) {
  if (task.fields.assignee_id == actor.user_id || task.created_by == actor.user_id) return true;
  const SqlValue params[] = {task.fields.assignee_id, actor.user_id};
  CB_TRY_ASSIGN(rows, connection.query("SELECT 1 FROM users WHERE id = ? AND supervisor_id = ?", params));
  return !rows.empty();
}

}  // namespace

Result<Task> SqlStore::create_task(const Actor& actor, TaskFields fields, Timestamp now) {
  Task task;
  task.id = security::random_id("tk");
  task.version = 1;
  task.organization_id = actor.organization_id;
  if (fields.assignee_id.empty()) fields.assignee_id = actor.user_id;
  task.fields = std::move(fields);
  task.created_by = actor.user_id;
  task.created_at = format_timestamp(now);
  return write([&](SqlConnection& connection) -> Result<Task> {
    auto& f = task.fields;
    if (f.assignee_id != actor.user_id && !role_allows(actor.role, Permission::AssignCases)) {
      return fail(ErrorCode::PermissionDenied, "only a supervisor gives tasks to someone else", "assignee_id");
    }
    CB_TRY(require_case_manager(connection, actor, f.assignee_id, "assignee_id"));
    if (!f.case_id.empty()) {
      CB_TRY_ASSIGN(record, require_open_case(connection, actor, now, f.case_id, "case_id"));
      if (!f.client_id.empty() && f.client_id != record.client_id) {
        return fail(ErrorCode::InvalidArgument, "the case is not the client's", "case_id");
      }
      f.client_id = record.client_id;
    } else if (!f.client_id.empty()) {
      CB_TRY(require_client_access(connection, actor, now, f.client_id, "client_id"));
    }
    const SqlValue params[] = {task.id,
                               task.organization_id,
                               f.title,
                               text_or_null(f.details),
                               f.due_at,
                               f.priority,
                               f.assignee_id,
                               text_or_null(f.client_id),
                               text_or_null(f.case_id),
                               task.created_by,
                               task.created_at};
    CB_TRY(
        connection.execute("INSERT INTO tasks (id, organization_id, title, details, due_at, priority, assignee_id, "
                           "client_id, case_id, status, created_by, created_at, version) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, 1)",
                           params));
    CB_TRY(append_audit(connection, actor, {"task.create", "task", task.id, f.client_id}, now));
    return task;
  });
}

Result<std::vector<Task>> SqlStore::list_tasks(const Actor& actor, std::string_view status, Timestamp now) {
  CB_TRY_ASSIGN(tasks, read([&](SqlConnection& connection) -> Result<std::vector<Task>> {
                  const SqlValue params[] = {actor.user_id, actor.organization_id, std::string(status)};
                  CB_TRY_ASSIGN(rows, connection.query("SELECT " + std::string(kTaskColumns) +
                                                           " FROM tasks WHERE assignee_id = ? AND organization_id = ? "
                                                           "AND status = ? ORDER BY due_at, id LIMIT 500",
                                                       params));
                  std::vector<Task> found;
                  for (const auto& row : rows) found.push_back(task_from_row(row));
                  return found;
                }));
  CB_TRY(record_event(actor, {"task.list", "task", {}, {}, "success", "status=" + std::string(status)}, now));
  return tasks;
}

Result<Task> SqlStore::finish_task(const Actor& actor, std::string_view task_id, std::int64_t expected_version,
                                   std::string_view status, Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<Task> {
    CB_TRY_ASSIGN(found, load_task(connection, actor, task_id));
    if (!found) return fail(not_found("task"));
    CB_TRY_ASSIGN(allowed, may_manage_task(connection, actor, *found));
    if (!allowed) return fail(not_found("task"));  // someone else's task is not shown to exist
    Task task = std::move(*found);
    if (task.version != expected_version) return fail(stale_version("task", expected_version, task.version));
    if (task.status != "open")
      return fail(ErrorCode::FailedPrecondition, "the task is already " + task.status, "status");
    if (!task.rule.empty() && status == "done") {
      return fail(ErrorCode::FailedPrecondition,
                  "this task closes itself when its record is written (rule " + task.rule + ")", "status");
    }
    task.status = std::string(status);
    task.completed_at = format_timestamp(now);
    task.completed_by = actor.user_id;
    task.version += 1;
    const SqlValue params[] = {task.status,  task.completed_at, task.completed_by,
                               task.version, task.id,           expected_version};
    CB_TRY(expect_one_row(connection.execute("UPDATE tasks SET status = ?, completed_at = ?, completed_by = ?, "
                                             "version = ? WHERE id = ? AND version = ?",
                                             params),
                          "task", expected_version));
    CB_TRY(append_audit(connection, actor, {"task." + task.status, "task", task.id, task.fields.client_id}, now));
    return task;
  });
}

Result<Worklist> SqlStore::worklist(const Actor& actor, bool team, Timestamp now) {
  CB_TRY_ASSIGN(
      list, read([&](SqlConnection& connection) -> Result<Worklist> {
        Worklist result;
        // Whose work: the actor, and with `team` every active user they supervise.
        std::vector<SqlValue> people_params;
        std::string people_sql = "SELECT id, display_name FROM users WHERE organization_id = ? AND (id = ?" +
                                 std::string(team ? " OR (supervisor_id = ? AND active = 1))" : ")") +
                                 " ORDER BY display_name, id";
        people_params = {actor.organization_id, actor.user_id};
        if (team) people_params.emplace_back(actor.user_id);
        CB_TRY_ASSIGN(people, connection.query(people_sql, people_params));
        std::vector<SqlValue> ids;
        for (const auto& row : people) {
          ids.emplace_back(row.text(0));
          result.user_names[row.text(0)] = row.text(1);
          result.people.push_back({row.text(0), row.text(1), 0, 0});
        }
        if (ids.empty()) return result;
        const auto in_people = "(" + placeholders(ids.size()) + ")";

        std::vector<SqlValue> task_params = ids;
        CB_TRY_ASSIGN(task_rows, connection.query("SELECT " + std::string(kTaskColumns) +
                                                      " FROM tasks WHERE status = 'open' AND assignee_id IN " +
                                                      in_people + " ORDER BY due_at, id LIMIT 2000",
                                                  task_params));
        std::vector<Task> tasks;
        for (const auto& row : task_rows) tasks.push_back(task_from_row(row));

        // Their open cases; another person's case restricted by consent stays out of the team view.
        std::vector<SqlValue> case_params{actor.organization_id};
        case_params.insert(case_params.end(), ids.begin(), ids.end());
        case_params.emplace_back(actor.user_id);
        const std::string case_condition =
            "c.organization_id = ? AND c.status <> 'closed' AND "
            "c.case_manager_id IN " +
            in_people + " AND (c.restricted = 0 OR c.case_manager_id = ?)";
        std::map<std::string, std::string> case_assignees;
        CB_TRY_ASSIGN(clocks, derive_case_clocks(connection, case_condition, case_params, now, &case_assignees));
        // Clients the items are about: names and risk.
        std::vector<SqlValue> client_ids;
        for (const auto& task : tasks) {
          if (!task.fields.client_id.empty()) client_ids.emplace_back(task.fields.client_id);
        }
        for (const auto& clock : clocks) client_ids.emplace_back(clock.client_id);
        if (!client_ids.empty()) {
          CB_TRY_ASSIGN(clients, connection.query("SELECT id, family_name, given_name, risk_level FROM "
                                                  "clients WHERE id IN (" +
                                                      placeholders(client_ids.size()) + ")",
                                                  client_ids));
          for (const auto& row : clients) {
            result.client_names[row.text(0)] = row.text(1) + ", " + row.text(2);
            result.client_risk[row.text(0)] = row.text(3);
          }
        }
        result.items = merge_worklist(tasks, clocks, case_assignees, result.client_risk, now);
        for (auto& person : result.people) {
          for (const auto& item : result.items) {
            if (item.assignee_id != person.user_id) continue;
            ++person.open;
            if (item.overdue) ++person.overdue;
          }
        }
        return result;
      }));
  CB_TRY(record_event(actor,
                      {team ? "worklist.team.read" : "worklist.read",
                       "worklist",
                       {},
                       {},
                       "success",
                       "items=" + std::to_string(list.items.size())},
                      now));
  return list;
}

}  // namespace caseboard::store
