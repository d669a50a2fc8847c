// Discharge: the plan (which moves the case to discharged), the post-discharge check-in, and
// readmissions tracked against the discharge.
#include "security/random_id.hpp"
#include "store/sql_store.hpp"

namespace caseboard::store {
namespace {

constexpr std::string_view kDischargeColumns =
    "id, version, organization_id, client_id, case_id, discharged_at, destination, destination_details, "
    "services_arranged, family_education_done, notes, check_in_at, check_in_by, health_status_changed, satisfaction, "
    "check_in_notes, created_by, created_at";

Discharge discharge_from_row(const SqlRow& row) {
  Discharge discharge;
  discharge.id = row.text(0);
  discharge.version = row.integer(1);
  discharge.organization_id = row.text(2);
  discharge.client_id = row.text(3);
  discharge.case_id = row.text(4);
  discharge.fields = {row.text(5), row.text(6), row.text(7), row.text(8), row.boolean(9), row.text(10)};
  if (!row.is_null(11)) {
    discharge.check_in =
        CheckIn{row.text(11), row.text(12), row.boolean(13), static_cast<int>(row.integer(14)), row.text(15)};
  }
  discharge.created_by = row.text(16);
  discharge.created_at = row.text(17);
  return discharge;
}

Result<void> load_readmissions(SqlConnection& connection, Discharge& discharge) {
  const SqlValue params[] = {discharge.id};
  CB_TRY_ASSIGN(rows, connection.query("SELECT id, admitted_at, facility, reason, days_after_discharge, within_30_days "
                                       "FROM readmissions WHERE discharge_id = ? ORDER BY admitted_at, id",
                                       params));
  for (const auto& row : rows) {
    discharge.readmissions.push_back(
        {row.text(0), row.text(1), row.text(2), row.text(3), static_cast<int>(row.integer(4)), row.boolean(5)});
  }
  return {};
}

struct DischargeAndCase {
  Discharge discharge;
  CaseRef record;
};

Result<DischargeAndCase> load_discharge(SqlConnection& connection, const Actor& actor, Timestamp now,
                                        std::string_view discharge_id) {
  const SqlValue params[] = {std::string(discharge_id), actor.organization_id};
  CB_TRY_ASSIGN(found, query_one(connection,
                                 "SELECT " + std::string(kDischargeColumns) +
                                     " FROM discharges WHERE id = ? AND organization_id = ?",
                                 params, discharge_from_row));
  if (!found) return fail(not_found("discharge"));
  CB_TRY_ASSIGN(record, require_case_access(connection, actor, now, found->case_id));
  CB_TRY(load_readmissions(connection, *found));
  return DischargeAndCase{std::move(*found), std::move(record)};
}

}  // namespace

Result<Discharge> SqlStore::discharge_case(const Actor& actor, std::string_view case_id,
                                           std::int64_t expected_case_version, DischargeFields fields, Timestamp now) {
  Discharge discharge;
  discharge.id = security::random_id("dc");
  discharge.version = 1;
  discharge.organization_id = actor.organization_id;
  discharge.fields = std::move(fields);
  discharge.created_by = actor.user_id;
  discharge.created_at = format_timestamp(now);
  return write([&](SqlConnection& connection) -> Result<Discharge> {
    CB_TRY_ASSIGN(record, require_case_access(connection, actor, now, case_id));
    if (record.version != expected_case_version) {
      return fail(stale_version("case", expected_case_version, record.version));
    }
    CB_TRY(check_case_transition(record.status, CaseStatus::Discharged, {}));
    discharge.client_id = record.client_id;
    discharge.case_id = record.id;
    const auto& f = discharge.fields;
    const SqlValue params[] = {discharge.id,
                               discharge.organization_id,
                               discharge.client_id,
                               discharge.case_id,
                               f.discharged_at,
                               f.destination,
                               text_or_null(f.destination_details),
                               text_or_null(f.services_arranged),
                               std::int64_t{f.family_education_done ? 1 : 0},
                               text_or_null(f.notes),
                               discharge.created_by,
                               discharge.created_at};
    CB_TRY(
        connection.execute("INSERT INTO discharges (id, organization_id, client_id, case_id, discharged_at, "
                           "destination, destination_details, services_arranged, family_education_done, notes, "
                           "created_by, created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                           params));
    const auto at = discharge.created_at;
    const SqlValue update[] = {at, at, record.id, expected_case_version};
    CB_TRY(expect_one_row(connection.execute("UPDATE cases SET status = 'discharged', status_changed_at = ?, "
                                             "updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
                                             update),
                          "case", expected_case_version));
    CB_TRY(append_case_history(connection, record.id, case_status_name(record.status), CaseStatus::Discharged, actor,
                               "discharged to " + f.destination, at));
    CB_TRY_ASSIGN(rules, program_clock_rules(connection, record.program_id));
    const auto discharged = parse_timestamp(f.discharged_at).value_or(now);
    CB_TRY(create_rule_task(connection, actor, record, ClockRule::PostDischargeCheckIn, discharge.id,
                            "Post-discharge check-in call", discharged + std::chrono::hours(rules.check_in_hours),
                            "high", now));
    // A readmission-risk screen of the last 30 days that asked for an early follow-up.
    const SqlValue risk[] = {discharge.client_id, format_timestamp(now - std::chrono::days(30))};
    CB_TRY_ASSIGN(early, connection.query("SELECT 1 FROM assessments a JOIN assessment_flags f ON f.assessment_id = "
                                          "a.id WHERE a.client_id = ? AND a.superseded_by IS NULL AND a.completed_at "
                                          ">= ? AND f.action = 'early_follow_up'",
                                          risk));
    if (!early.empty()) {
      CB_TRY(mark_early_follow_up(connection, discharge.id, f.discharged_at, record.program_id, now));
    }
    CB_TRY(append_audit(connection, actor, {"discharge.create", "discharge", discharge.id, discharge.client_id}, now));
    return discharge;
  });
}

Result<std::vector<Discharge>> SqlStore::list_discharges(const Actor& actor, std::string_view client_id,
                                                         Timestamp now) {
  return read_client_records<Discharge>(
      actor, client_id, now, "discharge.list", "discharge",
      [&](SqlConnection& connection, const std::string& case_filter) -> Result<std::vector<Discharge>> {
        const SqlValue params[] = {std::string(client_id), actor.organization_id};
        CB_TRY_ASSIGN(rows, connection.query("SELECT " + std::string(kDischargeColumns) +
                                                 " FROM discharges WHERE client_id = ? AND organization_id = ?" +
                                                 case_filter + " ORDER BY discharged_at DESC, id",
                                             params));
        std::vector<Discharge> found;
        for (const auto& row : rows) {
          found.push_back(discharge_from_row(row));
          CB_TRY(load_readmissions(connection, found.back()));
        }
        return found;
      });
}

Result<Discharge> SqlStore::record_check_in(const Actor& actor, std::string_view discharge_id,
                                            std::int64_t expected_version, CheckIn check_in, Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<Discharge> {
    CB_TRY_ASSIGN(found, load_discharge(connection, actor, now, discharge_id));
    Discharge discharge = std::move(found.discharge);
    if (discharge.version != expected_version) {
      return fail(stale_version("discharge", expected_version, discharge.version));
    }
    if (discharge.check_in) return fail(ErrorCode::FailedPrecondition, "the check-in was recorded already", "check_in");
    check_in.at = format_timestamp(now);
    check_in.by = actor.user_id;
    discharge.check_in = check_in;
    discharge.version += 1;
    const SqlValue params[] = {check_in.at,
                               check_in.by,
                               std::int64_t{check_in.health_status_changed ? 1 : 0},
                               std::int64_t{check_in.satisfaction},
                               text_or_null(check_in.notes),
                               discharge.version,
                               discharge.id,
                               expected_version};
    CB_TRY(expect_one_row(connection.execute("UPDATE discharges SET check_in_at = ?, check_in_by = ?, "
                                             "health_status_changed = ?, satisfaction = ?, check_in_notes = ?, "
                                             "version = ? WHERE id = ? AND version = ?",
                                             params),
                          "discharge", expected_version));
    CB_TRY(close_rule_task(connection, actor, ClockRule::PostDischargeCheckIn, discharge.id, now));
    CB_TRY(
        append_audit(connection, actor, {"discharge.check_in", "discharge", discharge.id, discharge.client_id}, now));
    return discharge;
  });
}

Result<Discharge> SqlStore::record_readmission(const Actor& actor, std::string_view discharge_id,
                                               Readmission readmission, Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<Discharge> {
    CB_TRY_ASSIGN(found, load_discharge(connection, actor, now, discharge_id));
    Discharge discharge = std::move(found.discharge);
    CB_TRY_ASSIGN(valid, validate_readmission(std::move(readmission),
                                              parse_timestamp(discharge.fields.discharged_at).value_or(now), now));
    valid.id = security::random_id("ra");
    const SqlValue params[] = {valid.id,
                               actor.organization_id,
                               discharge.id,
                               valid.admitted_at,
                               valid.facility,
                               valid.reason,
                               std::int64_t{valid.days_after_discharge},
                               std::int64_t{valid.within_30_days ? 1 : 0},
                               actor.user_id,
                               format_timestamp(now)};
    CB_TRY(
        connection.execute("INSERT INTO readmissions (id, organization_id, discharge_id, admitted_at, facility, "
                           "reason, days_after_discharge, within_30_days, recorded_by, created_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           params));
    CB_TRY(append_audit(connection, actor, {"discharge.readmission", "discharge", discharge.id, discharge.client_id},
                        now));
    discharge.readmissions.push_back(std::move(valid));
    return discharge;
  });
}

}  // namespace caseboard::store
