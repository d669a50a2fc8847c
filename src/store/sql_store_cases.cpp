// Cases (episodes of care) and their status history.
#include "core/field_check.hpp"
#include "core/role.hpp"
#include "security/random_id.hpp"
#include "store/sql_store.hpp"

namespace caseboard::store {
namespace {

constexpr std::string_view kCaseColumns =
    "id, version, organization_id, client_id, program_id, case_manager_id, status, opened_at, status_changed_at, "
    "closed_reason, restricted, closed_outcome";

Case case_from_row(const SqlRow& row) {
  Case record;
  record.id = row.text(0);
  record.version = row.integer(1);
  record.organization_id = row.text(2);
  record.client_id = row.text(3);
  record.program_id = row.text(4);
  record.case_manager_id = row.text(5);
  record.status = parse_case_status(row.text(6)).value_or(CaseStatus::Referred);
  record.opened_at = row.text(7);
  record.status_changed_at = row.text(8);
  record.closed_reason = row.text(9);
  record.restricted = row.boolean(10);
  record.closed_outcome = row.text(11);
  return record;
}

Result<void> load_history(SqlConnection& connection, Case& record) {
  const SqlValue by_case[] = {record.id};
  CB_TRY_ASSIGN(history, connection.query("SELECT from_status, to_status, at, by_user_id, reason FROM "
                                          "case_status_history WHERE case_id = ? ORDER BY sequence",
                                          by_case));
  for (const auto& row : history) {
    record.history.push_back({row.text(0), row.text(1), row.text(2), row.text(3), row.text(4)});
  }
  return {};
}

Result<std::optional<Case>> load_case(SqlConnection& connection, std::string_view organization_id,
                                      std::string_view case_id) {
  const SqlValue params[] = {std::string(case_id), std::string(organization_id)};
  CB_TRY_ASSIGN(
      found,
      query_one(connection, "SELECT " + std::string(kCaseColumns) + " FROM cases WHERE id = ? AND organization_id = ?",
                params, case_from_row));
  if (!found) return std::optional<Case>{};
  CB_TRY(load_history(connection, *found));
  return found;
}

// PermissionDenied (field "consent") for a restricted case no consent in force lets the actor see.
Result<void> require_case_disclosed(SqlConnection& connection, const Actor& actor, Timestamp now, const Case& record) {
  if (!record.restricted) return {};
  CB_TRY_ASSIGN(disclosed, named_by_consent_or_grant(connection, actor, now, record.client_id));
  if (!disclosed) {
    return fail(ErrorCode::PermissionDenied,
                "this part of the record is restricted: the client's consent does not name you", "consent");
  }
  return {};
}

// A case closes only with its outcome (after a discharge) and with nothing required left open.
Result<void> check_closure(SqlConnection& connection, const Case& stored, std::string_view outcome, Timestamp now) {
  if (stored.status == CaseStatus::Discharged) {
    if (outcome.empty())
      return fail(ErrorCode::InvalidArgument, "closing a discharged case needs its outcome", "outcome");
  }
  if (!outcome.empty()) CB_TRY(check_choice(outcome, kCaseOutcomes, "outcome"));
  const std::vector<SqlValue> params{stored.id};
  CB_TRY_ASSIGN(records, load_case_records(connection, "c.id = ?", params));
  CB_TRY_ASSIGN(rules, program_clock_rules(connection, stored.program_id));
  CB_TRY_ASSIGN(tasks, open_case_tasks(connection, stored.id));
  auto open = closure_blockers(records[stored.id], tasks, rules, now);
  if (open.empty()) return {};
  Error error = make_error(ErrorCode::FailedPrecondition,
                           "the case cannot close while " + std::to_string(open.size()) +
                               (open.size() == 1 ? " required item is" : " required items are") + " open",
                           "open_items");
  for (const auto& item : open) error.open_items.push_back({item.kind, item.id, item.title});
  return fail(std::move(error));
}

}  // namespace

Result<void> append_case_history(SqlConnection& connection, std::string_view case_id, std::string_view from,
                                 CaseStatus to, const Actor& actor, std::string_view reason, const std::string& at) {
  const SqlValue params[] = {
      std::string(case_id),        text_or_null(std::string(from)),  std::string(case_status_name(to)), at,
      text_or_null(actor.user_id), text_or_null(std::string(reason))};
  CB_TRY(
      connection.execute("INSERT INTO case_status_history (case_id, from_status, to_status, at, by_user_id, reason) "
                         "VALUES (?, ?, ?, ?, ?, ?)",
                         params));
  return {};
}

Result<void> require_case_manager(SqlConnection& connection, const Actor& actor, std::string_view user_id,
                                  std::string field) {
  return require_row(connection,
                     "SELECT 1 FROM users WHERE id = ? AND organization_id = ? AND active = 1 AND role IN "
                     "('case_manager', 'nurse_case_manager', 'supervisor')",
                     user_id, actor.organization_id, "active case manager", std::move(field));
}

Result<void> insert_case(SqlConnection& connection, const Case& record, const Actor& actor, std::string_view reason) {
  const SqlValue params[] = {record.id,
                             record.organization_id,
                             record.client_id,
                             record.program_id,
                             text_or_null(record.case_manager_id),
                             std::string(case_status_name(record.status)),
                             record.opened_at,
                             record.status_changed_at,
                             std::int64_t{1},
                             record.opened_at,
                             record.opened_at};
  auto inserted = connection.execute(
      "INSERT INTO cases (id, organization_id, client_id, program_id, case_manager_id, status, opened_at, "
      "status_changed_at, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      params);
  if (!inserted) {
    if (inserted.error().code == ErrorCode::AlreadyExists) {
      return fail(ErrorCode::AlreadyExists, "the client already has an open case in this program", "program_id");
    }
    return fail(std::move(inserted.error()));
  }
  return append_case_history(connection, record.id, {}, record.status, actor, reason, record.opened_at);
}

Result<Case> SqlStore::create_case(const Actor& actor, std::string_view client_id, std::string_view program_id,
                                   std::string_view case_manager_id, Timestamp now) {
  Case record;
  record.id = security::random_id("cs");
  record.version = 1;
  record.organization_id = actor.organization_id;
  record.client_id = std::string(client_id);
  record.program_id = std::string(program_id);
  record.case_manager_id = std::string(case_manager_id);
  record.status = CaseStatus::Referred;
  record.opened_at = record.status_changed_at = format_timestamp(now);
  return write([&](SqlConnection& connection) -> Result<Case> {
    CB_TRY(require_client_access(connection, actor, now, client_id, "client_id"));
    CB_TRY(require_row(connection, "SELECT 1 FROM programs WHERE id = ? AND organization_id = ? AND active = 1",
                       program_id, actor.organization_id, "active program", "program_id"));
    if (!case_manager_id.empty()) CB_TRY(require_case_manager(connection, actor, case_manager_id));
    CB_TRY(insert_case(connection, record, actor, {}));
    record.history.push_back({{}, std::string(case_status_name(record.status)), record.opened_at, actor.user_id, {}});
    CB_TRY(append_audit(connection, actor, {"case.create", "case", record.id, record.client_id}, now));
    return record;
  });
}

Result<Case> SqlStore::get_case(const Actor& actor, std::string_view case_id, Timestamp now) {
  std::string grant_reason;
  CB_TRY_ASSIGN(record, read([&](SqlConnection& connection) -> Result<Case> {
                  CB_TRY_ASSIGN(found, load_case(connection, actor.organization_id, case_id));
                  if (!found) return fail(not_found("case"));
                  CB_TRY_ASSIGN(reason, require_client_access(connection, actor, now, found->client_id));
                  grant_reason = std::move(reason);
                  CB_TRY(require_case_disclosed(connection, actor, now, *found));
                  return *found;
                }));
  CB_TRY(record_event(actor, {"case.read", "case", record.id, record.client_id, "success", {}, grant_reason}, now));
  return record;
}

Result<Page<Case>> SqlStore::list_cases(const Actor& actor, const CaseQuery& query, Timestamp now) {
  // Only cases of clients the actor may open are listed.
  std::vector<SqlValue> params{actor.organization_id};
  std::string sql = "SELECT " + std::string(kCaseColumns) + " FROM cases WHERE organization_id = ? AND " +
                    client_access_condition(actor, now, "cases.client_id", params);
  if (!query.client_id.empty()) {
    sql += " AND client_id = ?";
    params.emplace_back(query.client_id);
  }
  if (!query.case_manager_id.empty()) {
    sql += " AND case_manager_id = ?";
    params.emplace_back(query.case_manager_id);
  }
  if (query.status) {
    sql += " AND status = ?";
    params.emplace_back(std::string(case_status_name(*query.status)));
  }
  if (!query.cursor.empty()) {
    CB_TRY_ASSIGN(after, decode_cursor(query.cursor, 2));
    sql += " AND (opened_at, id) < (?, ?)";
    for (auto& part : after) params.emplace_back(std::move(part));
  }
  const int limit = clamp_page_size(query.limit);
  sql += " ORDER BY opened_at DESC, id DESC LIMIT ?";
  params.emplace_back(std::int64_t{limit + 1});
  CB_TRY_ASSIGN(page, read([&](SqlConnection& connection) -> Result<Page<Case>> {
                  if (query.client_must_be_open) CB_TRY(require_client_access(connection, actor, now, query.client_id));
                  CB_TRY_ASSIGN(rows, connection.query(sql, params));
                  Page<Case> found;
                  for (std::size_t i = 0; i < rows.size() && i < static_cast<std::size_t>(limit); ++i) {
                    auto record = case_from_row(rows[i]);
                    if (i + 1 == static_cast<std::size_t>(limit) && rows.size() > static_cast<std::size_t>(limit)) {
                      found.next_cursor = encode_cursor({record.opened_at, record.id});
                    }
                    if (record.restricted) {
                      CB_TRY_ASSIGN(disclosed, named_by_consent_or_grant(connection, actor, now, record.client_id));
                      if (!disclosed) {
                        ++found.withheld;  // that a restricted episode exists, not what it is
                        continue;
                      }
                    }
                    found.items.push_back(std::move(record));
                    if (query.with_history) CB_TRY(load_history(connection, found.items.back()));
                  }
                  return found;
                }));
  const auto criteria = "client_id=" + query.client_id + "; case_manager_id=" + query.case_manager_id +
                        "; results=" + std::to_string(page.items.size());
  CB_TRY(record_event(actor, {"case.list", "case", {}, query.client_id, "success", criteria}, now));
  return page;
}

Result<Case> SqlStore::transition_case(const Actor& actor, std::string_view case_id, std::int64_t expected_version,
                                       CaseStatus to, std::string_view reason, std::string_view outcome,
                                       Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<Case> {
    CB_TRY_ASSIGN(stored, load_case(connection, actor.organization_id, case_id));
    if (!stored) return fail(not_found("case"));
    CB_TRY(require_client_access(connection, actor, now, stored->client_id));
    CB_TRY(require_case_disclosed(connection, actor, now, *stored));
    if (stored->version != expected_version) return fail(stale_version("case", expected_version, stored->version));
    CB_TRY(check_case_transition(stored->status, to, reason));
    if (to == CaseStatus::Closed) CB_TRY(check_closure(connection, *stored, outcome, now));
    Case record = *stored;
    const auto from = std::string(case_status_name(record.status));
    const auto at = format_timestamp(now);
    record.status = to;
    record.status_changed_at = at;
    record.version += 1;
    if (to == CaseStatus::Closed) {
      record.closed_reason = std::string(reason);
      record.closed_outcome = std::string(outcome);
    }
    const SqlValue params[] = {std::string(case_status_name(to)),
                               at,
                               text_or_null(record.closed_reason),
                               text_or_null(record.closed_outcome),
                               record.version,
                               at,
                               record.id,
                               expected_version};
    CB_TRY(expect_one_row(
        connection.execute("UPDATE cases SET status = ?, status_changed_at = ?, closed_reason = ?, "
                           "closed_outcome = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?",
                           params),
        "case", expected_version));
    CB_TRY(append_case_history(connection, record.id, from, to, actor, reason, at));
    record.history.push_back({from, std::string(case_status_name(to)), at, actor.user_id, std::string(reason)});
    CB_TRY(append_audit(connection, actor, {"case.transition", "case", record.id, record.client_id}, now));
    return record;
  });
}

Result<Case> SqlStore::reassign_case(const Actor& actor, std::string_view case_id, std::int64_t expected_version,
                                     std::string_view case_manager_id, Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<Case> {
    CB_TRY_ASSIGN(stored, load_case(connection, actor.organization_id, case_id));
    if (!stored) return fail(not_found("case"));
    CB_TRY(require_client_access(connection, actor, now, stored->client_id));
    CB_TRY(require_case_disclosed(connection, actor, now, *stored));
    if (stored->version != expected_version) return fail(stale_version("case", expected_version, stored->version));
    if (stored->status == CaseStatus::Closed) {
      return fail(ErrorCode::FailedPrecondition, "a closed case cannot be reassigned", "case_manager_id");
    }
    CB_TRY(require_case_manager(connection, actor, case_manager_id));
    Case record = *stored;
    record.case_manager_id = std::string(case_manager_id);
    record.version += 1;
    const auto at = format_timestamp(now);
    const SqlValue params[] = {record.case_manager_id, record.version, at, record.id, expected_version};
    CB_TRY(expect_one_row(connection.execute("UPDATE cases SET case_manager_id = ?, version = ?, updated_at = ? "
                                             "WHERE id = ? AND version = ?",
                                             params),
                          "case", expected_version));
    // The registrant's place on the care team lasts until the client's case is reassigned.
    const SqlValue registrant[] = {at, record.client_id};
    CB_TRY(
        connection.execute("UPDATE care_team_members SET ended_at = ? WHERE client_id = ? AND kind = 'registrant' "
                           "AND ended_at IS NULL",
                           registrant));
    CB_TRY(append_audit(connection, actor, {"case.reassign", "case", record.id, record.client_id}, now));
    return record;
  });
}

Result<Case> SqlStore::set_case_restriction(const Actor& actor, std::string_view case_id, std::int64_t expected_version,
                                            bool restricted, Timestamp now) {
  auto changed = write([&](SqlConnection& connection) -> Result<std::string> {
    CB_TRY_ASSIGN(stored, load_case(connection, actor.organization_id, case_id));
    if (!stored) return fail(not_found("case"));
    CB_TRY(require_client_access(connection, actor, now, stored->client_id));
    CB_TRY(require_case_disclosed(connection, actor, now, *stored));
    if (restricted) {
      CB_TRY_ASSIGN(named, named_by_consent_or_grant(connection, actor, now, stored->client_id));
      if (!named) {
        return fail(ErrorCode::FailedPrecondition,
                    "record the client's consent naming you before restricting this part of the record", "restricted");
      }
    }
    const SqlValue params[] = {std::int64_t{restricted ? 1 : 0}, format_timestamp(now), stored->id, expected_version};
    CB_TRY(expect_one_row(connection.execute("UPDATE cases SET restricted = ?, version = version + 1, updated_at = ? "
                                             "WHERE id = ? AND version = ?",
                                             params),
                          "case", expected_version));
    CB_TRY(append_audit(connection, actor,
                        {restricted ? "case.restrict" : "case.unrestrict", "case", stored->id, stored->client_id},
                        now));
    return stored->id;
  });
  if (!changed) return fail(std::move(changed.error()));
  return get_case(actor, *changed, now);
}

}  // namespace caseboard::store
