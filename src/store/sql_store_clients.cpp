// Clients, their identifiers, duplicate detection at intake, and search.
#include <cmath>
#include <functional>

#include "core/access.hpp"
#include "core/text.hpp"
#include "security/random_id.hpp"
#include "store/sql_store.hpp"

namespace caseboard::store {
namespace {

constexpr std::string_view kClientColumns =
    "id, version, organization_id, given_name, family_name, middle_name, preferred_name, birth_date, sex, "
    "preferred_language, interpreter_needed, phone, email, address_line1, address_line2, city, state, postal_code, "
    "country, created_at, updated_at, restricted, risk_level, latitude_e6, longitude_e6";

// The greatest valid UTF-8 character: "prefix" <= key < "prefix" + this is "key starts with prefix".
constexpr std::string_view kAfterEveryCharacter = "\xf4\x8f\xbf\xbf";

Client client_from_row(const SqlRow& row) {
  Client client;
  client.id = row.text(0);
  client.version = row.integer(1);
  client.organization_id = row.text(2);
  auto& f = client.fields;
  f.given_name = row.text(3);
  f.family_name = row.text(4);
  f.middle_name = row.text(5);
  f.preferred_name = row.text(6);
  f.birth_date = row.text(7);
  f.sex = row.text(8);
  f.preferred_language = row.text(9);
  f.interpreter_needed = row.boolean(10);
  f.phone = row.text(11);
  f.email = row.text(12);
  f.address = {row.text(13), row.text(14), row.text(15), row.text(16), row.text(17), row.text(18)};
  client.created_at = row.text(19);
  client.updated_at = row.text(20);
  client.restricted = row.boolean(21);
  f.risk_level = row.text(22);
  if (!row.is_null(23) && !row.is_null(24)) {
    f.location = Coordinates{static_cast<double>(row.integer(23)) / 1e6, static_cast<double>(row.integer(24)) / 1e6};
  }
  return client;
}

Result<std::optional<Client>> load_client(SqlConnection& connection, std::string_view organization_id,
                                          std::string_view client_id) {
  const SqlValue params[] = {std::string(client_id), std::string(organization_id)};
  CB_TRY_ASSIGN(
      found, query_one(connection,
                       "SELECT " + std::string(kClientColumns) + " FROM clients WHERE id = ? AND organization_id = ?",
                       params, client_from_row));
  if (!found) return std::optional<Client>{};
  Client client = std::move(*found);
  const SqlValue by_client[] = {client.id};
  CB_TRY_ASSIGN(
      identifiers,
      connection.query("SELECT type, value FROM client_identifiers WHERE client_id = ? ORDER BY position", by_client));
  for (const auto& row : identifiers) client.fields.identifiers.push_back({row.text(0), row.text(1)});
  return std::optional<Client>{std::move(client)};
}

// AlreadyExists naming the first identifier that another client of the organization holds.
Result<void> check_identifiers_free(SqlConnection& connection, std::string_view organization_id,
                                    const ClientFields& fields, std::string_view own_id) {
  for (std::size_t i = 0; i < fields.identifiers.size(); ++i) {
    const auto& identifier = fields.identifiers[i];
    const SqlValue params[] = {std::string(organization_id), identifier.type, identifier.value};
    CB_TRY_ASSIGN(
        rows,
        connection.query(
            "SELECT client_id FROM client_identifiers WHERE organization_id = ? AND type = ? AND value = ?", params));
    if (!rows.empty() && rows.front().text(0) != own_id) {
      Error error = make_error(ErrorCode::AlreadyExists,
                               "a client with " + identifier.type + " " + identifier.value + " already exists",
                               "identifiers[" + std::to_string(i) + "].value");
      error.existing_id = rows.front().text(0);
      return fail(std::move(error));
    }
  }
  return {};
}

Result<void> write_identifiers(SqlConnection& connection, const Client& client) {
  const SqlValue by_client[] = {client.id};
  CB_TRY(connection.execute("DELETE FROM client_identifiers WHERE client_id = ?", by_client));
  std::int64_t position = 0;
  for (const auto& identifier : client.fields.identifiers) {
    const SqlValue params[] = {client.organization_id, identifier.type, identifier.value, client.id, position++};
    CB_TRY(connection.execute(
        "INSERT INTO client_identifiers (organization_id, type, value, client_id, position) VALUES (?, ?, ?, ?, ?)",
        params));
  }
  return {};
}

}  // namespace

std::vector<SqlValue> client_values(const Client& client) {
  const auto& f = client.fields;
  return {
      f.given_name,
      f.family_name,
      text_or_null(f.middle_name),
      text_or_null(f.preferred_name),
      name_key(f.given_name),
      name_key(f.family_name),
      f.birth_date,
      f.sex,
      f.preferred_language,
      std::int64_t{f.interpreter_needed ? 1 : 0},
      text_or_null(f.phone),
      text_or_null(f.email),
      text_or_null(f.address.line1),
      text_or_null(f.address.line2),
      text_or_null(f.address.city),
      text_or_null(f.address.state),
      text_or_null(f.address.postal_code),
      text_or_null(f.address.country),
      f.risk_level,
      f.location ? SqlValue{static_cast<std::int64_t>(std::llround(f.location->latitude * 1e6))} : SqlValue{nullptr},
      f.location ? SqlValue{static_cast<std::int64_t>(std::llround(f.location->longitude * 1e6))} : SqlValue{nullptr},
      client.version,
      client.updated_at};
}

Result<Client> SqlStore::create_client(const Actor& actor, ClientFields fields, DuplicatePolicy policy, Timestamp now) {
  Client client;
  client.id = security::random_id("cl");
  client.version = 1;
  client.organization_id = actor.organization_id;
  client.fields = std::move(fields);
  client.created_at = client.updated_at = format_timestamp(now);
  return write([&](SqlConnection& connection) -> Result<Client> {
    CB_TRY(lock_intake(connection, actor.organization_id));
    CB_TRY(check_identifiers_free(connection, actor.organization_id, client.fields, {}));
    if (policy == DuplicatePolicy::RefuseLikelyDuplicates) {
      // Same person, typed the same or with given and family names swapped.
      const auto given = name_key(client.fields.given_name);
      const auto family = name_key(client.fields.family_name);
      const SqlValue params[] = {actor.organization_id, client.fields.birth_date, family, given, given, family};
      CB_TRY_ASSIGN(rows, connection.query("SELECT id FROM clients WHERE organization_id = ? AND birth_date = ? AND "
                                           "((family_key = ? AND given_key = ?) OR (family_key = ? AND given_key = ?)) "
                                           "ORDER BY id LIMIT 10",
                                           params));
      if (!rows.empty()) {
        Error error = make_error(ErrorCode::PossibleDuplicate,
                                 "a client with the same name and birth date exists; confirm to create another");
        for (const auto& row : rows) error.candidate_ids.push_back(row.text(0));
        return fail(std::move(error));
      }
    }
    auto values = client_values(client);
    values.insert(values.begin(), {client.id, client.organization_id});
    values.push_back(actor.user_id.empty() ? SqlValue{nullptr} : SqlValue{actor.user_id});
    values.push_back(client.created_at);
    CB_TRY(connection.execute(
        "INSERT INTO clients (id, organization_id, given_name, family_name, middle_name, preferred_name, given_key, "
        "family_key, birth_date, sex, preferred_language, interpreter_needed, phone, email, address_line1, "
        "address_line2, city, state, postal_code, country, risk_level, latitude_e6, longitude_e6, version, updated_at, "
        "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?)",
        values));
    CB_TRY(write_identifiers(connection, client));
    if (!actor.user_id.empty() && client_scope(actor.role) != ClientScope::None) {
      // Whoever registers a client works with them until a case is reassigned.
      const SqlValue member[] = {client.organization_id, client.id, actor.user_id, client.created_at};
      CB_TRY(
          connection.execute("INSERT INTO care_team_members (organization_id, client_id, user_id, kind, added_at) "
                             "VALUES (?, ?, ?, 'registrant', ?)",
                             member));
    }
    CB_TRY(append_audit(connection, actor, {"client.create", "client", client.id, client.id}, now));
    return client;
  });
}

Result<Client> SqlStore::get_client(const Actor& actor, std::string_view client_id, Timestamp now) {
  std::string grant_reason;  // set when a break-the-glass grant is what opens the record
  CB_TRY_ASSIGN(client, read([&](SqlConnection& connection) -> Result<Client> {
                  CB_TRY_ASSIGN(reason, require_client_access(connection, actor, now, client_id));
                  grant_reason = std::move(reason);
                  CB_TRY_ASSIGN(found, load_client(connection, actor.organization_id, client_id));
                  if (!found) return fail(not_found("client"));
                  return *found;
                }));
  // Served only once its audit entry is written.
  CB_TRY(record_event(actor, {"client.read", "client", client.id, client.id, "success", {}, grant_reason}, now));
  return client;
}

Result<Client> SqlStore::update_client(const Actor& actor, std::string_view client_id, std::int64_t expected_version,
                                       const Change<ClientFields>& change, Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<Client> {
    CB_TRY(require_client_access(connection, actor, now, client_id));
    CB_TRY_ASSIGN(stored, load_client(connection, actor.organization_id, client_id));
    if (!stored) return fail(not_found("client"));
    if (stored->version != expected_version) return fail(stale_version("client", expected_version, stored->version));
    CB_TRY_ASSIGN(fields, change(stored->fields));
    CB_TRY(lock_intake(connection, actor.organization_id));
    CB_TRY(check_identifiers_free(connection, actor.organization_id, fields, stored->id));
    Client client = *stored;
    client.fields = std::move(fields);
    client.version += 1;
    client.updated_at = format_timestamp(now);
    auto values = client_values(client);
    values.push_back(client.id);
    values.push_back(expected_version);
    CB_TRY(expect_one_row(
        connection.execute(
            "UPDATE clients SET given_name = ?, family_name = ?, middle_name = ?, preferred_name = ?, given_key = ?, "
            "family_key = ?, birth_date = ?, sex = ?, preferred_language = ?, interpreter_needed = ?, phone = ?, "
            "email = ?, address_line1 = ?, address_line2 = ?, city = ?, state = ?, postal_code = ?, country = ?, "
            "risk_level = ?, latitude_e6 = ?, longitude_e6 = ?, version = ?, updated_at = ? WHERE id = ? AND version = "
            "?",
            values),
        "client", expected_version));
    if (client.fields.identifiers != stored->fields.identifiers) CB_TRY(write_identifiers(connection, client));
    CB_TRY(append_audit(connection, actor, {"client.update", "client", client.id, client.id}, now));
    return client;
  });
}

Result<Page<ClientSummary>> SqlStore::search_clients(const Actor& actor, const ClientQuery& query, Timestamp now) {
  // The page is chosen first, by the name keys alone (index ranges, no table reads for a name's
  // prefix), and only the page's clients are then read with what the actor may see of each: the
  // access conditions cost a few lookups a client, too many to spend on every "Garc" of a million.
  std::optional<NameSearch> search;
  if (!trim(query.name).empty()) {
    search = parse_name_search(query.name);
    if (search->family_prefix.empty() && search->given_prefix.empty()) {
      return fail(ErrorCode::InvalidArgument, "search text must contain letters or digits", "q");
    }
  }
  std::vector<std::string> after;
  if (!query.cursor.empty()) {
    CB_TRY_ASSIGN(decoded, decode_cursor(query.cursor, 3));
    after = std::move(decoded);
  }
  const int limit = clamp_page_size(query.limit);

  std::vector<SqlValue> params;
  const auto can_open = client_access_condition(actor, now, "c.id", params);
  const auto withheld = client_withheld_condition(actor, now, "c.id", params);
  auto starts_with = [&](std::string_view column, const std::string& prefix) {
    params.emplace_back(prefix);
    params.emplace_back(prefix + std::string(kAfterEveryCharacter));
    return " AND " + std::string(column) + " >= ? AND " + std::string(column) + " < ?";
  };
  // The keys of the clients a name condition matches, with the other criteria, past the cursor.
  auto matching = [&](const std::function<std::string()>& name_condition) {
    params.emplace_back(actor.organization_id);
    std::string sql = "SELECT id, family_key, given_key FROM clients WHERE organization_id = ?" + name_condition();
    if (!query.birth_date.empty()) {
      sql += " AND birth_date = ?";
      params.emplace_back(query.birth_date);
    }
    if (query.identifier) {
      sql +=
          " AND id IN (SELECT client_id FROM client_identifiers WHERE organization_id = ? AND type = ? AND value = ?)";
      params.insert(params.end(), {actor.organization_id, query.identifier->type, query.identifier->value});
    }
    if (!after.empty()) {
      sql += " AND (family_key, given_key, id) > (?, ?, ?)";
      params.insert(params.end(), after.begin(), after.end());
    }
    return sql;
  };
  constexpr std::string_view kOrder = " ORDER BY family_key, given_key, id LIMIT ?";
  std::string keys;
  if (search && search->family_or_given) {
    // A family name's first page comes in order from its index; given names are sorted after.
    const auto family = matching([&] { return starts_with("family_key", search->family_prefix); });
    params.emplace_back(std::int64_t{limit + 1});
    const auto given = matching([&] { return starts_with("given_key", search->family_prefix); });
    keys = "SELECT * FROM (" + family + std::string(kOrder) + ") f UNION " + given;
  } else {
    keys = matching([&] {
      std::string condition;
      if (search && !search->family_prefix.empty()) condition += starts_with("family_key", search->family_prefix);
      if (search && !search->given_prefix.empty()) condition += starts_with("given_key", search->given_prefix);
      return condition;
    });
  }
  const std::string sql =
      "SELECT c.id, c.given_name, c.family_name, c.preferred_name, c.birth_date, c.family_key, c.given_key, CASE "
      "WHEN " +
      can_open + " THEN 1 ELSE 0 END, CASE WHEN " + withheld +
      " THEN 1 ELSE 0 END FROM clients c JOIN (SELECT id FROM (" + keys + ") k" + std::string(kOrder) +
      ") page ON page.id = c.id ORDER BY c.family_key, c.given_key, c.id";
  params.emplace_back(std::int64_t{limit + 1});

  CB_TRY_ASSIGN(
      page, read([&](SqlConnection& connection) -> Result<Page<ClientSummary>> {
        CB_TRY_ASSIGN(rows, connection.query(sql, params));
        Page<ClientSummary> found;
        for (std::size_t i = 0; i < rows.size() && i < static_cast<std::size_t>(limit); ++i) {
          const auto& row = rows[i];
          if (row.boolean(8)) {
            ++found.withheld;  // a restricted record: say that something is withheld, not what
            continue;
          }
          found.items.push_back({row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.boolean(7)});
        }
        if (rows.size() > static_cast<std::size_t>(limit)) {
          const auto& last = rows[static_cast<std::size_t>(limit) - 1];
          found.next_cursor = encode_cursor({last.text(5), last.text(6), last.text(0)});
        }
        return found;
      }));
  std::string criteria = "q=" + query.name + "; birth_date=" + query.birth_date;
  if (query.identifier) criteria += "; identifier=" + query.identifier->type + ":" + query.identifier->value;
  criteria += "; results=" + std::to_string(page.items.size()) + "; withheld=" + std::to_string(page.withheld);
  CB_TRY(record_event(actor, {"client.search", "client", {}, {}, "success", criteria}, now));
  return page;
}

Result<std::vector<ClientSummary>> SqlStore::summarize_clients(const Actor& actor, const std::vector<std::string>& ids,
                                                               Timestamp now) {
  CB_TRY_ASSIGN(
      summaries, read([&](SqlConnection& connection) -> Result<std::vector<ClientSummary>> {
        std::vector<ClientSummary> found;
        for (const auto& id : ids) {
          std::vector<SqlValue> params;
          // Parameters in the order the SQL uses them: the select list's, the ids, the filter's.
          const auto can_open = client_access_condition(actor, now, "clients.id", params);
          params.emplace_back(id);
          params.emplace_back(actor.organization_id);
          const auto withheld = client_withheld_condition(actor, now, "clients.id", params);
          CB_TRY_ASSIGN(rows, connection.query("SELECT id, given_name, family_name, preferred_name, birth_date, CASE "
                                               "WHEN " +
                                                   can_open +
                                                   " THEN 1 ELSE 0 END FROM clients WHERE id = ? AND "
                                                   "organization_id = ? AND NOT " +
                                                   withheld,
                                               params));
          for (const auto& row : rows) {
            found.push_back({row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.boolean(5)});
          }
        }
        return found;
      }));
  for (const auto& summary : summaries) {
    CB_TRY(record_event(actor, {"client.summary", "client", summary.id, summary.id}, now));
  }
  return summaries;
}

}  // namespace caseboard::store
