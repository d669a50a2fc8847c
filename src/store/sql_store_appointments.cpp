// Appointments and home visits, and their outcome.
#include "security/random_id.hpp"
#include "store/sql_store.hpp"

namespace caseboard::store {
namespace {

constexpr std::string_view kAppointmentColumns =
    "a.id, a.version, a.organization_id, a.client_id, a.case_id, a.kind, a.starts_at, a.ends_at, a.location, "
    "a.staff_id, a.transport_arranged, a.transport_details, a.interpreter_language, a.interpreter_arranged, a.status, "
    "a.outcome_at, a.created_by, a.created_at, c.family_name, c.given_name, a.cost_cents";

constexpr std::string_view kAppointmentFrom = " FROM appointments a JOIN clients c ON c.id = a.client_id";

Appointment appointment_from_row(const SqlRow& row) {
  Appointment appointment;
  appointment.id = row.text(0);
  appointment.version = row.integer(1);
  appointment.organization_id = row.text(2);
  appointment.client_id = row.text(3);
  appointment.case_id = row.text(4);
  appointment.fields = {row.text(5),     row.text(6),  row.text(7),  row.text(8),     row.text(9),
                        row.boolean(10), row.text(11), row.text(12), row.boolean(13), std::nullopt};
  if (!row.is_null(20)) appointment.fields.cost_cents = row.integer(20);
  appointment.status = row.text(14);
  appointment.outcome_at = row.text(15);
  appointment.created_by = row.text(16);
  appointment.created_at = row.text(17);
  appointment.client_name = row.text(18) + ", " + row.text(19);
  return appointment;
}

std::vector<Appointment> appointments_from_rows(const std::vector<SqlRow>& rows) {
  std::vector<Appointment> appointments;
  for (const auto& row : rows) appointments.push_back(appointment_from_row(row));
  return appointments;
}

}  // namespace

Result<Appointment> SqlStore::create_appointment(const Actor& actor, std::string_view case_id, AppointmentFields fields,
                                                 Timestamp now) {
  Appointment appointment;
  appointment.id = security::random_id("ap");
  appointment.version = 1;
  appointment.organization_id = actor.organization_id;
  if (fields.staff_id.empty()) fields.staff_id = actor.user_id;
  appointment.fields = std::move(fields);
  appointment.created_by = actor.user_id;
  appointment.created_at = format_timestamp(now);
  return write([&](SqlConnection& connection) -> Result<Appointment> {
    CB_TRY_ASSIGN(record, require_open_case(connection, actor, now, case_id));
    const auto& f = appointment.fields;
    CB_TRY(require_case_manager(connection, actor, f.staff_id, "staff_id"));
    appointment.client_id = record.client_id;
    appointment.case_id = record.id;
    const SqlValue params[] = {appointment.id,
                               appointment.organization_id,
                               appointment.client_id,
                               appointment.case_id,
                               f.staff_id,
                               f.kind,
                               f.starts_at,
                               f.ends_at,
                               text_or_null(f.location),
                               std::int64_t{f.transport_arranged ? 1 : 0},
                               text_or_null(f.transport_details),
                               text_or_null(f.interpreter_language),
                               std::int64_t{f.interpreter_arranged ? 1 : 0},
                               appointment.created_by,
                               appointment.created_at,
                               f.cost_cents ? SqlValue{*f.cost_cents} : SqlValue{nullptr}};
    CB_TRY(connection.execute(
        "INSERT INTO appointments (id, organization_id, client_id, case_id, staff_id, kind, starts_at, ends_at, "
        "location, transport_arranged, transport_details, interpreter_language, interpreter_arranged, status, "
        "created_by, created_at, cost_cents, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'scheduled', ?, "
        "?, "
        "?, 1)",
        params));
    CB_TRY(
        append_audit(connection, actor, {"appointment.create", "appointment", appointment.id, record.client_id}, now));
    return appointment;
  });
}

Result<std::vector<Appointment>> SqlStore::list_client_appointments(const Actor& actor, std::string_view client_id,
                                                                    Timestamp now) {
  return read_client_records<Appointment>(
      actor, client_id, now, "appointment.list", "appointment",
      [&](SqlConnection& connection, const std::string& case_filter) -> Result<std::vector<Appointment>> {
        const SqlValue params[] = {std::string(client_id), actor.organization_id};
        CB_TRY_ASSIGN(rows,
                      connection.query("SELECT " + std::string(kAppointmentColumns) + std::string(kAppointmentFrom) +
                                           " WHERE a.client_id = ? AND a.organization_id = ?" + case_filter +
                                           " ORDER BY a.starts_at DESC, a.id",
                                       params));
        return appointments_from_rows(rows);
      });
}

Result<std::vector<Appointment>> SqlStore::list_own_appointments(const Actor& actor, Timestamp from, Timestamp to,
                                                                 Timestamp now) {
  CB_TRY_ASSIGN(
      appointments, read([&](SqlConnection& connection) -> Result<std::vector<Appointment>> {
        const SqlValue params[] = {actor.user_id, actor.organization_id, format_timestamp(from), format_timestamp(to)};
        CB_TRY_ASSIGN(rows,
                      connection.query("SELECT " + std::string(kAppointmentColumns) + std::string(kAppointmentFrom) +
                                           " WHERE a.staff_id = ? AND a.organization_id = ? AND "
                                           "a.starts_at >= ? AND a.starts_at < ? ORDER BY a.starts_at, "
                                           "a.id LIMIT 1000",
                                       params));
        return appointments_from_rows(rows);
      }));
  CB_TRY(record_event(
      actor,
      {"appointment.calendar", "appointment", {}, {}, "success", "results=" + std::to_string(appointments.size())},
      now));
  return appointments;
}

Result<Appointment> SqlStore::record_appointment_outcome(const Actor& actor, std::string_view appointment_id,
                                                         std::int64_t expected_version, std::string_view outcome,
                                                         Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<Appointment> {
    const SqlValue params[] = {std::string(appointment_id), actor.organization_id};
    CB_TRY_ASSIGN(found, query_one(connection,
                                   "SELECT " + std::string(kAppointmentColumns) + std::string(kAppointmentFrom) +
                                       " WHERE a.id = ? AND a.organization_id = ?",
                                   params, appointment_from_row));
    if (!found) return fail(not_found("appointment"));
    CB_TRY(require_case_access(connection, actor, now, found->case_id));
    Appointment appointment = std::move(*found);
    if (appointment.version != expected_version) {
      return fail(stale_version("appointment", expected_version, appointment.version));
    }
    CB_TRY(check_appointment_outcome(appointment, outcome, now));
    appointment.status = std::string(outcome);
    appointment.outcome_at = format_timestamp(now);
    appointment.version += 1;
    const SqlValue update[] = {appointment.status, appointment.outcome_at, appointment.version, appointment.id,
                               expected_version};
    CB_TRY(expect_one_row(connection.execute("UPDATE appointments SET status = ?, outcome_at = ?, version = ? WHERE id "
                                             "= ? AND version = ?",
                                             update),
                          "appointment", expected_version));
    CB_TRY(append_audit(connection, actor,
                        {"appointment." + appointment.status, "appointment", appointment.id, appointment.client_id},
                        now));
    return appointment;
  });
}

}  // namespace caseboard::store
