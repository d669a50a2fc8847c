// Incident reports: a draft started at once, submitted within the incident clock.
#include "security/random_id.hpp"
#include "store/sql_store.hpp"

namespace caseboard::store {
namespace {

constexpr std::string_view kIncidentColumns =
    "id, version, organization_id, client_id, case_id, occurred_at, type, severity, description, "
    "emergency_services_contacted, actions, status, reported_at, documented_at, late, reported_by";

Incident incident_from_row(const SqlRow& row) {
  Incident incident;
  incident.id = row.text(0);
  incident.version = row.integer(1);
  incident.organization_id = row.text(2);
  incident.client_id = row.text(3);
  incident.case_id = row.text(4);
  incident.fields = {row.text(5), row.text(6), row.text(7), row.text(8), row.boolean(9), row.text(10)};
  incident.status = row.text(11);
  incident.reported_at = row.text(12);
  incident.documented_at = row.text(13);
  incident.late = row.boolean(14);
  incident.reported_by = row.text(15);
  return incident;
}

struct IncidentAndCase {
  Incident incident;
  CaseRef record;
};

Result<IncidentAndCase> incident_for_change(SqlConnection& connection, const Actor& actor, Timestamp now,
                                            std::string_view incident_id, std::int64_t expected_version) {
  const SqlValue params[] = {std::string(incident_id), actor.organization_id};
  CB_TRY_ASSIGN(found, query_one(connection,
                                 "SELECT " + std::string(kIncidentColumns) +
                                     " FROM incidents WHERE id = ? AND organization_id = ?",
                                 params, incident_from_row));
  if (!found) return fail(not_found("incident"));
  CB_TRY_ASSIGN(record, require_case_access(connection, actor, now, found->case_id));
  if (found->version != expected_version) return fail(stale_version("incident", expected_version, found->version));
  if (found->status != "draft") {
    return fail(ErrorCode::FailedPrecondition, "the incident report was submitted already", "status");
  }
  return IncidentAndCase{std::move(*found), std::move(record)};
}

// Marks the incident submitted now, late or not by the program's clock.
Result<void> apply_submission(SqlConnection& connection, const CaseRef& record, Incident& incident, Timestamp now) {
  CB_TRY(check_incident_complete(incident.fields));
  CB_TRY_ASSIGN(rules, program_clock_rules(connection, record.program_id));
  const auto occurred = parse_timestamp(incident.fields.occurred_at).value_or(now);
  incident.status = "submitted";
  incident.documented_at = format_timestamp(now);
  incident.late = now - occurred > std::chrono::hours(rules.incident_hours);
  return {};
}

Result<void> save_incident(SqlConnection& connection, const Incident& incident, std::int64_t expected_version) {
  const auto& f = incident.fields;
  const SqlValue params[] = {f.occurred_at,
                             f.type,
                             f.severity,
                             f.description,
                             std::int64_t{f.emergency_services_contacted ? 1 : 0},
                             text_or_null(f.actions),
                             incident.status,
                             text_or_null(incident.documented_at),
                             std::int64_t{incident.late ? 1 : 0},
                             incident.version,
                             incident.id,
                             expected_version};
  return expect_one_row(connection.execute("UPDATE incidents SET occurred_at = ?, type = ?, severity = ?, "
                                           "description = ?, emergency_services_contacted = ?, actions = ?, "
                                           "status = ?, documented_at = ?, late = ?, version = ? "
                                           "WHERE id = ? AND version = ?",
                                           params),
                        "incident", expected_version);
}

}  // namespace

Result<Incident> SqlStore::create_incident(const Actor& actor, std::string_view case_id, IncidentFields fields,
                                           bool submit, Timestamp now) {
  Incident incident;
  incident.id = security::random_id("in");
  incident.version = 1;
  incident.organization_id = actor.organization_id;
  incident.fields = std::move(fields);
  incident.reported_at = format_timestamp(now);
  incident.reported_by = actor.user_id;
  return write([&](SqlConnection& connection) -> Result<Incident> {
    CB_TRY_ASSIGN(record, require_open_case(connection, actor, now, case_id));
    incident.client_id = record.client_id;
    incident.case_id = record.id;
    const auto& f = incident.fields;
    const SqlValue params[] = {incident.id,          incident.organization_id,
                               incident.client_id,   incident.case_id,
                               f.occurred_at,        f.type,
                               f.severity,           f.description,
                               incident.reported_at, incident.reported_by};
    CB_TRY(
        connection.execute("INSERT INTO incidents (id, organization_id, client_id, case_id, occurred_at, type, "
                           "severity, description, reported_at, reported_by, status, version) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', 1)",
                           params));
    if (submit) CB_TRY(apply_submission(connection, record, incident, now));
    CB_TRY(save_incident(connection, incident, 1));
    CB_TRY(append_audit(
        connection, actor,
        {submit ? "incident.create_submitted" : "incident.create", "incident", incident.id, incident.client_id}, now));
    return incident;
  });
}

Result<Incident> SqlStore::update_incident(const Actor& actor, std::string_view incident_id,
                                           std::int64_t expected_version, const Change<IncidentFields>& change,
                                           Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<Incident> {
    CB_TRY_ASSIGN(found, incident_for_change(connection, actor, now, incident_id, expected_version));
    Incident incident = std::move(found.incident);
    CB_TRY_ASSIGN(fields, change(incident.fields));
    incident.fields = std::move(fields);
    incident.version += 1;
    CB_TRY(save_incident(connection, incident, expected_version));
    CB_TRY(append_audit(connection, actor, {"incident.update", "incident", incident.id, incident.client_id}, now));
    return incident;
  });
}

Result<Incident> SqlStore::submit_incident(const Actor& actor, std::string_view incident_id,
                                           std::int64_t expected_version, Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<Incident> {
    CB_TRY_ASSIGN(found, incident_for_change(connection, actor, now, incident_id, expected_version));
    Incident incident = std::move(found.incident);
    CB_TRY(apply_submission(connection, found.record, incident, now));
    incident.version += 1;
    CB_TRY(save_incident(connection, incident, expected_version));
    CB_TRY(append_audit(connection, actor, {"incident.submit", "incident", incident.id, incident.client_id}, now));
    return incident;
  });
}

Result<std::vector<Incident>> SqlStore::list_incidents(const Actor& actor, std::string_view client_id, Timestamp now) {
  return read_client_records<Incident>(
      actor, client_id, now, "incident.list", "incident",
      [&](SqlConnection& connection, const std::string& case_filter) -> Result<std::vector<Incident>> {
        const SqlValue params[] = {std::string(client_id), actor.organization_id};
        CB_TRY_ASSIGN(rows, connection.query("SELECT " + std::string(kIncidentColumns) +
                                                 " FROM incidents WHERE client_id = ? AND organization_id = ?" +
                                                 case_filter + " ORDER BY occurred_at DESC, id",
                                             params));
        std::vector<Incident> found;
        for (const auto& row : rows) found.push_back(incident_from_row(row));
        return found;
      });
}

}  // namespace caseboard::store
