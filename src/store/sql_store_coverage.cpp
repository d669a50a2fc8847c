// Coverage and benefits: payers and eligibility checks, authorizations and their units, advocacy.
#include "security/random_id.hpp"
#include "store/sql_store.hpp"

namespace caseboard::store {
namespace {

constexpr std::string_view kCoverageColumns =
    "id, version, organization_id, client_id, payer_kind, payer_name, member_id, verified_on, active, created_at, "
    "updated_at";
constexpr std::string_view kAuthorizationColumns =
    "id, version, organization_id, client_id, coverage_id, service, units_approved, units_used, valid_from, valid_to, "
    "created_at, updated_at";
constexpr std::string_view kAdvocacyColumns =
    "id, version, organization_id, client_id, kind, description, status, submitted_on, decided_on, created_at, "
    "updated_at";

Coverage coverage_from_row(const SqlRow& row) {
  return {row.text(0),
          row.integer(1),
          row.text(2),
          row.text(3),
          {row.text(4), row.text(5), row.text(6), row.text(7), row.boolean(8)},
          row.text(9),
          row.text(10)};
}

Authorization authorization_from_row(const SqlRow& row) {
  return {row.text(0),
          row.integer(1),
          row.text(2),
          row.text(3),
          {row.text(4), row.text(5), static_cast<int>(row.integer(6)), static_cast<int>(row.integer(7)), row.text(8),
           row.text(9)},
          row.text(10),
          row.text(11)};
}

AdvocacyItem advocacy_from_row(const SqlRow& row) {
  return {row.text(0),
          row.integer(1),
          row.text(2),
          row.text(3),
          {row.text(4), row.text(5), row.text(6), row.text(7), row.text(8)},
          row.text(9),
          row.text(10)};
}

// The record of `table` by id, when the actor may open its client.
template <class FromRow>
auto load_client_record(SqlConnection& connection, const Actor& actor, Timestamp now, std::string_view table,
                        std::string_view columns, std::string_view id, std::string_view what, FromRow from_row)
    -> Result<std::invoke_result_t<FromRow, const SqlRow&>> {
  const SqlValue params[] = {std::string(id), actor.organization_id};
  CB_TRY_ASSIGN(found, query_one(connection,
                                 "SELECT " + std::string(columns) + " FROM " + std::string(table) +
                                     " WHERE id = ? AND organization_id = ?",
                                 params, from_row));
  if (!found) return fail(not_found(what));
  CB_TRY(require_client_access(connection, actor, now, found->client_id));
  return std::move(*found);
}

}  // namespace

Result<std::vector<Coverage>> SqlStore::list_coverages(const Actor& actor, std::string_view client_id, Timestamp now) {
  return read_client_records<Coverage>(
      actor, client_id, now, "coverage.list", "coverage",
      [&](SqlConnection& connection, const std::string&) -> Result<std::vector<Coverage>> {
        const SqlValue params[] = {std::string(client_id), actor.organization_id};
        CB_TRY_ASSIGN(rows, connection.query("SELECT " + std::string(kCoverageColumns) +
                                                 " FROM coverages WHERE client_id = ? AND organization_id = ? ORDER "
                                                 "BY active DESC, payer_name, id",
                                             params));
        std::vector<Coverage> found;
        for (const auto& row : rows) found.push_back(coverage_from_row(row));
        return found;
      });
}

Result<Coverage> SqlStore::create_coverage(const Actor& actor, std::string_view client_id, CoverageFields fields,
                                           Timestamp now) {
  Coverage coverage{security::random_id("cv"), 1,
                    actor.organization_id,     std::string(client_id),
                    std::move(fields),         format_timestamp(now),
                    format_timestamp(now)};
  return write([&](SqlConnection& connection) -> Result<Coverage> {
    CB_TRY(require_client_access(connection, actor, now, client_id));
    const auto& f = coverage.fields;
    const SqlValue params[] = {
        coverage.id,         coverage.organization_id,  coverage.client_id,          f.payer_kind,
        f.payer_name,        text_or_null(f.member_id), text_or_null(f.verified_on), std::int64_t{f.active ? 1 : 0},
        coverage.created_at, coverage.updated_at};
    CB_TRY(
        connection.execute("INSERT INTO coverages (id, organization_id, client_id, payer_kind, payer_name, "
                           "member_id, verified_on, active, created_at, updated_at, version) VALUES (?, ?, ?, ?, "
                           "?, ?, ?, ?, ?, ?, 1)",
                           params));
    CB_TRY(append_audit(connection, actor, {"coverage.create", "coverage", coverage.id, coverage.client_id}, now));
    return coverage;
  });
}

Result<Coverage> SqlStore::update_coverage(const Actor& actor, std::string_view coverage_id,
                                           std::int64_t expected_version, const Change<CoverageFields>& change,
                                           Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<Coverage> {
    CB_TRY_ASSIGN(coverage, load_client_record(connection, actor, now, "coverages", kCoverageColumns, coverage_id,
                                               "coverage", coverage_from_row));
    if (coverage.version != expected_version)
      return fail(stale_version("coverage", expected_version, coverage.version));
    CB_TRY_ASSIGN(fields, change(coverage.fields));
    coverage.fields = std::move(fields);
    coverage.version += 1;
    coverage.updated_at = format_timestamp(now);
    const auto& f = coverage.fields;
    const SqlValue params[] = {f.payer_kind,
                               f.payer_name,
                               text_or_null(f.member_id),
                               text_or_null(f.verified_on),
                               std::int64_t{f.active ? 1 : 0},
                               coverage.updated_at,
                               coverage.id,
                               expected_version};
    CB_TRY(expect_one_row(connection.execute("UPDATE coverages SET payer_kind = ?, payer_name = ?, member_id = ?, "
                                             "verified_on = ?, active = ?, updated_at = ?, version = version + 1 WHERE "
                                             "id = ? AND version = ?",
                                             params),
                          "coverage", expected_version));
    CB_TRY(append_audit(connection, actor, {"coverage.update", "coverage", coverage.id, coverage.client_id}, now));
    return coverage;
  });
}

Result<std::vector<Authorization>> SqlStore::list_authorizations(const Actor& actor, std::string_view client_id,
                                                                 Timestamp now) {
  return read_client_records<Authorization>(
      actor, client_id, now, "authorization.list", "authorization",
      [&](SqlConnection& connection, const std::string&) -> Result<std::vector<Authorization>> {
        const SqlValue params[] = {std::string(client_id), actor.organization_id};
        CB_TRY_ASSIGN(rows, connection.query("SELECT " + std::string(kAuthorizationColumns) +
                                                 " FROM authorizations WHERE client_id = ? AND organization_id = ? "
                                                 "ORDER BY valid_to DESC, id",
                                             params));
        std::vector<Authorization> found;
        for (const auto& row : rows) found.push_back(authorization_from_row(row));
        return found;
      });
}

Result<Authorization> SqlStore::create_authorization(const Actor& actor, std::string_view client_id,
                                                     AuthorizationFields fields, Timestamp now) {
  Authorization authorization{security::random_id("au"), 1,
                              actor.organization_id,     std::string(client_id),
                              std::move(fields),         format_timestamp(now),
                              format_timestamp(now)};
  return write([&](SqlConnection& connection) -> Result<Authorization> {
    CB_TRY(require_client_access(connection, actor, now, client_id));
    const auto& f = authorization.fields;
    const SqlValue coverage[] = {f.coverage_id, std::string(client_id)};
    CB_TRY_ASSIGN(owned, connection.query("SELECT 1 FROM coverages WHERE id = ? AND client_id = ?", coverage));
    if (owned.empty()) return fail(not_found("coverage of this client", "coverage_id"));
    const SqlValue params[] = {
        authorization.id, authorization.organization_id,  authorization.client_id,    f.coverage_id,
        f.service,        std::int64_t{f.units_approved}, std::int64_t{f.units_used}, f.valid_from,
        f.valid_to,       authorization.created_at,       authorization.updated_at};
    CB_TRY(
        connection.execute("INSERT INTO authorizations (id, organization_id, client_id, coverage_id, service, "
                           "units_approved, units_used, valid_from, valid_to, created_at, updated_at, version) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                           params));
    CB_TRY(append_audit(connection, actor,
                        {"authorization.create", "authorization", authorization.id, authorization.client_id}, now));
    return authorization;
  });
}

Result<Authorization> SqlStore::use_authorization_units(const Actor& actor, std::string_view authorization_id,
                                                        std::int64_t expected_version, int units, Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<Authorization> {
    CB_TRY_ASSIGN(authorization, load_client_record(connection, actor, now, "authorizations", kAuthorizationColumns,
                                                    authorization_id, "authorization", authorization_from_row));
    if (authorization.version != expected_version) {
      return fail(stale_version("authorization", expected_version, authorization.version));
    }
    CB_TRY_ASSIGN(fields, use_units(authorization.fields, units));
    authorization.fields = std::move(fields);
    authorization.version += 1;
    authorization.updated_at = format_timestamp(now);
    const SqlValue params[] = {std::int64_t{authorization.fields.units_used}, authorization.updated_at,
                               authorization.id, expected_version};
    CB_TRY(expect_one_row(connection.execute("UPDATE authorizations SET units_used = ?, updated_at = ?, version = "
                                             "version + 1 WHERE id = ? AND version = ?",
                                             params),
                          "authorization", expected_version));
    CB_TRY(append_audit(connection, actor,
                        {"authorization.use", "authorization", authorization.id, authorization.client_id, "success",
                         "units=" + std::to_string(units)},
                        now));
    return authorization;
  });
}

Result<std::vector<AdvocacyItem>> SqlStore::list_advocacy(const Actor& actor, std::string_view client_id,
                                                          Timestamp now) {
  return read_client_records<AdvocacyItem>(
      actor, client_id, now, "advocacy.list", "advocacy",
      [&](SqlConnection& connection, const std::string&) -> Result<std::vector<AdvocacyItem>> {
        const SqlValue params[] = {std::string(client_id), actor.organization_id};
        CB_TRY_ASSIGN(rows, connection.query("SELECT " + std::string(kAdvocacyColumns) +
                                                 " FROM advocacy_items WHERE client_id = ? AND organization_id = ? "
                                                 "ORDER BY created_at DESC, id",
                                             params));
        std::vector<AdvocacyItem> found;
        for (const auto& row : rows) found.push_back(advocacy_from_row(row));
        return found;
      });
}

Result<AdvocacyItem> SqlStore::create_advocacy(const Actor& actor, std::string_view client_id, AdvocacyFields fields,
                                               Timestamp now) {
  AdvocacyItem item{security::random_id("ad"), 1,
                    actor.organization_id,     std::string(client_id),
                    std::move(fields),         format_timestamp(now),
                    format_timestamp(now)};
  return write([&](SqlConnection& connection) -> Result<AdvocacyItem> {
    CB_TRY(require_client_access(connection, actor, now, client_id));
    const auto& f = item.fields;
    const SqlValue params[] = {item.id,
                               item.organization_id,
                               item.client_id,
                               f.kind,
                               f.description,
                               f.status,
                               text_or_null(f.submitted_on),
                               text_or_null(f.decided_on),
                               item.created_at,
                               item.updated_at};
    CB_TRY(
        connection.execute("INSERT INTO advocacy_items (id, organization_id, client_id, kind, description, status, "
                           "submitted_on, decided_on, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, "
                           "?, ?, ?, 1)",
                           params));
    CB_TRY(append_audit(connection, actor, {"advocacy.create", "advocacy", item.id, item.client_id}, now));
    return item;
  });
}

Result<AdvocacyItem> SqlStore::update_advocacy(const Actor& actor, std::string_view item_id,
                                               std::int64_t expected_version, const Change<AdvocacyFields>& change,
                                               Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<AdvocacyItem> {
    CB_TRY_ASSIGN(item, load_client_record(connection, actor, now, "advocacy_items", kAdvocacyColumns, item_id,
                                           "advocacy item", advocacy_from_row));
    if (item.version != expected_version) return fail(stale_version("advocacy item", expected_version, item.version));
    CB_TRY_ASSIGN(fields, change(item.fields));
    item.fields = std::move(fields);
    item.version += 1;
    item.updated_at = format_timestamp(now);
    const auto& f = item.fields;
    const SqlValue params[] = {
        f.kind,          f.description, f.status,        text_or_null(f.submitted_on), text_or_null(f.decided_on),
        item.updated_at, item.id,       expected_version};
    CB_TRY(expect_one_row(connection.execute("UPDATE advocacy_items SET kind = ?, description = ?, status = ?, "
                                             "submitted_on = ?, decided_on = ?, updated_at = ?, version = version + 1 "
                                             "WHERE id = ? AND version = ?",
                                             params),
                          "advocacy item", expected_version));
    CB_TRY(append_audit(connection, actor, {"advocacy.update", "advocacy", item.id, item.client_id}, now));
    return item;
  });
}

}  // namespace caseboard::store
