#include "store/sql_store.hpp"

#include "core/text.hpp"
#include "security/random_id.hpp"

namespace caseboard::store {

SqlStore::SqlStore(Dialect dialect, std::shared_ptr<ConnectionPool> writers, std::shared_ptr<ConnectionPool> readers)
    : dialect_(dialect), writers_(std::move(writers)), readers_(std::move(readers)) {}

std::string_view SqlStore::backend_name() const {
  return dialect_ == Dialect::SQLite ? "sqlite" : "postgresql";
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

Result<std::vector<AuditEvent>> SqlStore::recent_audit_events(std::string_view organization_id, int limit) {
  return read([&](SqlConnection& connection) -> Result<std::vector<AuditEvent>> {
    const SqlValue params[] = {std::string(organization_id), std::int64_t{limit}};
    CB_TRY_ASSIGN(rows,
                  connection.query("SELECT sequence, at, organization_id, user_id, action, resource_type, resource_id, "
                                   "client_id, outcome, source_address FROM audit_events WHERE organization_id = ? "
                                   "ORDER BY sequence DESC LIMIT ?",
                                   params));
    std::vector<AuditEvent> events;
    for (const auto& row : rows) {
      events.push_back({row.integer(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5), row.text(6),
                        row.text(7), row.text(8), row.text(9)});
    }
    return events;
  });
}

Result<void> append_audit(SqlConnection& connection, const Actor& actor, const AuditEntry& entry, Timestamp now) {
  const SqlValue params[] = {format_timestamp(now),
                             actor.organization_id,
                             text_or_null(actor.user_id),
                             std::string(entry.action),
                             std::string(entry.resource_type),
                             text_or_null(std::string(entry.resource_id)),
                             text_or_null(std::string(entry.client_id)),
                             std::string("success"),
                             text_or_null(actor.source_address),
                             text_or_null(actor.request_id)};
  CB_TRY(connection.execute(
      "INSERT INTO audit_events (at, organization_id, user_id, action, resource_type, resource_id, client_id, "
      "outcome, source_address, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      params));
  return {};
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

int clamp_page_size(int limit) {
  if (limit < 1) return 1;
  return limit > kMaximumPageSize ? kMaximumPageSize : limit;
}

}  // namespace caseboard::store
