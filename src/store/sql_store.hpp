// The Store implemented once in SQL over a SqlConnection, for both SQLite and PostgreSQL. Writes
// go to the writer pool inside one transaction with their audit event; reads use the reader pool
// inside a read-only transaction so a record and its parts are read from one snapshot.
#pragma once

#include <memory>
#include <type_traits>

#include "security/server_key.hpp"
#include "store/connection_pool.hpp"
#include "store/store.hpp"

namespace caseboard::store {

class SqlStore final : public Store {
 public:
  // `readers` may be the same pool as `writers` (PostgreSQL).
  SqlStore(Dialect dialect, std::shared_ptr<ConnectionPool> writers, std::shared_ptr<ConnectionPool> readers,
           security::ServerKey server_key);

  std::string_view backend_name() const override;
  Result<std::vector<std::string>> durability_problems() override;

  Result<Organization> create_organization(std::string_view name, Timestamp now) override;
  Result<std::vector<Organization>> list_organizations() override;

  Result<User> create_user(const Actor& actor, UserFields fields, std::string password_hash, Timestamp now) override;
  Result<std::optional<Credentials>> find_credentials(std::string_view username) override;
  Result<User> get_user(const Actor& actor, std::string_view user_id) override;
  Result<std::vector<User>> list_users(const Actor& actor, std::optional<Role> role) override;
  Result<User> update_user(const Actor& actor, std::string_view user_id, std::int64_t expected_version,
                           const Change<UserFields>& change, Timestamp now) override;

  Result<AccountSignInState> record_sign_in_failure(const Actor& actor, std::string_view reason,
                                                    Timestamp now) override;
  Result<User> unlock_user(const Actor& actor, std::string_view user_id, Timestamp now) override;
  std::string seal_secret(std::string_view secret) const override { return server_key_.seal(secret); }
  Result<std::string> open_secret(std::string_view sealed) const override { return server_key_.open(sealed); }
  Result<void> store_pending_totp(const Actor& self, std::string sealed_secret, Timestamp now) override;
  Result<std::string> pending_totp(const Actor& self) override;
  Result<void> activate_totp(const Actor& actor, std::string_view user_id, std::string sealed_secret,
                             std::optional<std::int64_t> used_step, Timestamp now) override;
  Result<void> create_session(const Actor& actor, const Session& session) override;
  Result<std::optional<User>> use_session(std::string_view token_hash, Timestamp now,
                                          std::chrono::seconds idle_limit) override;
  Result<void> revoke_session(const Actor& actor, std::string_view token_hash, Timestamp now) override;

  Result<Program> create_program(const Actor& actor, ProgramFields fields, Timestamp now) override;
  Result<Program> get_program(const Actor& actor, std::string_view program_id) override;
  Result<std::vector<Program>> list_programs(const Actor& actor) override;
  Result<Program> update_program(const Actor& actor, std::string_view program_id, std::int64_t expected_version,
                                 const Change<ProgramFields>& change, Timestamp now) override;

  Result<Client> create_client(const Actor& actor, ClientFields fields, DuplicatePolicy policy, Timestamp now) override;
  Result<Client> get_client(const Actor& actor, std::string_view client_id, Timestamp now) override;
  Result<Client> update_client(const Actor& actor, std::string_view client_id, std::int64_t expected_version,
                               const Change<ClientFields>& change, Timestamp now) override;
  Result<Page<ClientSummary>> search_clients(const Actor& actor, const ClientQuery& query, Timestamp now) override;
  Result<std::vector<ClientSummary>> summarize_clients(const Actor& actor, const std::vector<std::string>& ids,
                                                       Timestamp now) override;

  Result<std::vector<Contact>> list_contacts(const Actor& actor, std::string_view client_id, Timestamp now) override;
  Result<Contact> create_contact(const Actor& actor, std::string_view client_id, ContactFields fields,
                                 Timestamp now) override;
  Result<Contact> update_contact(const Actor& actor, std::string_view client_id, std::string_view contact_id,
                                 std::int64_t expected_version, const Change<ContactFields>& change,
                                 Timestamp now) override;
  Result<void> delete_contact(const Actor& actor, std::string_view client_id, std::string_view contact_id,
                              std::int64_t expected_version, Timestamp now) override;

  Result<Case> create_case(const Actor& actor, std::string_view client_id, std::string_view program_id,
                           std::string_view case_manager_id, Timestamp now) override;
  Result<Case> get_case(const Actor& actor, std::string_view case_id, Timestamp now) override;
  Result<Page<Case>> list_cases(const Actor& actor, const CaseQuery& query, Timestamp now) override;
  Result<Case> transition_case(const Actor& actor, std::string_view case_id, std::int64_t expected_version,
                               CaseStatus to, std::string_view reason, Timestamp now) override;
  Result<Case> reassign_case(const Actor& actor, std::string_view case_id, std::int64_t expected_version,
                             std::string_view case_manager_id, Timestamp now) override;

  Result<BreakGlassGrant> break_glass(const Actor& actor, std::string_view client_id, std::string_view reason,
                                      std::int64_t totp_step, Timestamp expires_at, Timestamp now) override;
  Result<Client> set_client_restriction(const Actor& actor, std::string_view client_id, std::int64_t expected_version,
                                        bool restricted, Timestamp now) override;
  Result<Case> set_case_restriction(const Actor& actor, std::string_view case_id, std::int64_t expected_version,
                                    bool restricted, Timestamp now) override;
  Result<Consent> record_consent(const Actor& actor, std::string_view client_id, std::string_view grantee_user_id,
                                 std::string_view purpose, std::optional<Timestamp> expires_at, Timestamp now) override;
  Result<std::vector<Consent>> list_consents(const Actor& actor, std::string_view client_id, Timestamp now) override;
  Result<Consent> revoke_consent(const Actor& actor, std::string_view client_id, std::string_view consent_id,
                                 Timestamp now) override;
  Result<std::vector<BreakGlassGrant>> break_glass_grants(const Actor& actor, std::string_view client_id,
                                                          Timestamp now) override;
  Result<std::vector<Alert>> list_alerts(const Actor& actor) override;
  Result<Alert> acknowledge_alert(const Actor& actor, std::string_view alert_id, Timestamp now) override;
  Result<void> record_event(const Actor& actor, const AuditEntry& entry, Timestamp now) override;
  Result<Page<AuditEvent>> query_audit(const Actor& actor, const AuditQuery& query, Timestamp now) override;
  Result<AuditVerification> verify_audit_trail() override;
  Result<std::vector<AuditEvent>> recent_audit_events(std::string_view organization_id, int limit) override;

 private:
  // Runs `work` in one write transaction: committed when it succeeds, rolled back when it fails.
  template <class Work>
  std::invoke_result_t<Work, SqlConnection&> write(Work&& work) {
    return in_transaction(*writers_, TransactionKind::Write, std::forward<Work>(work));
  }
  template <class Work>
  std::invoke_result_t<Work, SqlConnection&> read(Work&& work) {
    return in_transaction(*readers_, TransactionKind::ReadOnly, std::forward<Work>(work));
  }
  template <class Work>
  static std::invoke_result_t<Work, SqlConnection&> in_transaction(ConnectionPool& pool, TransactionKind kind,
                                                                   Work&& work) {
    auto connection = pool.acquire();
    CB_TRY(connection->begin(kind));
    // Whatever way `work` ends (an error or an exception), the connection goes back to the pool
    // with no transaction open.
    struct RollbackUnlessCommitted {
      SqlConnection& connection;
      bool committed = false;
      ~RollbackUnlessCommitted() {
        if (!committed) connection.rollback();
      }
    } guard{*connection};
    auto result = work(*connection);
    if (!result) return result;
    if (auto done = connection->commit(); !done) return fail(std::move(done.error()));
    guard.committed = true;
    return result;
  }

  // Serialises intakes of one organization on PostgreSQL, so duplicate detection cannot be
  // raced; SQLite's single writer already does.
  [[nodiscard]] Result<void> lock_intake(SqlConnection& connection, const std::string& organization_id) const;

  // Appends one entry to the chain in the caller's transaction: the next sequence after the head,
  // its hash over the head's hash, and the new head.
  [[nodiscard]] Result<void> append_audit(SqlConnection& connection, const Actor& actor, const AuditEntry& entry,
                                          Timestamp now) const;

  Dialect dialect_;
  std::shared_ptr<ConnectionPool> writers_;
  std::shared_ptr<ConnectionPool> readers_;
  security::ServerKey server_key_;
};

// ---- helpers shared by the sql_store_*.cpp files ----

// Aborted unless an UPDATE/DELETE guarded by "AND version = ?" changed exactly one row: a
// concurrent writer got there first (PostgreSQL re-checks the guard after waiting for it).
[[nodiscard]] Result<void> expect_one_row(Result<std::int64_t> changed, std::string_view what,
                                          std::int64_t expected_version);

// The SQL condition (over the client id in `client_column`) under which the actor may open a
// client's record: per core::client_scope, or through a break-the-glass grant still running at
// `now`. Appends the parameters it uses to `params`.
std::string client_access_condition(const Actor& actor, Timestamp now, std::string_view client_column,
                                    std::vector<SqlValue>& params);
// Whether a consent in force for the client names the actor, or a break-the-glass grant opens it:
// what a restricted part of a record (a case) needs on top of access to the client.
[[nodiscard]] Result<bool> named_by_consent_or_grant(SqlConnection& connection, const Actor& actor, Timestamp now,
                                                     std::string_view client_id);
// The SQL condition under which a client's very summary is withheld from the actor: a restricted
// client that no consent in force names them for, and no grant opens.
std::string client_withheld_condition(const Actor& actor, Timestamp now, std::string_view client_column,
                                      std::vector<SqlValue>& params);
// NotFound when the organization has no such client; PermissionDenied when the actor may not open
// it. `field` names the id when it came from a request body. On success, the reason of the
// break-the-glass grant that opened it, or "" when the actor works with the client.
[[nodiscard]] Result<std::string> require_client_access(SqlConnection& connection, const Actor& actor, Timestamp now,
                                                        std::string_view client_id, std::string field = {});

// The NotFound a missing record answers; `field` names the id when it came from a request body.
Error not_found(std::string_view what, std::string field = {});
// Aborted for an update whose expected version is stale.
Error stale_version(std::string_view what, std::int64_t expected, std::int64_t stored);

// Opaque page cursors: the sort key of the last row, hex-encoded.
std::string encode_cursor(const std::vector<std::string>& parts);
[[nodiscard]] Result<std::vector<std::string>> decode_cursor(std::string_view cursor, std::size_t parts);

int clamp_page_size(int limit);

// The first row of `sql` mapped by `from_row`, or nothing when there is none.
template <class FromRow>
auto query_one(SqlConnection& connection, std::string_view sql, std::span<const SqlValue> params, FromRow from_row)
    -> Result<std::optional<std::invoke_result_t<FromRow, const SqlRow&>>> {
  using Record = std::invoke_result_t<FromRow, const SqlRow&>;
  CB_TRY_ASSIGN(rows, connection.query(sql, params));
  if (rows.empty()) return std::optional<Record>{};
  return std::optional<Record>{from_row(rows.front())};
}

// NotFound (naming `field`) unless `sql`, given the id and the organization, answers a row.
[[nodiscard]] Result<void> require_row(SqlConnection& connection, std::string_view sql, std::string_view id,
                                       std::string_view organization_id, std::string_view what, std::string field = {});

}  // namespace caseboard::store
