// What the records of the case cycle share: access to a case, the program's clock rules, the
// records a case's clocks are derived from, and the tasks clock rules create and close.
#include "security/random_id.hpp"
#include "store/sql_store.hpp"

namespace caseboard::store {

std::optional<Timestamp> stored_time(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return parse_timestamp(text);
}

Result<CaseRef> require_case_access(SqlConnection& connection, const Actor& actor, Timestamp now,
                                    std::string_view case_id, std::string field) {
  const SqlValue params[] = {std::string(case_id), actor.organization_id};
  CB_TRY_ASSIGN(rows, connection.query("SELECT id, client_id, program_id, case_manager_id, status, version, restricted "
                                       "FROM cases WHERE id = ? AND organization_id = ?",
                                       params));
  if (rows.empty()) return fail(not_found("case", field));
  const auto& row = rows.front();
  CaseRef record{row.text(0),
                 row.text(1),
                 row.text(2),
                 row.text(3),
                 parse_case_status(row.text(4)).value_or(CaseStatus::Referred),
                 row.integer(5)};
  CB_TRY(require_client_access(connection, actor, now, record.client_id, field));
  if (row.boolean(6)) {
    CB_TRY_ASSIGN(disclosed, named_by_consent_or_grant(connection, actor, now, record.client_id));
    if (!disclosed) {
      return fail(ErrorCode::PermissionDenied,
                  "this part of the record is restricted: the client's consent does not name you", "consent");
    }
  }
  return record;
}

Result<CaseRef> require_open_case(SqlConnection& connection, const Actor& actor, Timestamp now,
                                  std::string_view case_id, std::string field) {
  CB_TRY_ASSIGN(record, require_case_access(connection, actor, now, case_id, field));
  if (record.status == CaseStatus::Closed) {
    return fail(ErrorCode::FailedPrecondition, "the case is closed; nothing more is added to it",
                field.empty() ? "case_id" : field);
  }
  return record;
}

Result<std::string> restricted_case_filter(SqlConnection& connection, const Actor& actor, Timestamp now,
                                           std::string_view client_id) {
  CB_TRY_ASSIGN(named, named_by_consent_or_grant(connection, actor, now, client_id));
  if (named) return std::string();
  // Only this client's restricted cases (usually none, and then no condition at all): a subquery
  // over every restricted case of the database would be read by each list of the chart.
  const SqlValue params[] = {std::string(client_id)};
  CB_TRY_ASSIGN(rows, connection.query("SELECT id FROM cases WHERE client_id = ? AND restricted = 1", params));
  if (rows.empty()) return std::string();
  std::string ids;
  for (const auto& row : rows) {
    std::string quoted = "'";
    for (const char c : row.text(0)) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    ids += (ids.empty() ? "" : ", ") + quoted + "'";
  }
  return " AND case_id NOT IN (" + ids + ")";
}

Result<ClockRules> program_clock_rules(SqlConnection& connection, std::string_view program_id) {
  const SqlValue params[] = {std::string(program_id)};
  CB_TRY_ASSIGN(rows, connection.query("SELECT first_contact_hours, referral_follow_up_hours, note_hours, "
                                       "incident_hours, plan_review_days, event_review_days, check_in_hours, "
                                       "early_check_in_hours, eligibility_days "
                                       "FROM programs WHERE id = ?",
                                       params));
  ClockRules rules;
  if (rows.empty()) return rules;
  for (std::size_t i = 0; i < kClockRuleSettings.size(); ++i) {
    rules.*kClockRuleSettings[i].value = static_cast<int>(rows.front().integer(i));
  }
  return rules;
}

namespace {

// Runs `sql` over the records of the selected cases ("... WHERE case_id IN (<cases>)").
Result<std::vector<SqlRow>> for_cases(SqlConnection& connection, const std::string& sql_before_cases,
                                      const std::string& case_condition, const std::vector<SqlValue>& params,
                                      const std::string& sql_after = {}) {
  return connection.query(sql_before_cases + " (SELECT c.id FROM cases c WHERE " + case_condition + ")" + sql_after,
                          params);
}

Timestamp time_or(const std::string& text, Timestamp fallback) {
  return stored_time(text).value_or(fallback);
}

}  // namespace

Result<std::map<std::string, CaseRecords>> load_case_records(SqlConnection& connection,
                                                             const std::string& case_condition,
                                                             const std::vector<SqlValue>& params) {
  std::map<std::string, CaseRecords> records;
  const Timestamp epoch{};
  CB_TRY_ASSIGN(cases, connection.query("SELECT c.id, c.client_id, c.status, c.program_id, c.case_manager_id FROM "
                                        "cases c WHERE " +
                                            case_condition,
                                        params));
  for (const auto& row : cases) {
    auto& record = records[row.text(0)];
    record.case_id = row.text(0);
    record.client_id = row.text(1);
    record.status = parse_case_status(row.text(2)).value_or(CaseStatus::Referred);
    record.program_id = row.text(3);
    record.case_manager_id = row.text(4);
  }
  if (records.empty()) return records;
  CB_TRY_ASSIGN(admissions, for_cases(connection,
                                      "SELECT case_id, MIN(at) FROM case_status_history WHERE to_status = 'active' "
                                      "AND case_id IN",
                                      case_condition, params, " GROUP BY case_id"));
  for (const auto& row : admissions) records[row.text(0)].admitted_at = stored_time(row.text(1));
  CB_TRY_ASSIGN(referrals, for_cases(connection,
                                     "SELECT case_id, id, received_at, first_contact_at, status FROM referrals "
                                     "WHERE case_id IN",
                                     case_condition, params));
  for (const auto& row : referrals) {
    records[row.text(0)].referral = CaseRecords::Referral{row.text(1), time_or(row.text(2), epoch),
                                                          stored_time(row.text(3)), row.text(4) == "declined"};
  }
  CB_TRY_ASSIGN(appointments, for_cases(connection,
                                        "SELECT case_id, id, starts_at FROM appointments WHERE status = 'attended' "
                                        "AND case_id IN",
                                        case_condition, params));
  for (const auto& row : appointments) {
    records[row.text(0)].attended_appointments.push_back({row.text(1), time_or(row.text(2), epoch)});
  }
  CB_TRY_ASSIGN(notes, for_cases(connection,
                                 "SELECT case_id, id, appointment_id, service_at, signed_at, cosign_required, "
                                 "cosigned_at FROM notes WHERE case_id IN",
                                 case_condition, params));
  for (const auto& row : notes) {
    records[row.text(0)].notes.push_back({row.text(1), row.text(2), time_or(row.text(3), epoch),
                                          stored_time(row.text(4)), row.boolean(5), stored_time(row.text(6))});
  }
  CB_TRY_ASSIGN(referrals_out, for_cases(connection,
                                         "SELECT case_id, id, provider_name, sent_at, followed_up_at, responded_at, "
                                         "status FROM referrals_out WHERE case_id IN",
                                         case_condition, params));
  for (const auto& row : referrals_out) {
    const auto& status = row.text(6);
    records[row.text(0)].referrals_out.push_back(
        {row.text(1), row.text(2), stored_time(row.text(3)), stored_time(row.text(4)), stored_time(row.text(5)),
         status == "cancelled", status == "draft" || status == "sent" || status == "accepted"});
  }
  CB_TRY_ASSIGN(incidents,
                for_cases(connection, "SELECT case_id, id, occurred_at, documented_at FROM incidents WHERE case_id IN",
                          case_condition, params));
  for (const auto& row : incidents) {
    records[row.text(0)].incidents.push_back({row.text(1), time_or(row.text(2), epoch), stored_time(row.text(3))});
  }
  CB_TRY_ASSIGN(reviews, for_cases(connection, "SELECT case_id, reviewed_at FROM plan_reviews WHERE case_id IN",
                                   case_condition, params));
  for (const auto& row : reviews) records[row.text(0)].plan_reviews.push_back(time_or(row.text(1), epoch));
  CB_TRY_ASSIGN(
      discharges,
      for_cases(connection,
                "SELECT case_id, id, discharged_at, check_in_at, early_follow_up FROM discharges WHERE case_id IN",
                case_condition, params));
  std::map<std::string, std::string> case_of_discharge;
  for (const auto& row : discharges) {
    records[row.text(0)].discharge =
        CaseRecords::Discharge{row.text(1), time_or(row.text(2), epoch), stored_time(row.text(3)), {}, row.boolean(4)};
    case_of_discharge[row.text(1)] = row.text(0);
  }
  if (!case_of_discharge.empty()) {
    CB_TRY_ASSIGN(readmissions, for_cases(connection,
                                          "SELECT r.discharge_id, r.admitted_at FROM readmissions r JOIN discharges d "
                                          "ON d.id = r.discharge_id WHERE d.case_id IN",
                                          case_condition, params));
    for (const auto& row : readmissions) {
      auto& discharge = records[case_of_discharge[row.text(0)]].discharge;
      if (discharge) discharge->readmissions.push_back(time_or(row.text(1), epoch));
    }
  }
  CB_TRY_ASSIGN(coverages, for_cases(connection,
                                     "SELECT k.id, v.id, v.payer_name, v.verified_on, v.created_at FROM coverages v "
                                     "JOIN cases k ON k.client_id = v.client_id WHERE v.active = 1 AND k.id IN",
                                     case_condition, params));
  for (const auto& row : coverages) {
    const auto verified = parse_date(row.text(3));
    const auto since = verified ? Timestamp{std::chrono::sys_days{*verified}} : time_or(row.text(4), epoch);
    records[row.text(0)].coverages.push_back({row.text(1), row.text(2), since});
  }
  CB_TRY_ASSIGN(authorizations,
                for_cases(connection,
                          "SELECT k.id, a.id, a.service, a.units_approved, a.units_used, a.valid_to "
                          "FROM authorizations a JOIN cases k ON k.client_id = a.client_id WHERE k.id IN",
                          case_condition, params));
  for (const auto& row : authorizations) {
    AuthorizationFields fields;
    fields.units_approved = static_cast<int>(row.integer(3));
    fields.units_used = static_cast<int>(row.integer(4));
    const auto last_day = parse_date(row.text(5));
    const auto ends = last_day ? Timestamp{std::chrono::sys_days{*last_day} + std::chrono::days(1)} : epoch;
    records[row.text(0)].authorizations.push_back(
        {row.text(1), row.text(2), units_left(fields), units_run_low(fields), ends});
  }
  return records;
}

Result<std::vector<ClockItem>> derive_case_clocks(SqlConnection& connection, const std::string& case_condition,
                                                  const std::vector<SqlValue>& params, Timestamp now,
                                                  std::map<std::string, std::string>* case_managers) {
  CB_TRY_ASSIGN(records, load_case_records(connection, case_condition, params));
  std::map<std::string, ClockRules> rules_by_program;  // each program's rules read once
  std::vector<ClockItem> clocks;
  for (const auto& [case_id, record] : records) {
    if (case_managers) (*case_managers)[case_id] = record.case_manager_id;
    auto rules = rules_by_program.find(record.program_id);
    if (rules == rules_by_program.end()) {
      CB_TRY_ASSIGN(loaded, program_clock_rules(connection, record.program_id));
      rules = rules_by_program.emplace(record.program_id, loaded).first;
    }
    auto items = derive_clock_items(record, rules->second, now);
    clocks.insert(clocks.end(), items.begin(), items.end());
  }
  return clocks;
}

Result<std::vector<Task>> open_case_tasks(SqlConnection& connection, std::string_view case_id) {
  const SqlValue params[] = {std::string(case_id)};
  CB_TRY_ASSIGN(rows, connection.query("SELECT " + std::string(kTaskColumns) +
                                           " FROM tasks WHERE case_id = ? AND status = 'open' ORDER BY due_at, id",
                                       params));
  std::vector<Task> tasks;
  for (const auto& row : rows) tasks.push_back(task_from_row(row));
  return tasks;
}

Result<void> create_rule_task(SqlConnection& connection, const Actor& actor, const CaseRef& record, ClockRule rule,
                              std::string_view source_id, std::string title, Timestamp due_at,
                              std::string_view priority, Timestamp now, std::string assignee) {
  return create_task_of_rule(connection, actor, record, clock_rule_name(rule), source_id, std::move(title), due_at,
                             priority, now, std::move(assignee));
}

Result<void> create_task_of_rule(SqlConnection& connection, const Actor& actor, const CaseRef& record,
                                 std::string_view rule, std::string_view source_id, std::string title, Timestamp due_at,
                                 std::string_view priority, Timestamp now, std::string assignee) {
  if (assignee.empty()) assignee = record.case_manager_id.empty() ? actor.user_id : record.case_manager_id;
  const auto id = security::random_id("tk");
  const auto at = format_timestamp(now);
  const SqlValue params[] = {id,
                             actor.organization_id,
                             std::move(title),
                             format_timestamp(due_at),
                             std::string(priority),
                             assignee,
                             record.client_id,
                             text_or_null(record.id),
                             std::string(rule),
                             std::string(source_id),
                             actor.user_id,
                             at};
  CB_TRY(connection.execute(
      "INSERT INTO tasks (id, organization_id, title, due_at, priority, assignee_id, client_id, case_id, status, rule, "
      "source_id, created_by, created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, 1)",
      params));
  return {};
}

Result<void> mark_early_follow_up(SqlConnection& connection, const std::string& discharge_id,
                                  const std::string& discharged_at, const std::string& program_id, Timestamp now) {
  CB_TRY_ASSIGN(rules, program_clock_rules(connection, program_id));
  const auto discharged = parse_timestamp(discharged_at).value_or(now);
  const auto due =
      format_timestamp(discharged + std::chrono::hours(std::min(rules.check_in_hours, rules.early_check_in_hours)));
  const SqlValue flag[] = {discharge_id};
  CB_TRY(connection.execute("UPDATE discharges SET early_follow_up = 1 WHERE id = ?", flag));
  const SqlValue sooner[] = {due, discharge_id, due};
  CB_TRY(
      connection.execute("UPDATE tasks SET due_at = ?, version = version + 1 WHERE rule = 'post_discharge_check_in' "
                         "AND source_id = ? AND status = 'open' AND due_at > ?",
                         sooner));
  return {};
}

Result<void> close_rule_task(SqlConnection& connection, const Actor& actor, ClockRule rule, std::string_view source_id,
                             Timestamp now) {
  const auto at = format_timestamp(now);
  const SqlValue params[] = {at, actor.user_id, std::string(source_id), std::string(clock_rule_name(rule))};
  CB_TRY(
      connection.execute("UPDATE tasks SET status = 'done', completed_at = ?, completed_by = ?, version = version + "
                         "1 WHERE source_id = ? AND rule = ? AND status = 'open'",
                         params));
  return {};
}

}  // namespace caseboard::store
