#include "store/sql_store.hpp"

#include "core/access.hpp"
#include "core/text.hpp"
#include "security/random_id.hpp"

namespace caseboard::store {

SqlStore::SqlStore(Dialect dialect, std::shared_ptr<ConnectionPool> writers, std::shared_ptr<ConnectionPool> readers,
                   security::ServerKey server_key)
    : dialect_(dialect),
      writers_(std::move(writers)),
      readers_(std::move(readers)),
      server_key_(server_key),
      audit_commits_([this](const std::vector<QueuedAuditEvent>& group) {
        return write([&](SqlConnection& connection) -> Result<void> {
          for (const auto& event : group) CB_TRY(append_audit(connection, event.actor, event.entry(), event.at));
          return {};
        });
      }) {}

std::string_view SqlStore::backend_name() const {
  return dialect_ == Dialect::SQLite ? "sqlite" : "postgresql";
}

Result<std::vector<std::string>> SqlStore::durability_problems() {
  std::vector<std::string> problems;
  auto connection = writers_->acquire();
  auto setting = [&](std::string_view sql) -> Result<std::string> {
    CB_TRY_ASSIGN(rows, connection->query(sql, {}));
    return rows.empty() ? std::string() : rows.front().text(0);
  };
  if (dialect_ == Dialect::PostgreSQL) {
    CB_TRY_ASSIGN(fsync, setting("SHOW fsync"));
    CB_TRY_ASSIGN(synchronous_commit, setting("SHOW synchronous_commit"));
    if (fsync != "on") problems.push_back("PostgreSQL runs with fsync = " + fsync);
    if (synchronous_commit == "off") problems.push_back("PostgreSQL runs with synchronous_commit = off");
  } else {
    CB_TRY_ASSIGN(journal, setting("PRAGMA journal_mode"));
    CB_TRY_ASSIGN(synchronous, setting("PRAGMA synchronous"));
    if (journal != "wal") problems.push_back("SQLite journal_mode is " + journal + ", not wal");
    if (synchronous != "2" && synchronous != "3") problems.push_back("SQLite synchronous is below FULL");
  }
  return problems;
}

Result<Organization> SqlStore::create_organization(std::string_view name, Timestamp now) {
  Organization organization{security::random_id("org"), std::string(name), format_timestamp(now)};
  return write([&](SqlConnection& connection) -> Result<Organization> {
    const SqlValue params[] = {organization.id, organization.name, organization.created_at};
    auto inserted = connection.execute("INSERT INTO organizations (id, name, created_at) VALUES (?, ?, ?)", params);
    if (!inserted) {
      if (inserted.error().code == ErrorCode::AlreadyExists) {
        return fail(ErrorCode::AlreadyExists, "an organization with this name already exists", "name");
      }
      return fail(std::move(inserted.error()));
    }
    Actor system{.user_id = {},
                 .organization_id = organization.id,
                 .role = Role::Administrator,
                 .source_address = "local",
                 .request_id = {}};
    CB_TRY(append_audit(connection, system, {"organization.create", "organization", organization.id, {}}, now));
    return organization;
  });
}

Result<std::vector<Organization>> SqlStore::list_organizations() {
  return read([&](SqlConnection& connection) -> Result<std::vector<Organization>> {
    CB_TRY_ASSIGN(rows, connection.query("SELECT id, name, created_at FROM organizations ORDER BY name", {}));
    std::vector<Organization> organizations;
    for (const auto& row : rows) organizations.push_back({row.text(0), row.text(1), row.text(2)});
    return organizations;
  });
}

std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

Result<void> expect_one_row(Result<std::int64_t> changed, std::string_view what, std::int64_t expected_version) {
  if (!changed) return fail(std::move(changed.error()));
  if (*changed != 1) return fail(stale_version(what, expected_version, -1));
  return {};
}

Result<void> SqlStore::lock_intake(SqlConnection& connection, const std::string& organization_id) const {
  if (dialect_ != Dialect::PostgreSQL) return {};
  const SqlValue params[] = {organization_id};
  CB_TRY(connection.query("SELECT pg_advisory_xact_lock(7316002, hashtext(?))", params));
  return {};
}

namespace {

// The condition of the actor's own scope, without break-the-glass grants.
std::string scope_condition(const Actor& actor, const std::string& column, std::vector<SqlValue>& params) {
  switch (client_scope(actor.role)) {
    case ClientScope::None: return "(1 = 0)";
    case ClientScope::OwnClients:
      params.insert(params.end(), {actor.user_id, actor.user_id});
      return "(EXISTS (SELECT 1 FROM cases k WHERE k.client_id = " + column +
             " AND k.case_manager_id = ? AND k.status <> 'closed') OR EXISTS (SELECT 1 FROM care_team_members m "
             "WHERE m.client_id = " +
             column + " AND m.user_id = ? AND m.ended_at IS NULL))";
    case ClientScope::SupervisedStaff:
      params.insert(params.end(), {actor.user_id, actor.user_id, actor.user_id, actor.user_id});
      return "(EXISTS (SELECT 1 FROM cases k JOIN users s ON s.id = k.case_manager_id WHERE k.client_id = " + column +
             " AND k.status <> 'closed' AND (k.case_manager_id = ? OR s.supervisor_id = ?)) OR EXISTS (SELECT 1 "
             "FROM care_team_members m JOIN users s ON s.id = m.user_id WHERE m.client_id = " +
             column + " AND m.ended_at IS NULL AND (m.user_id = ? OR s.supervisor_id = ?)))";
  }
  return "(1 = 0)";
}

std::string grant_condition(const Actor& actor, Timestamp now, const std::string& column,
                            std::vector<SqlValue>& params) {
  params.insert(params.end(), {actor.user_id, format_timestamp(now)});
  return "EXISTS (SELECT 1 FROM break_glass_grants g WHERE g.client_id = " + column +
         " AND g.user_id = ? AND g.expires_at > ?)";
}

}  // namespace

// True when the client is not restricted, or a consent in force names the actor.
std::string consent_condition(const Actor& actor, Timestamp now, const std::string& column,
                              std::vector<SqlValue>& params) {
  params.insert(params.end(), {actor.user_id, format_timestamp(now)});
  return "(NOT EXISTS (SELECT 1 FROM clients r WHERE r.id = " + column +
         " AND r.restricted = 1) OR EXISTS (SELECT 1 FROM consents n WHERE n.client_id = " + column +
         " AND n.grantee_user_id = ? AND n.revoked_at IS NULL AND (n.expires_at IS NULL OR n.expires_at > ?)))";
}

std::string client_access_condition(const Actor& actor, Timestamp now, std::string_view client_column,
                                    std::vector<SqlValue>& params) {
  const std::string column(client_column);
  auto scope = scope_condition(actor, column, params);
  auto consent = consent_condition(actor, now, column, params);
  // A grant opens even a restricted record: break-the-glass is the emergency path.
  return "((" + scope + " AND " + consent + ") OR " + grant_condition(actor, now, column, params) + ")";
}

Result<bool> named_by_consent_or_grant(SqlConnection& connection, const Actor& actor, Timestamp now,
                                       std::string_view client_id) {
  const SqlValue params[] = {std::string(client_id), actor.user_id, format_timestamp(now),
                             std::string(client_id), actor.user_id, format_timestamp(now)};
  CB_TRY_ASSIGN(
      rows,
      connection.query("SELECT CASE WHEN EXISTS (SELECT 1 FROM consents n WHERE n.client_id = ? AND "
                       "n.grantee_user_id = ? AND n.revoked_at IS NULL AND (n.expires_at IS NULL OR n.expires_at > ?)) "
                       "OR EXISTS (SELECT 1 FROM break_glass_grants g WHERE g.client_id = ? AND g.user_id = ? AND "
                       "g.expires_at > ?) THEN 1 ELSE 0 END",
                       params));
  return !rows.empty() && rows.front().boolean(0);
}

std::string client_withheld_condition(const Actor& actor, Timestamp now, std::string_view client_column,
                                      std::vector<SqlValue>& params) {
  const std::string column(client_column);
  auto consent = consent_condition(actor, now, column, params);
  return "(NOT " + consent + " AND NOT " + grant_condition(actor, now, column, params) + ")";
}

Result<std::string> require_client_access(SqlConnection& connection, const Actor& actor, Timestamp now,
                                          std::string_view client_id, std::string field) {
  std::vector<SqlValue> params;
  const auto scope = scope_condition(actor, "c.id", params);
  const auto consent = consent_condition(actor, now, "c.id", params);
  params.insert(params.end(), {actor.user_id, format_timestamp(now)});
  params.emplace_back(std::string(client_id));
  params.emplace_back(actor.organization_id);
  CB_TRY_ASSIGN(rows, connection.query(
                          "SELECT CASE WHEN " + scope + " THEN 1 ELSE 0 END, CASE WHEN " + consent +
                              " THEN 1 ELSE 0 END, (SELECT g.reason FROM break_glass_grants g WHERE g.client_id = c.id "
                              "AND g.user_id = ? AND g.expires_at > ? ORDER BY g.expires_at DESC LIMIT 1) "
                              "FROM clients c WHERE c.id = ? AND c.organization_id = ?",
                          params));
  if (rows.empty()) return fail(not_found("client", std::move(field)));
  const auto& row = rows.front();
  if (row.boolean(0) && row.boolean(1)) return std::string();
  if (!row.is_null(2)) return row.text(2);
  if (row.boolean(0)) {
    // Say that something is withheld, never what.
    return fail(ErrorCode::PermissionDenied, "this record is restricted: the client's consent does not name you",
                "consent");
  }
  return fail(ErrorCode::PermissionDenied, "this client is not on your caseload or care team", std::move(field));
}

Error not_found(std::string_view what, std::string field) {
  return make_error(ErrorCode::NotFound, std::string(what) + " not found", std::move(field));
}

Error stale_version(std::string_view what, std::int64_t expected, std::int64_t stored) {
  Error error = make_error(ErrorCode::Aborted,
                           "the " + std::string(what) + " was changed by someone else; reload it and try again");
  error.internal_message +=
      " (expected version " + std::to_string(expected) + ", stored " + std::to_string(stored) + ")";
  return error;
}

std::string encode_cursor(const std::vector<std::string>& parts) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string joined;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) joined += '\x1f';
    joined += parts[i];
  }
  std::string out;
  out.reserve(joined.size() * 2);
  for (unsigned char c : joined) {
    out += kHex[c >> 4];
    out += kHex[c & 0xF];
  }
  return out;
}

Result<std::vector<std::string>> decode_cursor(std::string_view cursor, std::size_t parts) {
  auto invalid = [] { return fail(ErrorCode::InvalidArgument, "cursor is not one this server gave out", "cursor"); };
  if (cursor.size() % 2 != 0 || cursor.size() > 2048) return invalid();
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  std::vector<std::string> out(1);
  for (std::size_t i = 0; i < cursor.size(); i += 2) {
    const int high = digit(cursor[i]);
    const int low = digit(cursor[i + 1]);
    if (high < 0 || low < 0) return invalid();
    const char c = static_cast<char>(high * 16 + low);
    if (c == '\x1f')
      out.emplace_back();
    else
      out.back() += c;
  }
  if (out.size() != parts) return invalid();
  for (const auto& part : out) {
    if (!is_valid_utf8(part) || has_control_characters(part, LineBreaks::Refused)) return invalid();
  }
  return out;
}

Result<void> require_row(SqlConnection& connection, std::string_view sql, std::string_view id,
                         std::string_view organization_id, std::string_view what, std::string field) {
  const SqlValue params[] = {std::string(id), std::string(organization_id)};
  CB_TRY_ASSIGN(rows, connection.query(sql, params));
  if (rows.empty()) return fail(not_found(what, std::move(field)));
  return {};
}

std::string join_lines(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i == 0 ? "" : "\n") + items[i];
  return out;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    items.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return items;
}

int clamp_page_size(int limit) {
  if (limit < 1) return 1;
  return limit > kMaximumPageSize ? kMaximumPageSize : limit;
}

}  // namespace caseboard::store
