// Break-the-glass grants and the alerts they raise.
#include "security/random_id.hpp"
#include "store/sql_store.hpp"

namespace caseboard::store {
namespace {

constexpr std::string_view kAlertColumns =
    "id, recipient_id, kind, client_id, about_user_id, detail, created_at, acknowledged_at";

Alert alert_from_row(const SqlRow& row) {
  return {row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5), row.text(6), row.text(7)};
}

}  // namespace

Result<BreakGlassGrant> SqlStore::break_glass(const Actor& actor, std::string_view client_id, std::string_view reason,
                                              std::int64_t totp_step, Timestamp expires_at, Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<BreakGlassGrant> {
    CB_TRY(require_row(connection, "SELECT 1 FROM clients WHERE id = ? AND organization_id = ?", client_id,
                       actor.organization_id, "client"));
    // The second factor's code is spent here, as at sign-in: one code, one use.
    const SqlValue step[] = {totp_step, actor.user_id, totp_step};
    CB_TRY_ASSIGN(used,
                  connection.execute("UPDATE users SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR "
                                     "totp_last_step < ?)",
                                     step));
    if (used != 1)
      return fail(ErrorCode::Unauthenticated, "this code was used already; wait for the next one", "totp_code");

    BreakGlassGrant grant{security::random_id("bg"), std::string(client_id), actor.user_id,
                          std::string(reason),       format_timestamp(now),  format_timestamp(expires_at)};
    const SqlValue values[] = {grant.id,     actor.organization_id, grant.client_id, grant.user_id,
                               grant.reason, grant.granted_at,      grant.expires_at};
    CB_TRY(
        connection.execute("INSERT INTO break_glass_grants (id, organization_id, client_id, user_id, reason, "
                           "granted_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           values));
    // Raised at once to whoever must review it: the user's supervisor and every auditor.
    const SqlValue recipients_params[] = {actor.user_id, actor.organization_id};
    CB_TRY_ASSIGN(recipients,
                  connection.query("SELECT supervisor_id FROM users WHERE id = ? AND supervisor_id IS NOT NULL "
                                   "UNION SELECT id FROM users WHERE organization_id = ? AND role = 'auditor' "
                                   "AND active = 1",
                                   recipients_params));
    for (const auto& recipient : recipients) {
      const SqlValue alert[] = {security::random_id("al"), actor.organization_id, recipient.text(0),
                                grant.client_id,           actor.user_id,         grant.reason,
                                grant.granted_at};
      CB_TRY(
          connection.execute("INSERT INTO alerts (id, organization_id, recipient_id, kind, client_id, about_user_id, "
                             "detail, created_at) VALUES (?, ?, ?, 'break_glass', ?, ?, ?, ?)",
                             alert));
    }
    CB_TRY(append_audit(connection, actor,
                        {"client.break_glass", "client", grant.client_id, grant.client_id, "success",
                         "access until " + grant.expires_at, grant.reason},
                        now));
    return grant;
  });
}

Result<std::vector<BreakGlassGrant>> SqlStore::break_glass_grants(const Actor& actor, std::string_view client_id,
                                                                  Timestamp now) {
  return read([&](SqlConnection& connection) -> Result<std::vector<BreakGlassGrant>> {
    CB_TRY(require_client_access(connection, actor, now, client_id));
    const SqlValue params[] = {std::string(client_id), actor.organization_id};
    CB_TRY_ASSIGN(rows, connection.query("SELECT id, client_id, user_id, reason, granted_at, expires_at FROM "
                                         "break_glass_grants WHERE client_id = ? AND organization_id = ? "
                                         "ORDER BY granted_at DESC, id DESC LIMIT 100",
                                         params));
    std::vector<BreakGlassGrant> grants;
    for (const auto& row : rows) {
      grants.push_back({row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5)});
    }
    return grants;
  });
}

Result<std::vector<Alert>> SqlStore::list_alerts(const Actor& actor) {
  return read([&](SqlConnection& connection) -> Result<std::vector<Alert>> {
    const SqlValue params[] = {actor.user_id, actor.organization_id};
    CB_TRY_ASSIGN(rows, connection.query("SELECT " + std::string(kAlertColumns) +
                                             " FROM alerts WHERE recipient_id = ? AND organization_id = ? ORDER BY "
                                             "CASE WHEN acknowledged_at IS NULL THEN 0 ELSE 1 END, created_at DESC, "
                                             "id DESC LIMIT 200",
                                         params));
    std::vector<Alert> alerts;
    for (const auto& row : rows) alerts.push_back(alert_from_row(row));
    return alerts;
  });
}

Result<Alert> SqlStore::acknowledge_alert(const Actor& actor, std::string_view alert_id, Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<Alert> {
    const SqlValue by_id[] = {std::string(alert_id), actor.user_id, actor.organization_id};
    CB_TRY_ASSIGN(found, query_one(connection,
                                   "SELECT " + std::string(kAlertColumns) +
                                       " FROM alerts WHERE id = ? AND recipient_id = ? AND organization_id = ?",
                                   by_id, alert_from_row));
    if (!found) return fail(not_found("alert"));
    if (found->acknowledged_at.empty()) {
      found->acknowledged_at = format_timestamp(now);
      const SqlValue params[] = {found->acknowledged_at, found->id};
      CB_TRY(connection.execute("UPDATE alerts SET acknowledged_at = ? WHERE id = ?", params));
      CB_TRY(append_audit(connection, actor, {"alert.acknowledge", "alert", found->id, found->client_id}, now));
    }
    return *found;
  });
}

}  // namespace caseboard::store
