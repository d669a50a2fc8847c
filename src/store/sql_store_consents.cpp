// Records restricted by consent, and the consents that open them (42 CFR Part 2 and the like).
#include "security/random_id.hpp"
#include "store/sql_store.hpp"

namespace caseboard::store {
namespace {

constexpr std::string_view kConsentColumns =
    "id, client_id, grantee_user_id, purpose, recorded_by, granted_at, expires_at, revoked_at";

Consent consent_from_row(const SqlRow& row) {
  return {row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5), row.text(6), row.text(7)};
}

}  // namespace

Result<Client> SqlStore::set_client_restriction(const Actor& actor, std::string_view client_id,
                                                std::int64_t expected_version, bool restricted, Timestamp now) {
  auto restricted_write = write([&](SqlConnection& connection) -> Result<bool> {
    CB_TRY(require_client_access(connection, actor, now, client_id));
    if (restricted) {
      // Whoever restricts a record must stay able to open it: a consent in force must name them.
      const SqlValue params[] = {std::string(client_id), actor.user_id, format_timestamp(now)};
      CB_TRY_ASSIGN(rows, connection.query("SELECT 1 FROM consents WHERE client_id = ? AND grantee_user_id = ? AND "
                                           "revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)",
                                           params));
      if (rows.empty()) {
        return fail(ErrorCode::FailedPrecondition,
                    "record the client's consent naming you before restricting the record", "restricted");
      }
    }
    const SqlValue update[] = {std::int64_t{restricted ? 1 : 0}, format_timestamp(now), std::string(client_id),
                               expected_version};
    CB_TRY(expect_one_row(connection.execute("UPDATE clients SET restricted = ?, version = version + 1, updated_at = ? "
                                             "WHERE id = ? AND version = ?",
                                             update),
                          "client", expected_version));
    CB_TRY(append_audit(connection, actor,
                        {restricted ? "client.restrict" : "client.unrestrict", "client", client_id, client_id}, now));
    return true;
  });
  if (!restricted_write) return fail(std::move(restricted_write.error()));
  return get_client(actor, client_id, now);
}

Result<Consent> SqlStore::record_consent(const Actor& actor, std::string_view client_id,
                                         std::string_view grantee_user_id, std::string_view purpose,
                                         std::optional<Timestamp> expires_at, Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<Consent> {
    CB_TRY(require_client_access(connection, actor, now, client_id));
    CB_TRY(require_row(connection,
                       "SELECT 1 FROM users WHERE id = ? AND organization_id = ? AND active = 1 AND role IN "
                       "('case_manager', 'nurse_case_manager', 'supervisor', 'director')",
                       grantee_user_id, actor.organization_id, "active clinical user", "grantee_user_id"));
    Consent consent{security::random_id("cn"),
                    std::string(client_id),
                    std::string(grantee_user_id),
                    std::string(purpose),
                    actor.user_id,
                    format_timestamp(now),
                    expires_at ? format_timestamp(*expires_at) : std::string(),
                    {}};
    const SqlValue params[] = {
        consent.id,      actor.organization_id, consent.client_id,  consent.grantee_user_id,
        consent.purpose, consent.recorded_by,   consent.granted_at, text_or_null(consent.expires_at)};
    CB_TRY(
        connection.execute("INSERT INTO consents (id, organization_id, client_id, grantee_user_id, purpose, "
                           "recorded_by, granted_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           params));
    CB_TRY(append_audit(connection, actor,
                        {"consent.record", "consent", consent.id, consent.client_id, "success",
                         "to " + consent.grantee_user_id + " for " + consent.purpose},
                        now));
    return consent;
  });
}

Result<std::vector<Consent>> SqlStore::list_consents(const Actor& actor, std::string_view client_id, Timestamp now) {
  return read([&](SqlConnection& connection) -> Result<std::vector<Consent>> {
    CB_TRY(require_client_access(connection, actor, now, client_id));
    const SqlValue params[] = {std::string(client_id), actor.organization_id};
    CB_TRY_ASSIGN(rows, connection.query("SELECT " + std::string(kConsentColumns) +
                                             " FROM consents WHERE client_id = ? AND organization_id = ? "
                                             "ORDER BY granted_at DESC, id DESC",
                                         params));
    std::vector<Consent> consents;
    for (const auto& row : rows) consents.push_back(consent_from_row(row));
    return consents;
  });
}

Result<Consent> SqlStore::revoke_consent(const Actor& actor, std::string_view client_id, std::string_view consent_id,
                                         Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<Consent> {
    CB_TRY(require_client_access(connection, actor, now, client_id));
    const SqlValue by_id[] = {std::string(consent_id), std::string(client_id), actor.organization_id};
    CB_TRY_ASSIGN(found, query_one(connection,
                                   "SELECT " + std::string(kConsentColumns) +
                                       " FROM consents WHERE id = ? AND client_id = ? AND organization_id = ?",
                                   by_id, consent_from_row));
    if (!found) return fail(not_found("consent"));
    if (found->revoked_at.empty()) {
      found->revoked_at = format_timestamp(now);
      const SqlValue params[] = {found->revoked_at, found->id};
      CB_TRY(connection.execute("UPDATE consents SET revoked_at = ? WHERE id = ?", params));
      CB_TRY(append_audit(connection, actor, {"consent.revoke", "consent", found->id, found->client_id}, now));
    }
    return *found;
  });
}

}  // namespace caseboard::store
