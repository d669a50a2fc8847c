// The resource directory: listings of an organization's providers and community services.
#include <cmath>

#include "security/random_id.hpp"
#include "store/sql_store.hpp"

namespace caseboard::store {
namespace {

constexpr std::string_view kServiceColumns =
    "id, version, organization_id, name, provider, needs, description, min_age, max_age, payers, area, languages, "
    "cost, accepting, wait_days, hours, address, latitude_e6, longitude_e6, phone, active, created_at, updated_at";

std::int64_t micro_degrees(double degrees) {
  return static_cast<std::int64_t>(std::llround(degrees * 1e6));
}

ServiceListing service_from_row(const SqlRow& row) {
  ServiceListing listing;
  listing.id = row.text(0);
  listing.version = row.integer(1);
  listing.organization_id = row.text(2);
  auto& f = listing.fields;
  f.name = row.text(3);
  f.provider = row.text(4);
  f.needs = split_lines(row.text(5));
  f.description = row.text(6);
  f.min_age = static_cast<int>(row.integer(7));
  f.max_age = static_cast<int>(row.integer(8));
  f.payers = split_lines(row.text(9));
  f.area = row.text(10);
  f.languages = split_lines(row.text(11));
  f.cost = row.text(12);
  f.accepting = row.boolean(13);
  f.wait_days = static_cast<int>(row.integer(14));
  f.hours = row.text(15);
  f.address = row.text(16);
  if (!row.is_null(17) && !row.is_null(18)) {
    f.location = Coordinates{static_cast<double>(row.integer(17)) / 1e6, static_cast<double>(row.integer(18)) / 1e6};
  }
  f.phone = row.text(19);
  f.active = row.boolean(20);
  listing.created_at = row.text(21);
  listing.updated_at = row.text(22);
  return listing;
}

// The columns after id and organization, in the order insert and update both write them.
std::vector<SqlValue> service_values(const ServiceFields& f) {
  return {f.name,
          text_or_null(f.provider),
          join_lines(f.needs),
          text_or_null(f.description),
          std::int64_t{f.min_age},
          std::int64_t{f.max_age},
          join_lines(f.payers),
          text_or_null(f.area),
          join_lines(f.languages),
          f.cost,
          std::int64_t{f.accepting ? 1 : 0},
          std::int64_t{f.wait_days},
          text_or_null(f.hours),
          text_or_null(f.address),
          f.location ? SqlValue{micro_degrees(f.location->latitude)} : SqlValue{nullptr},
          f.location ? SqlValue{micro_degrees(f.location->longitude)} : SqlValue{nullptr},
          text_or_null(f.phone),
          std::int64_t{f.active ? 1 : 0}};
}

constexpr std::string_view kAssignments =
    "name = ?, provider = ?, needs = ?, description = ?, min_age = ?, max_age = ?, payers = ?, area = ?, "
    "languages = ?, cost = ?, accepting = ?, wait_days = ?, hours = ?, address = ?, latitude_e6 = ?, "
    "longitude_e6 = ?, phone = ?, active = ?";

Result<std::optional<ServiceListing>> load_service(SqlConnection& connection, const Actor& actor,
                                                   std::string_view service_id) {
  const SqlValue params[] = {std::string(service_id), actor.organization_id};
  return query_one(connection,
                   "SELECT " + std::string(kServiceColumns) + " FROM services WHERE id = ? AND organization_id = ?",
                   params, service_from_row);
}

Result<void> insert_service(SqlConnection& connection, const ServiceListing& listing) {
  auto values = service_values(listing.fields);
  values.insert(values.begin(), {listing.id, listing.organization_id});
  values.insert(values.end(), {listing.created_at, listing.updated_at});
  return connection
      .execute(
          "INSERT INTO services (id, organization_id, name, provider, needs, description, min_age, max_age, "
          "payers, area, languages, cost, accepting, wait_days, hours, address, latitude_e6, longitude_e6, "
          "phone, active, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
          "?, ?, ?, ?, ?, ?, ?, ?, 1)",
          values)
      .map([](std::int64_t) {});
}

Result<void> update_row(SqlConnection& connection, const ServiceListing& listing, std::int64_t expected_version) {
  auto values = service_values(listing.fields);
  values.insert(values.end(), {listing.updated_at, listing.id, expected_version});
  return expect_one_row(connection.execute("UPDATE services SET " + std::string(kAssignments) +
                                               ", updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
                                           values),
                        "service", expected_version);
}

ServiceListing new_listing(const Actor& actor, ServiceFields fields, Timestamp now) {
  ServiceListing listing;
  listing.id = security::random_id("sv");
  listing.version = 1;
  listing.organization_id = actor.organization_id;
  listing.fields = std::move(fields);
  listing.created_at = listing.updated_at = format_timestamp(now);
  return listing;
}

}  // namespace

Result<ServiceListing> SqlStore::create_service(const Actor& actor, ServiceFields fields, Timestamp now) {
  auto listing = new_listing(actor, std::move(fields), now);
  return write([&](SqlConnection& connection) -> Result<ServiceListing> {
    CB_TRY(insert_service(connection, listing));
    CB_TRY(append_audit(connection, actor, {"service.create", "service", listing.id, {}}, now));
    return listing;
  });
}

Result<ServiceListing> SqlStore::update_service(const Actor& actor, std::string_view service_id,
                                                std::int64_t expected_version, const Change<ServiceFields>& change,
                                                Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<ServiceListing> {
    CB_TRY_ASSIGN(found, load_service(connection, actor, service_id));
    if (!found) return fail(not_found("service"));
    if (found->version != expected_version) return fail(stale_version("service", expected_version, found->version));
    CB_TRY_ASSIGN(fields, change(found->fields));
    ServiceListing listing = std::move(*found);
    listing.fields = std::move(fields);
    listing.version += 1;
    listing.updated_at = format_timestamp(now);
    CB_TRY(update_row(connection, listing, expected_version));
    CB_TRY(append_audit(connection, actor, {"service.update", "service", listing.id, {}}, now));
    return listing;
  });
}

Result<std::vector<ServiceListing>> SqlStore::list_services(const Actor& actor) {
  return read([&](SqlConnection& connection) -> Result<std::vector<ServiceListing>> {
    const SqlValue params[] = {actor.organization_id};
    CB_TRY_ASSIGN(rows, connection.query("SELECT " + std::string(kServiceColumns) +
                                             " FROM services WHERE organization_id = ? ORDER BY name, id",
                                         params));
    std::vector<ServiceListing> listings;
    for (const auto& row : rows) listings.push_back(service_from_row(row));
    return listings;
  });
}

Result<ServiceListing> SqlStore::get_service(const Actor& actor, std::string_view service_id) {
  return read([&](SqlConnection& connection) -> Result<ServiceListing> {
    CB_TRY_ASSIGN(found, load_service(connection, actor, service_id));
    if (!found) return fail(not_found("service"));
    return std::move(*found);
  });
}

Result<std::pair<int, int>> SqlStore::import_services(const Actor& actor, std::vector<ServiceImport> rows,
                                                      Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<std::pair<int, int>> {
    int created = 0;
    int updated = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      auto& row = rows[i];
      if (row.id.empty()) {
        CB_TRY(insert_service(connection, new_listing(actor, std::move(row.fields), now)));
        ++created;
        continue;
      }
      CB_TRY_ASSIGN(found, load_service(connection, actor, row.id));
      if (!found) return fail(not_found("service", "rows[" + std::to_string(i) + "].id"));
      found->fields = std::move(row.fields);
      found->updated_at = format_timestamp(now);
      CB_TRY(update_row(connection, *found, found->version));
      ++updated;
    }
    CB_TRY(append_audit(connection, actor,
                        {"service.import",
                         "service",
                         {},
                         {},
                         "success",
                         "created=" + std::to_string(created) + "; updated=" + std::to_string(updated)},
                        now));
    return std::pair{created, updated};
  });
}

Result<Store::ServiceContext> SqlStore::service_context(const Actor& actor, std::string_view client_id, Timestamp now) {
  std::string grant_reason;
  CB_TRY_ASSIGN(
      context, read([&](SqlConnection& connection) -> Result<ServiceContext> {
        CB_TRY_ASSIGN(reason, require_client_access(connection, actor, now, client_id));
        grant_reason = std::move(reason);
        ServiceContext result;
        result.seeker.known = true;
        const SqlValue client[] = {std::string(client_id)};
        CB_TRY_ASSIGN(rows, connection.query("SELECT birth_date, preferred_language, latitude_e6, "
                                             "longitude_e6 FROM clients WHERE id = ?",
                                             client));
        if (rows.empty()) return fail(not_found("client"));
        const auto& row = rows.front();
        if (auto born = parse_date(row.text(0))) {
          const auto today = date_of(now);
          int age = static_cast<int>(today.year()) - static_cast<int>(born->year());
          if (std::chrono::month_day{today.month(), today.day()} < std::chrono::month_day{born->month(), born->day()}) {
            --age;
          }
          result.seeker.age = age;
        }
        result.seeker.language = row.text(1);
        if (!row.is_null(2) && !row.is_null(3)) {
          result.seeker.location =
              Coordinates{static_cast<double>(row.integer(2)) / 1e6, static_cast<double>(row.integer(3)) / 1e6};
        }
        CB_TRY_ASSIGN(payers, connection.query("SELECT DISTINCT payer_kind FROM coverages WHERE client_id "
                                               "= ? AND active = 1 ORDER BY payer_kind",
                                               client));
        for (const auto& payer : payers) result.seeker.payers.push_back(payer.text(0));
        CB_TRY_ASSIGN(filter, restricted_case_filter(connection, actor, now, client_id));
        CB_TRY_ASSIGN(cases, connection.query("SELECT id FROM cases WHERE client_id = ? AND status <> "
                                              "'closed'" +
                                                  std::string(filter.empty() ? "" : " AND restricted = 0"),
                                              client));
        for (const auto& open_case : cases) {
          CB_TRY_ASSIGN(plan, load_care_plan(connection, open_case.text(0)));
          if (!plan) continue;
          for (const auto& need : plan->content.needs) {
            if (need.status == "proposed" || need.status == "active") result.open_needs.push_back(need);
          }
        }
        return result;
      }));
  CB_TRY(record_event(actor, {"directory.match", "client", client_id, client_id, "success", {}, grant_reason}, now));
  return context;
}

}  // namespace caseboard::store
