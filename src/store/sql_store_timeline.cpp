// The client chart: every record of the client's cases as one timeline, with what is due.
#include <set>

#include "store/sql_store.hpp"

namespace caseboard::store {
namespace {

struct EventSource {
  std::string_view kind;
  std::string_view sql;  // selects at, id, case_id, title, status; "?" client, organization; case filter appended
};

// One query per kind of record; the titles say what happened without opening the record.
constexpr EventSource kEventSources[] = {
    {"referral",
     "SELECT received_at, id, case_id, 'Referral from ' || source || ' (' || priority || ')', status FROM referrals "
     "WHERE client_id = ? AND organization_id = ?"},
    {"first_contact",
     "SELECT first_contact_at, id, case_id, 'First contact by ' || REPLACE(first_contact_method, '_', ' '), 'done' "
     "FROM referrals "
     "WHERE client_id = ? AND organization_id = ? AND first_contact_at IS NOT NULL"},
    {"note",
     "SELECT service_at, id, case_id, 'Progress note: ' || REPLACE(contact_type, '_', ' '), status FROM notes WHERE "
     "client_id = ? AND "
     "organization_id = ?"},
    {"appointment",
     "SELECT starts_at, id, case_id, 'Appointment: ' || REPLACE(kind, '_', ' '), status FROM appointments WHERE "
     "client_id = ? AND "
     "organization_id = ?"},
    {"referral_out",
     "SELECT created_at, id, case_id, 'Referral to ' || provider_name || ' for ' || service, status FROM "
     "referrals_out WHERE client_id = ? AND organization_id = ?"},
    {"incident",
     "SELECT occurred_at, id, case_id, 'Incident: ' || REPLACE(type, '_', ' ') || ' (' || severity || ')', status FROM "
     "incidents WHERE "
     "client_id = ? AND organization_id = ?"},
    {"plan_review",
     "SELECT reviewed_at, id, case_id, 'Care plan review', 'done' FROM plan_reviews WHERE client_id = ? AND "
     "organization_id = ?"},
    {"discharge",
     "SELECT discharged_at, id, case_id, 'Discharged to ' || REPLACE(destination, '_', ' '), 'done' FROM discharges "
     "WHERE client_id = ? "
     "AND organization_id = ?"},
    // `check_in_at || ''` is ordered as an expression, which no index provides: ordered by the bare
    // column, SQLite without statistics walked the whole organization's check-in index
    // (organization_id, check_in_at) for its order instead of reading the client's discharges
    // (seconds at a million clients).
    {"check_in",
     "SELECT check_in_at || '', id, case_id, 'Post-discharge check-in (satisfaction ' || satisfaction || '/5)', 'done' "
     "FROM discharges WHERE client_id = ? AND organization_id = ? AND check_in_at IS NOT NULL"},
    {"readmission",
     "SELECT r.admitted_at, r.id, d.case_id, 'Readmitted to ' || r.facility, CASE WHEN r.within_30_days = 1 THEN "
     "'within_30_days' ELSE 'later' END FROM readmissions r JOIN discharges d ON d.id = r.discharge_id WHERE "
     "d.client_id = ? AND d.organization_id = ?"},
    {"case_status",
     "SELECT h.at, h.case_id, h.case_id, 'Case ' || COALESCE(REPLACE(h.from_status, '_', ' ') || ' → ', 'opened at ') "
     "|| REPLACE(h.to_status, '_', ' '), "
     "h.to_status FROM case_status_history h JOIN cases k ON k.id = h.case_id WHERE k.client_id = ? AND "
     "k.organization_id = ?"},
};

}  // namespace

Result<Timeline> SqlStore::client_timeline(const Actor& actor, std::string_view client_id, Timestamp now) {
  std::string grant_reason;
  CB_TRY_ASSIGN(timeline, read([&](SqlConnection& connection) -> Result<Timeline> {
                  CB_TRY_ASSIGN(reason, require_client_access(connection, actor, now, client_id));
                  grant_reason = std::move(reason);
                  CB_TRY_ASSIGN(filter, restricted_case_filter(connection, actor, now, client_id));
                  Timeline result;
                  // What is due, from the clocks of the client's cases.
                  std::vector<SqlValue> case_params{std::string(client_id), actor.organization_id};
                  std::string condition = "c.client_id = ? AND c.organization_id = ?";
                  if (!filter.empty()) condition += " AND c.restricted = 0";
                  CB_TRY_ASSIGN(due, derive_case_clocks(connection, condition, case_params, now));
                  result.due = std::move(due);
                  std::set<std::string> overdue_records;
                  for (const auto& item : result.due) {
                    if (item.overdue) overdue_records.insert(item.record_id);
                  }
                  // Every record as an event (a restricted case's records only for those it is disclosed to).
                  for (const auto& source : kEventSources) {
                    std::string sql(source.sql);
                    if (!filter.empty()) {
                      const auto column = source.kind == "readmission"   ? "d.case_id"
                                          : source.kind == "case_status" ? "h.case_id"
                                                                         : "case_id";
                      sql += " AND " + std::string(column) + " NOT IN (SELECT id FROM cases WHERE restricted = 1)";
                    }
                    // Newest first here too, so events of the same second keep that order after the merge.
                    sql += source.kind == "case_status" ? " ORDER BY h.at DESC, h.sequence DESC" : " ORDER BY 1 DESC";
                    CB_TRY_ASSIGN(rows, connection.query(sql, case_params));
                    for (const auto& row : rows) {
                      result.events.push_back({std::string(source.kind), row.text(0), row.text(1), row.text(2),
                                               row.text(3), row.text(4),
                                               source.kind != "case_status" && overdue_records.contains(row.text(1))});
                    }
                  }
                  order_timeline(result.events);
                  return result;
                }));
  CB_TRY(record_event(actor, {"client.timeline", "client", client_id, client_id, "success", {}, grant_reason}, now));
  return timeline;
}

}  // namespace caseboard::store
