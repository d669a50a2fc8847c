// The referral inbox: referrals in, triage, assignment (which opens a case), first contact, decline.
#include "core/access.hpp"
#include "security/random_id.hpp"
#include "store/sql_store.hpp"

namespace caseboard::store {
namespace {

constexpr std::string_view kReferralColumns =
    "r.id, r.version, r.organization_id, r.client_id, r.program_id, r.source, r.referrer_name, r.referrer_contact, "
    "r.reason, r.priority, r.received_at, r.status, r.triage_note, r.case_id, r.case_manager_id, r.assigned_at, "
    "r.first_contact_at, r.first_contact_method, r.decline_reason, r.created_by, r.created_at, c.family_name, "
    "c.given_name";

constexpr std::string_view kReferralFrom = " FROM referrals r JOIN clients c ON c.id = r.client_id";

Referral referral_from_row(const SqlRow& row) {
  Referral referral;
  referral.id = row.text(0);
  referral.version = row.integer(1);
  referral.organization_id = row.text(2);
  referral.fields = {row.text(3), row.text(4), row.text(5), row.text(6),
                     row.text(7), row.text(8), row.text(9), row.text(10)};
  referral.status = row.text(11);
  referral.triage_note = row.text(12);
  referral.case_id = row.text(13);
  referral.case_manager_id = row.text(14);
  referral.assigned_at = row.text(15);
  referral.first_contact_at = row.text(16);
  referral.first_contact_method = row.text(17);
  referral.decline_reason = row.text(18);
  referral.created_by = row.text(19);
  referral.created_at = row.text(20);
  referral.client_name = row.text(21) + ", " + row.text(22);
  return referral;
}

// Who sees a referral: supervisors (the inbox) all of the organization's; others those assigned
// to them or that they logged. Appends its parameters.
std::string visible_condition(const Actor& actor, std::vector<SqlValue>& params) {
  if (role_allows(actor.role, Permission::TriageReferrals)) return "1 = 1";
  params.insert(params.end(), {actor.user_id, actor.user_id});
  return "(r.case_manager_id = ? OR r.created_by = ?)";
}

Result<Referral> load_referral(SqlConnection& connection, const Actor& actor, std::string_view referral_id) {
  std::vector<SqlValue> params{std::string(referral_id), actor.organization_id};
  const auto visible = visible_condition(actor, params);
  CB_TRY_ASSIGN(found, query_one(connection,
                                 "SELECT " + std::string(kReferralColumns) + std::string(kReferralFrom) +
                                     " WHERE r.id = ? AND r.organization_id = ? AND " + visible,
                                 params, referral_from_row));
  if (!found) return fail(not_found("referral"));
  return std::move(*found);
}

}  // namespace

Result<Referral> SqlStore::create_referral(const Actor& actor, ReferralFields fields, Timestamp now) {
  Referral referral;
  referral.id = security::random_id("rf");
  referral.version = 1;
  referral.organization_id = actor.organization_id;
  referral.fields = std::move(fields);
  referral.created_by = actor.user_id;
  referral.created_at = format_timestamp(now);
  return write([&](SqlConnection& connection) -> Result<Referral> {
    const auto& f = referral.fields;
    CB_TRY(require_client_access(connection, actor, now, f.client_id, "client_id"));
    CB_TRY(require_row(connection, "SELECT 1 FROM programs WHERE id = ? AND organization_id = ? AND active = 1",
                       f.program_id, actor.organization_id, "active program", "program_id"));
    const SqlValue params[] = {referral.id,
                               referral.organization_id,
                               f.client_id,
                               f.program_id,
                               f.source,
                               f.referrer_name,
                               text_or_null(f.referrer_contact),
                               f.reason,
                               f.priority,
                               f.received_at,
                               referral.created_by,
                               referral.created_at};
    CB_TRY(
        connection.execute("INSERT INTO referrals (id, organization_id, client_id, program_id, source, referrer_name, "
                           "referrer_contact, reason, priority, received_at, status, created_by, created_at, version) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, 1)",
                           params));
    CB_TRY(append_audit(connection, actor, {"referral.create", "referral", referral.id, f.client_id}, now));
    return load_referral(connection, actor, referral.id);
  });
}

Result<std::vector<Referral>> SqlStore::list_referrals(const Actor& actor, const ReferralQuery& query, Timestamp now) {
  std::vector<SqlValue> params{actor.organization_id};
  std::string sql = "SELECT " + std::string(kReferralColumns) + std::string(kReferralFrom) +
                    " WHERE r.organization_id = ? AND " + visible_condition(actor, params);
  if (query.status == "open") {
    sql += " AND r.status IN ('new', 'triaged')";
  } else if (query.status != "all") {
    sql += " AND r.status = ?";
    params.emplace_back(query.status);
  }
  // Emergent first, then urgent, then routine; the oldest first within each.
  sql +=
      " ORDER BY CASE r.priority WHEN 'emergent' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END, r.received_at, r.id "
      "LIMIT 500";
  CB_TRY_ASSIGN(referrals, read([&](SqlConnection& connection) -> Result<std::vector<Referral>> {
                  CB_TRY_ASSIGN(rows, connection.query(sql, params));
                  std::vector<Referral> found;
                  for (const auto& row : rows) found.push_back(referral_from_row(row));
                  return found;
                }));
  CB_TRY(record_event(actor,
                      {"referral.list",
                       "referral",
                       {},
                       {},
                       "success",
                       "status=" + query.status + "; results=" + std::to_string(referrals.size())},
                      now));
  return referrals;
}

Result<Referral> SqlStore::get_referral(const Actor& actor, std::string_view referral_id, Timestamp now) {
  CB_TRY_ASSIGN(referral,
                read([&](SqlConnection& connection) { return load_referral(connection, actor, referral_id); }));
  CB_TRY(record_event(actor, {"referral.read", "referral", referral.id, referral.fields.client_id}, now));
  return referral;
}

namespace {

// Loads the referral for a change: visible, at the expected version, and able to take the step.
Result<Referral> referral_for_step(SqlConnection& connection, const Actor& actor, std::string_view referral_id,
                                   std::int64_t expected_version, ReferralStep step) {
  CB_TRY_ASSIGN(referral, load_referral(connection, actor, referral_id));
  if (referral.version != expected_version) return fail(stale_version("referral", expected_version, referral.version));
  CB_TRY(check_referral_step(referral, step));
  return referral;
}

Result<void> save_referral_step(SqlConnection& connection, const Referral& referral, std::string_view assignments,
                                std::vector<SqlValue> values, std::int64_t expected_version) {
  values.insert(values.end(), {referral.id, expected_version});
  CB_TRY(expect_one_row(connection.execute("UPDATE referrals SET " + std::string(assignments) +
                                               ", version = version + 1 WHERE id = ? AND version = ?",
                                           values),
                        "referral", expected_version));
  return {};
}

}  // namespace

Result<Referral> SqlStore::triage_referral(const Actor& actor, std::string_view referral_id,
                                           std::int64_t expected_version, std::string_view priority,
                                           std::string_view note, Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<Referral> {
    CB_TRY_ASSIGN(referral, referral_for_step(connection, actor, referral_id, expected_version, ReferralStep::Triage));
    CB_TRY(save_referral_step(connection, referral, "status = 'triaged', priority = ?, triage_note = ?",
                              {std::string(priority), text_or_null(std::string(note))}, expected_version));
    CB_TRY(
        append_audit(connection, actor, {"referral.triage", "referral", referral.id, referral.fields.client_id}, now));
    // The answer is read in the same transaction: the write's own audit entry covers it.
    return load_referral(connection, actor, referral_id);
  });
}

Result<Referral> SqlStore::assign_referral(const Actor& actor, std::string_view referral_id,
                                           std::int64_t expected_version, std::string_view case_manager_id,
                                           Timestamp now) {
  // The case is opened (as create_case does, with its own audit entry) and linked in one transaction.
  return write([&](SqlConnection& connection) -> Result<Referral> {
    CB_TRY_ASSIGN(referral, referral_for_step(connection, actor, referral_id, expected_version, ReferralStep::Assign));
    CB_TRY(require_case_manager(connection, actor, case_manager_id));
    Case record;
    record.id = security::random_id("cs");
    record.version = 1;
    record.organization_id = actor.organization_id;
    record.client_id = referral.fields.client_id;
    record.program_id = referral.fields.program_id;
    record.case_manager_id = std::string(case_manager_id);
    record.status = CaseStatus::Referred;
    record.opened_at = record.status_changed_at = format_timestamp(now);
    CB_TRY(insert_case(connection, record, actor, "from referral " + referral.id));
    const auto& case_id = record.id;
    const auto& at = record.opened_at;
    CB_TRY(append_audit(connection, actor, {"case.create", "case", case_id, referral.fields.client_id}, now));
    CB_TRY(save_referral_step(connection, referral,
                              "status = 'assigned', case_id = ?, case_manager_id = ?, assigned_at = ?",
                              {case_id, std::string(case_manager_id), at}, expected_version));
    CB_TRY(
        append_audit(connection, actor, {"referral.assign", "referral", referral.id, referral.fields.client_id}, now));
    // The answer is read in the same transaction: the write's own audit entry covers it.
    return load_referral(connection, actor, referral_id);
  });
}

Result<Referral> SqlStore::decline_referral(const Actor& actor, std::string_view referral_id,
                                            std::int64_t expected_version, std::string_view reason, Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<Referral> {
    CB_TRY_ASSIGN(referral, referral_for_step(connection, actor, referral_id, expected_version, ReferralStep::Decline));
    CB_TRY(save_referral_step(connection, referral, "status = 'declined', decline_reason = ?", {std::string(reason)},
                              expected_version));
    CB_TRY(
        append_audit(connection, actor, {"referral.decline", "referral", referral.id, referral.fields.client_id}, now));
    // The answer is read in the same transaction: the write's own audit entry covers it.
    return load_referral(connection, actor, referral_id);
  });
}

Result<Referral> SqlStore::record_first_contact(const Actor& actor, std::string_view referral_id,
                                                std::int64_t expected_version, Timestamp contacted_at,
                                                std::string_view method, Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<Referral> {
    CB_TRY_ASSIGN(referral,
                  referral_for_step(connection, actor, referral_id, expected_version, ReferralStep::FirstContact));
    CB_TRY(require_open_case(connection, actor, now, referral.case_id));
    if (contacted_at < parse_timestamp(referral.fields.received_at).value_or(contacted_at)) {
      return fail(ErrorCode::InvalidArgument, "contacted_at must be after the referral was received", "contacted_at");
    }
    CB_TRY(save_referral_step(connection, referral, "first_contact_at = ?, first_contact_method = ?",
                              {format_timestamp(contacted_at), std::string(method)}, expected_version));
    CB_TRY(append_audit(connection, actor,
                        {"referral.first_contact", "referral", referral.id, referral.fields.client_id}, now));
    // The answer is read in the same transaction: the write's own audit entry covers it.
    return load_referral(connection, actor, referral_id);
  });
}

}  // namespace caseboard::store
