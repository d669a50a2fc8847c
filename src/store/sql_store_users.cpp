// Staff users and their sign-in sessions.
#include "core/access.hpp"
#include "security/random_id.hpp"
#include "store/sql_store.hpp"

namespace caseboard::store {
namespace {

constexpr std::string_view kUserColumns =
    "id, version, organization_id, username, display_name, role, active, supervisor_id, created_at, updated_at";

User user_from_row(const SqlRow& row) {
  User user;
  user.id = row.text(0);
  user.version = row.integer(1);
  user.organization_id = row.text(2);
  user.fields.username = row.text(3);
  user.fields.display_name = row.text(4);
  user.fields.role = parse_role(row.text(5)).value_or(Role::CaseManager);
  user.fields.active = row.boolean(6);
  user.fields.supervisor_id = row.text(7);
  user.created_at = row.text(8);
  user.updated_at = row.text(9);
  return user;
}

Result<std::optional<User>> load_user(SqlConnection& connection, std::string_view organization_id,
                                      std::string_view user_id) {
  const SqlValue params[] = {std::string(user_id), std::string(organization_id)};
  return query_one(connection,
                   "SELECT " + std::string(kUserColumns) + " FROM users WHERE id = ? AND organization_id = ?", params,
                   user_from_row);
}

Result<void> check_supervisor(SqlConnection& connection, std::string_view organization_id, const UserFields& fields,
                              std::string_view user_id) {
  if (fields.supervisor_id.empty()) return {};
  if (fields.supervisor_id == user_id) {
    return fail(ErrorCode::InvalidArgument, "a user cannot supervise themselves", "supervisor_id");
  }
  CB_TRY_ASSIGN(supervisor, load_user(connection, organization_id, fields.supervisor_id));
  if (!supervisor) return fail(not_found("supervisor", "supervisor_id"));
  return {};
}

}  // namespace

Result<User> SqlStore::create_user(const Actor& actor, UserFields fields, std::string password_hash, Timestamp now) {
  User user;
  user.id = security::random_id("usr");
  user.version = 1;
  user.organization_id = actor.organization_id;
  user.fields = std::move(fields);
  user.created_at = user.updated_at = format_timestamp(now);
  return write([&](SqlConnection& connection) -> Result<User> {
    CB_TRY(check_supervisor(connection, actor.organization_id, user.fields, user.id));
    const SqlValue params[] = {user.id,
                               user.organization_id,
                               user.fields.username,
                               user.fields.display_name,
                               std::string(role_name(user.fields.role)),
                               std::int64_t{user.fields.active ? 1 : 0},
                               text_or_null(user.fields.supervisor_id),
                               password_hash,
                               std::int64_t{1},
                               user.created_at,
                               user.updated_at};
    auto inserted = connection.execute(
        "INSERT INTO users (id, organization_id, username, display_name, role, active, supervisor_id, "
        "password_hash, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        params);
    if (!inserted) {
      if (inserted.error().code == ErrorCode::AlreadyExists) {
        return fail(ErrorCode::AlreadyExists, "the username is taken", "username");
      }
      return fail(std::move(inserted.error()));
    }
    CB_TRY(append_audit(connection, actor, {"user.create", "user", user.id, {}}, now));
    return user;
  });
}

Result<std::optional<Credentials>> SqlStore::find_credentials(std::string_view username) {
  return read([&](SqlConnection& connection) -> Result<std::optional<Credentials>> {
    const SqlValue params[] = {std::string(username)};
    return query_one(connection,
                     "SELECT " + std::string(kUserColumns) +
                         ", password_hash, failed_sign_ins, locked_until, totp_secret FROM users WHERE username = ?",
                     params, [](const SqlRow& row) {
                       return Credentials{
                           user_from_row(row), row.text(10),
                           AccountSignInState{static_cast<int>(row.integer(11)), parse_timestamp(row.text(12))},
                           row.text(13)};
                     });
  });
}

Result<User> SqlStore::get_user(const Actor& actor, std::string_view user_id) {
  return read([&](SqlConnection& connection) -> Result<User> {
    CB_TRY_ASSIGN(user, load_user(connection, actor.organization_id, user_id));
    if (!user) return fail(not_found("user"));
    return *user;
  });
}

Result<std::vector<User>> SqlStore::list_users(const Actor& actor, std::optional<Role> role) {
  return read([&](SqlConnection& connection) -> Result<std::vector<User>> {
    std::string sql = "SELECT " + std::string(kUserColumns) + " FROM users WHERE organization_id = ?";
    std::vector<SqlValue> params{actor.organization_id};
    if (role) {
      sql += " AND role = ?";
      params.emplace_back(std::string(role_name(*role)));
    }
    sql += " ORDER BY display_name, id";
    CB_TRY_ASSIGN(rows, connection.query(sql, params));
    std::vector<User> users;
    for (const auto& row : rows) users.push_back(user_from_row(row));
    return users;
  });
}

Result<User> SqlStore::update_user(const Actor& actor, std::string_view user_id, std::int64_t expected_version,
                                   const Change<UserFields>& change, Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<User> {
    CB_TRY_ASSIGN(stored, load_user(connection, actor.organization_id, user_id));
    if (!stored) return fail(not_found("user"));
    if (stored->version != expected_version) return fail(stale_version("user", expected_version, stored->version));
    CB_TRY_ASSIGN(fields, change(stored->fields));
    CB_TRY(check_supervisor(connection, actor.organization_id, fields, stored->id));
    if (requires_second_factor(fields.role) && !requires_second_factor(stored->fields.role)) {
      const SqlValue by_id[] = {stored->id};
      CB_TRY_ASSIGN(factor, connection.query("SELECT totp_secret FROM users WHERE id = ?", by_id));
      if (factor.empty() || factor.front().is_null(0)) {
        return fail(ErrorCode::FailedPrecondition,
                    "this role needs a second factor: the user must enrol one before taking it", "role");
      }
    }
    User user = *stored;
    const bool role_changed = fields.role != user.fields.role;
    user.fields = std::move(fields);
    user.version += 1;
    user.updated_at = format_timestamp(now);
    const SqlValue params[] = {user.fields.display_name,
                               std::string(role_name(user.fields.role)),
                               std::int64_t{user.fields.active ? 1 : 0},
                               text_or_null(user.fields.supervisor_id),
                               user.version,
                               user.updated_at,
                               user.id,
                               expected_version};
    CB_TRY(
        expect_one_row(connection.execute("UPDATE users SET display_name = ?, role = ?, active = ?, "
                                          "supervisor_id = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?",
                                          params),
                       "user", expected_version));
    CB_TRY(
        append_audit(connection, actor, {role_changed ? "user.role_change" : "user.update", "user", user.id, {}}, now));
    if (!user.fields.active) {
      // A deactivated account is signed out everywhere at once.
      const SqlValue revoke[] = {user.updated_at, user.id};
      CB_TRY(connection.execute("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL", revoke));
    }
    return user;
  });
}

Result<AccountSignInState> SqlStore::record_sign_in_failure(const Actor& actor, std::string_view reason,
                                                            Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<AccountSignInState> {
    const SqlValue by_id[] = {actor.user_id};
    CB_TRY_ASSIGN(found,
                  query_one(connection, "SELECT failed_sign_ins, locked_until FROM users WHERE id = ?", by_id,
                            [](const SqlRow& row) {
                              return AccountSignInState{static_cast<int>(row.integer(0)), parse_timestamp(row.text(1))};
                            }));
    if (!found) return fail(not_found("user"));
    const bool was_locked = is_locked(*found, now);
    const auto state = after_failure(*found, now);
    const SqlValue params[] = {std::int64_t{state.consecutive_failures},
                               state.locked_until ? SqlValue{format_timestamp(*state.locked_until)} : SqlValue{nullptr},
                               actor.user_id};
    CB_TRY(connection.execute("UPDATE users SET failed_sign_ins = ?, locked_until = ? WHERE id = ?", params));
    CB_TRY(append_audit(connection, actor, {"session.sign_in", "user", actor.user_id, {}, "refused", reason}, now));
    if (!was_locked && is_locked(state, now)) {
      CB_TRY(append_audit(connection, actor,
                          {"user.locked",
                           "user",
                           actor.user_id,
                           {},
                           "success",
                           std::to_string(state.consecutive_failures) + " failed sign-ins in a row"},
                          now));
    }
    return state;
  });
}

Result<User> SqlStore::unlock_user(const Actor& actor, std::string_view user_id, Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<User> {
    CB_TRY_ASSIGN(stored, load_user(connection, actor.organization_id, user_id));
    if (!stored) return fail(not_found("user"));
    User user = *stored;
    user.version += 1;
    user.updated_at = format_timestamp(now);
    const SqlValue params[] = {user.version, user.updated_at, user.id, stored->version};
    CB_TRY(expect_one_row(connection.execute("UPDATE users SET failed_sign_ins = 0, locked_until = NULL, version = ?, "
                                             "updated_at = ? WHERE id = ? AND version = ?",
                                             params),
                          "user", stored->version));
    CB_TRY(append_audit(connection, actor, {"user.unlock", "user", user.id}, now));
    return user;
  });
}

Result<void> SqlStore::store_pending_totp(const Actor& self, std::string sealed_secret, Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<void> {
    const SqlValue params[] = {sealed_secret, self.user_id};
    CB_TRY(connection.execute("UPDATE users SET totp_pending_secret = ? WHERE id = ?", params));
    CB_TRY(append_audit(connection, self, {"user.second_factor_started", "user", self.user_id}, now));
    return {};
  });
}

Result<std::string> SqlStore::pending_totp(const Actor& self) {
  return read([&](SqlConnection& connection) -> Result<std::string> {
    const SqlValue params[] = {self.user_id};
    CB_TRY_ASSIGN(rows, connection.query("SELECT totp_pending_secret FROM users WHERE id = ?", params));
    if (rows.empty() || rows.front().is_null(0)) {
      return fail(ErrorCode::NotFound, "start enrolment first (POST /api/v1/me/totp)");
    }
    return rows.front().text(0);
  });
}

Result<void> SqlStore::activate_totp(const Actor& actor, std::string_view user_id, std::string sealed_secret,
                                     std::optional<std::int64_t> used_step, Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<void> {
    CB_TRY_ASSIGN(user, load_user(connection, actor.organization_id, user_id));
    if (!user) return fail(not_found("user"));
    const SqlValue params[] = {sealed_secret, used_step ? SqlValue{*used_step} : SqlValue{nullptr}, user->id};
    CB_TRY(connection.execute(
        "UPDATE users SET totp_secret = ?, totp_pending_secret = NULL, totp_last_step = ? WHERE id = ?", params));
    CB_TRY(append_audit(connection, actor, {"user.second_factor_enrolled", "user", user->id}, now));
    return {};
  });
}

Result<void> SqlStore::create_session(const Actor& actor, const Session& session) {
  return write([&](SqlConnection& connection) -> Result<void> {
    if (session.totp_step) {
      // A code opens one session: its step must be later than any step used before.
      const SqlValue step[] = {*session.totp_step, session.user_id, *session.totp_step};
      auto used = connection.execute(
          "UPDATE users SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)", step);
      if (!used) return fail(std::move(used.error()));
      if (*used != 1) return fail(ErrorCode::Unauthenticated, "this code was used already; wait for the next one");
    }
    CB_TRY(append_audit(connection, actor, {"session.sign_in", "user", session.user_id}, session.created_at));
    const SqlValue reset[] = {session.user_id};
    CB_TRY(connection.execute("UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE id = ?", reset));
    const SqlValue params[] = {session.token_hash, session.user_id, format_timestamp(session.created_at),
                               format_timestamp(session.created_at), format_timestamp(session.expires_at)};
    CB_TRY(connection.execute(
        "INSERT INTO sessions (token_hash, user_id, created_at, last_used_at, expires_at) VALUES (?, ?, ?, ?, ?)",
        params));
    return {};
  });
}

Result<std::optional<User>> SqlStore::use_session(std::string_view token_hash, Timestamp now,
                                                  std::chrono::seconds idle_limit) {
  struct Found {
    User user;
    Timestamp last_used;
  };
  auto found = read([&](SqlConnection& connection) -> Result<std::optional<Found>> {
    const SqlValue params[] = {std::string(token_hash)};
    CB_TRY_ASSIGN(rows, connection.query(
                            "SELECT u.id, u.version, u.organization_id, u.username, u.display_name, u.role, u.active, "
                            "u.supervisor_id, u.created_at, u.updated_at, s.last_used_at, s.expires_at "
                            "FROM sessions s JOIN users u ON u.id = s.user_id "
                            "WHERE s.token_hash = ? AND s.revoked_at IS NULL",
                            params));
    if (rows.empty()) return std::optional<Found>{};
    const auto& row = rows.front();
    auto last_used = parse_timestamp(row.text(10));
    auto expires = parse_timestamp(row.text(11));
    User user = user_from_row(row);
    if (!last_used || !expires || !user.fields.active || now >= *expires || now - *last_used > idle_limit) {
      return std::optional<Found>{};
    }
    return std::optional<Found>{Found{std::move(user), *last_used}};
  });
  if (!found) return fail(std::move(found.error()));
  if (!*found) return std::optional<User>{};
  // Recording every request would make each read a write; a minute's precision is plenty for an
  // idle limit counted in minutes.
  if (now - (*found)->last_used >= std::chrono::seconds{60}) {
    auto touched = write([&](SqlConnection& connection) -> Result<void> {
      const SqlValue params[] = {format_timestamp(now), std::string(token_hash)};
      CB_TRY(connection.execute("UPDATE sessions SET last_used_at = ? WHERE token_hash = ?", params));
      return {};
    });
    if (!touched) return fail(std::move(touched.error()));
  }
  return std::optional<User>{std::move((*found)->user)};
}

Result<void> SqlStore::revoke_session(const Actor& actor, std::string_view token_hash, Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<void> {
    CB_TRY(append_audit(connection, actor, {"session.sign_out", "user", actor.user_id}, now));
    const SqlValue params[] = {format_timestamp(now), std::string(token_hash)};
    CB_TRY(
        connection.execute("UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL", params));
    return {};
  });
}

}  // namespace caseboard::store
