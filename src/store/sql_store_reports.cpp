// Reports: reads the facts of one scope and period (one query per kind of record, aggregated per
// case where the figure only needs counts), then lets core compute the figures and drill-downs.
#include <algorithm>
#include <cmath>
#include <iterator>
#include <set>
#include <span>
#include <unordered_map>

#include "core/access.hpp"
#include "core/case_status.hpp"
#include "core/report.hpp"
#include "store/sql_store.hpp"

namespace caseboard::store {

namespace {

using namespace std::chrono;

constexpr std::string_view kCaseColumns = "c.id, c.client_id, c.program_id, COALESCE(c.case_manager_id, '')";
constexpr std::string_view kGroupByCase = " GROUP BY c.id, c.client_id, c.program_id, c.case_manager_id";
constexpr std::string_view kJoinProgram = "JOIN programs p ON p.id = c.program_id";

std::string case_columns_and(std::string_view more) {
  return std::string(kCaseColumns) + ", " + std::string(more);
}

double hours_between(Timestamp from, Timestamp to) {
  return double((to - from).count()) / 3600.0;
}

// The SQL that limits a row source to the scope: "AND ..." over its program and case-manager columns.
struct ScopeSql {
  std::string condition;
  std::vector<SqlValue> params;
};

ScopeSql scope_sql(const ReportScope& scope, const std::string& program_column, const std::string& manager_column) {
  ScopeSql sql;
  if (scope.program_id) {
    sql.condition += " AND " + program_column + " = ?";
    sql.params.emplace_back(*scope.program_id);
  }
  if (scope.team_supervisor_id) {
    // By id and by supervisor (two index lookups; the supervisor was found in the actor's
    // organization, and every row is of that organization anyway): with the organization's id
    // here, SQLite without statistics walked every user of the organization.
    sql.condition += " AND " + manager_column + " IN (SELECT t.id FROM users t WHERE t.id = ? OR t.supervisor_id = ?)";
    sql.params.insert(sql.params.end(), {*scope.team_supervisor_id, *scope.team_supervisor_id});
  }
  if (scope.case_manager_id) {
    sql.condition += " AND " + manager_column + " = ?";
    sql.params.emplace_back(*scope.case_manager_id);
  }
  return sql;
}

// The period's bounds as the columns hold them.
struct Window {
  ReportPeriod period;
  Timestamp now;
  std::string from;
  std::string to;
  std::string from_date;
  std::string to_date;
};

Window window_of(const ReportPeriod& period, Timestamp now) {
  return {period,
          now,
          format_timestamp(period.from),
          format_timestamp(period.to),
          format_date(date_of(period.from)),
          format_date(date_of(period.to))};
}

// What the documentation checks need to know of each case open in the period.
struct CaseState {
  std::uint32_t subject = 0;
  Timestamp opened_at;
  std::optional<Timestamp> ended_at;
  int plan_review_days = 30;
  bool has_plan = false;
  bool plan_agreed = false;
  std::int64_t goals = 0;
  std::int64_t measurable_goals = 0;
  std::int64_t late_notes = 0;
  std::vector<Timestamp> reviews;
};

// The records a fact is read from: the table with its alias, and the column that places a record in
// a period.
struct Records {
  std::string_view table;
  std::string_view alias;
  std::string_view time_column;
};

// The facts of a report are the records of the scope's cases that were not closed before the period
// began, each placed in the period by its own time; the caseload and audit readiness count those of
// the cases opened before the period ended. The organization's report reads the period's records by organization and
// time and joins their cases; a program's, a team's or a case manager's reads its cases first, then their records by
// case and time, so that it costs what the scope holds rather than what the organization holds.
class FactsReader {
 public:
  FactsReader(SqlConnection& connection, const Actor& actor, const ReportScope& scope, const Window& window)
      : connection_(connection),
        actor_(actor),
        scope_(scope),
        window_(window),
        cases_scope_(scope_sql(scope, "c.program_id", "c.case_manager_id")),
        whole_organization_(!scope.program_id && !scope.team_supervisor_id && !scope.case_manager_id) {}

  Result<ReportFacts> read() {
    CB_TRY(read_cases());
    CB_TRY(read_plan_reviews());
    CB_TRY(read_referrals());
    CB_TRY(read_referrals_out());
    CB_TRY(read_notes());
    CB_TRY(read_incidents());
    CB_TRY(read_goals());
    CB_TRY(read_discharges());
    CB_TRY(read_services());
    add_documentation_checks();
    return std::move(facts_);
  }

 private:
  std::uint32_t subject(const std::string& case_id, const std::string& referral_id, const std::string& client_id,
                        const std::string& program_id, const std::string& manager_id) {
    const auto key = case_id.empty() ? "referral:" + referral_id : case_id;
    const auto [found, added] = index_.try_emplace(key, std::uint32_t(facts_.subjects.size()));
    if (added) {
      facts_.subjects.push_back({case_id, referral_id, client_id, program_id, manager_id});
    } else if (!referral_id.empty() && facts_.subjects[found->second].referral_id.empty()) {
      // The referral's case was read first (it is open in the period): the referral still names it.
      facts_.subjects[found->second].referral_id = referral_id;
    }
    return found->second;
  }
  // A row whose first four columns are kCaseColumns.
  std::uint32_t case_subject(const SqlRow& row) {
    return subject(row.text(0), {}, row.text(1), row.text(2), row.text(3));
  }

  void observe(Metric metric, std::uint32_t who, double value, double weight, std::string detail = {}) {
    facts_.observations.push_back({metric, who, value, weight, std::move(detail)});
  }

  // SELECT `columns` of the records joined to their case `c` (then `joins`) whose time falls in
  // [from, to), of the report's cases; `conditions` ("AND ...") and `rest` (GROUP BY, ORDER BY) follow.
  Result<std::vector<SqlRow>> over_period(std::string_view columns, const Records& records, std::string_view joins,
                                          std::string_view conditions, std::string_view rest, const std::string& from,
                                          const std::string& to) {
    const auto head = "SELECT " + std::string(columns) + " FROM " + std::string(records.table) +
                      " JOIN cases c ON c.id = " + std::string(records.alias) + ".case_id " + std::string(joins) +
                      " WHERE ";
    const auto time = std::string(records.time_column);
    const auto tail = " AND " + time + " >= ? AND " + time + " < ? " + std::string(conditions) + std::string(rest);
    if (whole_organization_) {
      const SqlValue params[] = {actor_.organization_id, window_.from, from, to};
      return connection_.query(head + std::string(records.alias) +
                                   ".organization_id = ? AND (c.status <> 'closed' OR c.status_changed_at >= ?)" + tail,
                               params);
    }
    // The cases' ids as parameters, a few thousand a query (well inside either database's limit).
    constexpr std::size_t kChunk = 5000;
    std::vector<SqlRow> rows;
    for (std::size_t start = 0; start < case_ids_.size(); start += kChunk) {
      const auto end = std::min(case_ids_.size(), start + kChunk);
      std::vector<SqlValue> params(case_ids_.begin() + std::ptrdiff_t(start), case_ids_.begin() + std::ptrdiff_t(end));
      params.insert(params.end(), {from, to});
      CB_TRY_ASSIGN(chunk, connection_.query(head + std::string(records.alias) + ".case_id IN (" +
                                                 placeholders(end - start) + ")" + tail,
                                             params));
      std::move(chunk.begin(), chunk.end(), std::back_inserter(rows));
    }
    return rows;
  }

  // The scope's cases not closed before the period (those opened after it are left out of the
  // caseload by read_cases, but their records dated in the period count). The organization's
  // are found by status (those still open, then those closed since the period began); a program's,
  // team's or case manager's by its own index (all the cases it ever had), where the statuses would
  // have walked every open case of the organization.
  Result<std::vector<SqlRow>> select_cases() {
    const std::string head =
        "SELECT " + std::string(kCaseColumns) +
        ", cl.risk_level, c.opened_at, CASE WHEN c.status = 'closed' THEN c.status_changed_at END, d.discharged_at, "
        "p.plan_review_days, CASE WHEN cp.case_id IS NULL THEN 0 ELSE 1 END, CASE WHEN cp.agreed_version IS NULL "
        "THEN 0 ELSE 1 END, (SELECT COUNT(*) FROM care_plan_goals g WHERE g.case_id = c.id), (SELECT "
        "COALESCE(SUM(g.measurable), 0) FROM care_plan_goals g WHERE g.case_id = c.id) FROM cases c JOIN clients cl "
        "ON cl.id = c.client_id JOIN programs p ON p.id = c.program_id LEFT JOIN discharges d ON d.case_id = c.id "
        "LEFT JOIN care_plans cp ON cp.case_id = c.id WHERE c.organization_id = ?";
    if (!whole_organization_) {
      std::vector<SqlValue> params{actor_.organization_id, window_.from};
      params.insert(params.end(), cases_scope_.params.begin(), cases_scope_.params.end());
      return connection_.query(
          head + " AND (c.status <> 'closed' OR c.status_changed_at >= ?)" + cases_scope_.condition, params);
    }
    std::vector<SqlValue> open_params{actor_.organization_id};
    std::size_t open_statuses = 0;
    for (const auto status : all_case_statuses()) {
      if (status == CaseStatus::Closed) continue;
      open_params.emplace_back(std::string(case_status_name(status)));
      open_statuses += 1;
    }
    CB_TRY_ASSIGN(rows,
                  connection_.query(head + " AND c.status IN (" + placeholders(open_statuses) + ")", open_params));
    const SqlValue closed_params[] = {actor_.organization_id, window_.from};
    CB_TRY_ASSIGN(closed,
                  connection_.query(head + " AND c.status = 'closed' AND c.status_changed_at >= ?", closed_params));
    std::move(closed.begin(), closed.end(), std::back_inserter(rows));
    return rows;
  }

  Result<void> read_cases() {
    CB_TRY_ASSIGN(rows, select_cases());
    for (const auto& row : rows) {
      if (!whole_organization_) case_ids_.emplace_back(row.text(0));
      const auto opened = parse_timestamp(row.text(5));
      // A case opened after the period has no place in its caseload or documentation checks; its
      // records dated in the period (a first contact before the case was opened) still count.
      if (!opened || *opened >= window_.period.to) continue;
      std::optional<Timestamp> ended;
      for (const std::size_t column : {std::size_t{6}, std::size_t{7}}) {
        if (const auto at = parse_timestamp(row.text(column)); at && (!ended || *at < *ended)) ended = at;
      }
      if (ended && *ended < window_.period.from) continue;  // discharged before the period
      const auto who = case_subject(row);
      if (!ended || *ended >= window_.period.to) {
        observe(Metric::Caseload, who, 1, 1);
        observe(Metric::AcuityWeightedCaseload, who, acuity_weight(row.text(4)), 1, row.text(4));
      }
      CaseState state;
      state.subject = who;
      state.opened_at = *opened;
      state.ended_at = ended;
      state.plan_review_days = int(row.integer(8));
      state.has_plan = row.boolean(9);
      state.plan_agreed = row.boolean(10);
      state.goals = row.integer(11);
      state.measurable_goals = row.integer(12);
      case_states_.emplace(row.text(0), std::move(state));
    }
    return {};
  }

  Result<void> read_plan_reviews() {
    int longest = 30;
    for (const auto& [id, state] : case_states_) longest = std::max(longest, state.plan_review_days);
    const auto since = format_timestamp(window_.period.from - days{longest});
    CB_TRY_ASSIGN(rows, over_period("r.case_id, r.reviewed_at", {"plan_reviews r", "r", "r.reviewed_at"}, "", "",
                                    " ORDER BY r.case_id, r.reviewed_at", since, window_.to));
    for (const auto& row : rows) {
      const auto found = case_states_.find(row.text(0));
      const auto at = parse_timestamp(row.text(1));
      if (found != case_states_.end() && at) found->second.reviews.push_back(*at);
    }
    for (auto& [id, state] : case_states_) {
      // Every review restarts the interval, so a due in the period has its start (the opening or a
      // review) no earlier than one interval before the period.
      const auto window_start = window_.period.from - days{state.plan_review_days};
      auto start = state.opened_at;
      std::vector<Timestamp> reviews;
      for (const auto at : state.reviews) {
        if (at >= window_start) reviews.push_back(at);
      }
      if (start < window_start) {
        if (reviews.empty()) continue;
        start = reviews.front();
        reviews.erase(reviews.begin());
      }
      for (const auto& due : plan_reviews_due(start, state.ended_at, reviews, state.plan_review_days,
                                              window_.period.from, window_.period.to, window_.now)) {
        observe(Metric::PlanReviewsOnTime, state.subject, due.met ? 1 : 0, 1,
                (due.met ? "reviewed by " : "not reviewed by ") + format_timestamp(due.due_at));
        if (!due.met) missed_reviews_[state.subject] += 1;
      }
    }
    return {};
  }

  Result<void> read_referrals() {
    const auto scope = scope_sql(scope_, "r.program_id", "r.case_manager_id");
    std::vector<SqlValue> params{actor_.organization_id, window_.from, window_.to};
    params.insert(params.end(), scope.params.begin(), scope.params.end());
    CB_TRY_ASSIGN(rows,
                  connection_.query(
                      "SELECT r.id, COALESCE(r.case_id, ''), r.client_id, r.program_id, COALESCE(r.case_manager_id, "
                      "''), r.received_at, r.first_contact_at, r.status, p.first_contact_hours FROM referrals r "
                      "JOIN programs p ON p.id = r.program_id WHERE r.organization_id = ? AND r.received_at >= ? "
                      "AND r.received_at < ?" +
                          scope.condition,
                      params));
    for (const auto& row : rows) {
      const auto who = subject(row.text(1), row.text(0), row.text(2), row.text(3), row.text(4));
      observe(Metric::NewReferralsPerWeek, who, 1, 1, row.text(7));
      const auto received = parse_timestamp(row.text(5));
      if (!received || row.text(7) == "declined") continue;
      const auto limit = double(row.integer(8));
      if (const auto contact = parse_timestamp(row.text(6))) {
        const auto hours = hours_between(*received, *contact);
        observe(Metric::TimeToServiceMedian, who, hours, 1);
        observe(Metric::TimeToServiceP90, who, hours, 1);
        observe(Metric::FirstContactOnTime, who, hours <= limit ? 1 : 0, 1, fixed_hours(hours) + " to first contact");
      } else if (hours_between(*received, window_.now) > limit) {
        observe(Metric::FirstContactOnTime, who, 0, 1, "no first contact yet");
      }
    }
    return {};
  }

  // Rates of records that must be done within a program's hours: met when done in time, missed
  // when done late or when the time ran out with nothing done, left out while time remains.
  void observe_clock(Metric metric, std::uint32_t who, Timestamp started, std::optional<Timestamp> done,
                     double limit_hours, std::string_view what) {
    if (done) {
      const auto hours = hours_between(started, *done);
      observe(metric, who, hours <= limit_hours ? 1 : 0, 1, std::string(what) + " after " + fixed_hours(hours));
    } else if (hours_between(started, window_.now) > limit_hours) {
      observe(metric, who, 0, 1, "no " + std::string(what) + " yet");
    }
  }

  static std::string fixed_hours(double hours) {
    const auto tenths = std::llround(hours * 10);
    return std::to_string(tenths / 10) + "." + std::to_string(std::llabs(tenths % 10)) + " h";
  }

  Result<void> read_referrals_out() {
    CB_TRY_ASSIGN(rows,
                  over_period(case_columns_and("o.sent_at, o.followed_up_at, o.responded_at, "
                                               "p.referral_follow_up_hours"),
                              {"referrals_out o", "o", "o.sent_at"}, kJoinProgram, "", "", window_.from, window_.to));
    for (const auto& row : rows) {
      const auto sent = parse_timestamp(row.text(4));
      if (!sent) continue;
      std::optional<Timestamp> done;
      for (const std::size_t column : {std::size_t{5}, std::size_t{6}}) {
        if (const auto at = parse_timestamp(row.text(column)); at && (!done || *at < *done)) done = at;
      }
      observe_clock(Metric::ReferralFollowUpsOnTime, case_subject(row), *sent, done, double(row.integer(7)),
                    "follow-up");
    }
    return {};
  }

  Result<void> read_notes() {
    CB_TRY_ASSIGN(signed_rows, over_period(case_columns_and("COUNT(*), SUM(CASE WHEN n.late = 0 THEN 1 ELSE 0 END)"),
                                           {"notes n", "n", "n.service_at"}, "", "AND n.status = 'signed'",
                                           kGroupByCase, window_.from, window_.to));
    std::unordered_map<std::uint32_t, std::pair<double, double>> per_case;  // on time, due
    for (const auto& row : signed_rows) {
      auto& counts = per_case[case_subject(row)];
      counts.first += double(row.integer(5));
      counts.second += double(row.integer(4));
    }
    CB_TRY_ASSIGN(drafts, over_period(case_columns_and("n.service_at, p.note_hours"), {"notes n", "n", "n.service_at"},
                                      kJoinProgram, "AND n.status <> 'signed'", "", window_.from, window_.to));
    for (const auto& row : drafts) {
      const auto service = parse_timestamp(row.text(4));
      if (service && hours_between(*service, window_.now) > double(row.integer(5)))
        per_case[case_subject(row)].second += 1;
    }
    for (const auto& [who, counts] : per_case) {
      const auto late = std::llround(counts.second - counts.first);
      observe(Metric::NotesOnTime, who, counts.first, counts.second,
              late > 0 ? std::to_string(late) + " of " + std::to_string(std::llround(counts.second)) + " late" : "");
      late_notes_[who] += late;
    }
    return {};
  }

  Result<void> read_incidents() {
    CB_TRY_ASSIGN(rows,
                  over_period(case_columns_and("i.occurred_at, i.documented_at, p.incident_hours"),
                              {"incidents i", "i", "i.occurred_at"}, kJoinProgram, "", "", window_.from, window_.to));
    for (const auto& row : rows) {
      const auto occurred = parse_timestamp(row.text(4));
      if (!occurred) continue;
      observe_clock(Metric::IncidentsOnTime, case_subject(row), *occurred, parse_timestamp(row.text(5)),
                    double(row.integer(6)), "report");
    }
    return {};
  }

  Result<void> read_goals() {
    CB_TRY_ASSIGN(rows,
                  over_period(case_columns_and("COUNT(*), SUM(CASE WHEN g.status = 'achieved' THEN 1 ELSE 0 END)"),
                              {"care_plan_goals g", "g", "g.due_date"}, "", "", kGroupByCase, window_.from_date,
                              window_.to_date));
    for (const auto& row : rows) {
      const auto due = row.integer(4);
      const auto achieved = row.integer(5);
      observe(Metric::GoalCompletion, case_subject(row), double(achieved), double(due),
              std::to_string(achieved) + " of " + std::to_string(due) + " achieved");
    }
    return {};
  }

  Result<void> read_discharges() {
    CB_TRY_ASSIGN(rows, over_period(case_columns_and("d.destination, CASE WHEN EXISTS (SELECT 1 FROM readmissions m "
                                                     "WHERE m.discharge_id = d.id AND m.within_30_days = 1) THEN 1 "
                                                     "ELSE 0 END"),
                                    {"discharges d", "d", "d.discharged_at"}, "", "", "", window_.from, window_.to));
    for (const auto& row : rows) {
      const auto who = case_subject(row);
      observe(Metric::Discharges, who, 1, 1, row.text(4));
      observe(Metric::Readmissions30Day, who, row.boolean(5) ? 1 : 0, 1,
              row.boolean(5) ? "readmitted within 30 days" : "");
    }
    CB_TRY_ASSIGN(check_ins, over_period(case_columns_and("d.satisfaction"), {"discharges d", "d", "d.check_in_at"}, "",
                                         "AND d.satisfaction IS NOT NULL", "", window_.from, window_.to));
    for (const auto& row : check_ins) {
      observe(Metric::Satisfaction, case_subject(row), double(row.integer(4)), 1);
    }
    return {};
  }

  Result<void> read_services() {
    CB_TRY_ASSIGN(visits,
                  over_period(case_columns_and("SUM(CASE WHEN a.status = 'attended' THEN 1 ELSE 0 END), SUM(CASE "
                                               "WHEN a.status = 'no_show' THEN 1 ELSE 0 END), SUM(CASE WHEN a.status "
                                               "= 'attended' THEN COALESCE(a.cost_cents, 0) ELSE 0 END)"),
                              {"appointments a", "a", "a.starts_at"}, "", "AND a.status IN ('attended', 'no_show')",
                              kGroupByCase, window_.from, window_.to));
    std::unordered_map<std::uint32_t, std::pair<double, double>> services;  // count, cents
    for (const auto& row : visits) {
      const auto who = case_subject(row);
      const auto attended = double(row.integer(4));
      const auto no_shows = double(row.integer(5));
      observe(Metric::NoShowRate, who, no_shows, attended + no_shows,
              no_shows > 0 ? std::to_string(std::llround(no_shows)) + " no-show" : "");
      if (attended > 0) {
        services[who].first += attended;
        services[who].second += double(row.integer(6));
      }
    }
    CB_TRY_ASSIGN(completed, over_period(case_columns_and("COUNT(*), SUM(COALESCE(o.cost_cents, 0))"),
                                         {"referrals_out o", "o", "o.completed_at"}, "", "AND o.status = 'completed'",
                                         kGroupByCase, window_.from, window_.to));
    for (const auto& row : completed) {
      auto& totals = services[case_subject(row)];
      totals.first += double(row.integer(4));
      totals.second += double(row.integer(5));
    }
    for (const auto& [who, totals] : services) {
      observe(Metric::ServicesPerCase, who, totals.first, 1);
      observe(Metric::CostPerCase, who, totals.second / 100.0, 1);
    }
    return {};
  }

  // Audit readiness: the documentation checks each case open in the period passes. The plan checks
  // apply once a plan is due (one review interval after opening).
  void add_documentation_checks() {
    const auto as_of = std::min(window_.period.to, window_.now);
    for (const auto& [id, state] : case_states_) {
      std::vector<std::string> failed;
      int checks = 2;
      if (late_notes_[state.subject] > 0) failed.emplace_back("late notes");
      if (missed_reviews_[state.subject] > 0) failed.emplace_back("plan review overdue");
      if (state.opened_at + days{state.plan_review_days} <= as_of) {
        checks += 3;
        if (!state.has_plan) failed.emplace_back("no care plan");
        if (state.goals == 0 || state.measurable_goals < state.goals) failed.emplace_back("goals not measurable");
        if (!state.plan_agreed) failed.emplace_back("plan not agreed");
      }
      std::string detail;
      for (const auto& item : failed) detail += (detail.empty() ? "" : ", ") + item;
      observe(Metric::AuditReadiness, state.subject, double(checks) - double(failed.size()), double(checks), detail);
    }
  }

  SqlConnection& connection_;
  const Actor& actor_;
  const ReportScope& scope_;
  const Window& window_;
  ScopeSql cases_scope_;
  bool whole_organization_;
  std::vector<SqlValue> case_ids_;  // the report's cases, when they are read first
  ReportFacts facts_;
  std::unordered_map<std::string, std::uint32_t> index_;
  std::map<std::string, CaseState> case_states_;
  std::unordered_map<std::uint32_t, std::int64_t> late_notes_;
  std::unordered_map<std::uint32_t, std::int64_t> missed_reviews_;
};

// The scope the actor may see: a supervisor's is their team, a case manager's their own cases.
// InvalidArgument naming the parameter asking for more; NotFound for ids the organization lacks.
Result<ReportScope> narrow_scope(SqlConnection& connection, const Actor& actor, ReportScope scope) {
  // Whether the user is of the organization, and whether the actor supervises them (or is them).
  // A team is named by its supervisor (InvalidArgument naming "team" for anyone else).
  const auto find_user = [&](const std::string& id, const std::string& field) -> Result<bool> {
    const SqlValue params[] = {id, actor.organization_id};
    CB_TRY_ASSIGN(rows, connection.query("SELECT COALESCE(supervisor_id, ''), role FROM users WHERE id = ? AND "
                                         "organization_id = ?",
                                         params));
    if (rows.empty()) return fail(ErrorCode::NotFound, field + ": no such user", field);
    if (field == "team" && rows.front().text(1) != role_name(Role::Supervisor)) {
      return fail(ErrorCode::InvalidArgument, "team: a team is named by its supervisor's user id", "team");
    }
    return id == actor.user_id || rows.front().text(0) == actor.user_id;
  };
  switch (report_reach(actor.role)) {
    case ReportReach::None: return fail(ErrorCode::PermissionDenied, "your role does not allow reports");
    case ReportReach::OwnCases:
      if (scope.team_supervisor_id) {
        return fail(ErrorCode::InvalidArgument, "team: you may report on your own cases only", "team");
      }
      if (scope.case_manager_id && *scope.case_manager_id != actor.user_id) {
        return fail(ErrorCode::InvalidArgument, "case_manager: you may report on your own cases only", "case_manager");
      }
      scope.case_manager_id = actor.user_id;
      break;
    case ReportReach::OwnTeam:
      if (scope.team_supervisor_id && *scope.team_supervisor_id != actor.user_id) {
        return fail(ErrorCode::InvalidArgument, "team: you may report on your own team only", "team");
      }
      scope.team_supervisor_id = actor.user_id;
      break;
    case ReportReach::Organization: break;
  }
  if (scope.program_id) {
    const SqlValue params[] = {*scope.program_id, actor.organization_id};
    CB_TRY_ASSIGN(rows, connection.query("SELECT 1 FROM programs WHERE id = ? AND organization_id = ?", params));
    if (rows.empty()) return fail(ErrorCode::NotFound, "program: no such program", "program");
  }
  if (scope.team_supervisor_id) CB_TRY(find_user(*scope.team_supervisor_id, "team"));
  if (scope.case_manager_id) {
    CB_TRY_ASSIGN(supervised, find_user(*scope.case_manager_id, "case_manager"));
    if (report_reach(actor.role) == ReportReach::OwnTeam && !supervised) {
      return fail(ErrorCode::InvalidArgument, "case_manager: you may report on your own team only", "case_manager");
    }
  }
  return scope;
}

std::string describe(const ReportScope& scope, const ReportPeriod& period) {
  std::string text = "period=" + period.label;
  if (scope.program_id) text += " program=" + *scope.program_id;
  if (scope.team_supervisor_id) text += " team=" + *scope.team_supervisor_id;
  if (scope.case_manager_id) text += " case_manager=" + *scope.case_manager_id;
  return text;
}

}  // namespace

Result<ReportResult> SqlStore::report(const Actor& actor, const ReportScope& scope, const ReportPeriod& period,
                                      Timestamp now) {
  CB_TRY(authorize(actor, Permission::ReadReports));
  const auto window = window_of(period, now);
  ReportScope narrowed;
  CB_TRY_ASSIGN(facts, read([&](SqlConnection& connection) -> Result<ReportFacts> {
                  CB_TRY_ASSIGN(allowed, narrow_scope(connection, actor, scope));
                  narrowed = std::move(allowed);
                  return FactsReader(connection, actor, narrowed, window).read();
                }));
  auto result = compute_report(facts, period);
  const auto detail = describe(narrowed, period);
  CB_TRY(record_event(actor, {"report.read", "report", {}, {}, "success", detail}, now));
  return result;
}

Result<ReportCases> SqlStore::report_cases(const Actor& actor, const ReportScope& scope, const ReportPeriod& period,
                                           const std::vector<DrillDownFilter>& filters, int limit, Timestamp now,
                                           std::string_view audit_action, std::string_view audit_detail) {
  CB_TRY(authorize(actor, Permission::ReadReports));
  const auto window = window_of(period, now);
  ReportScope narrowed;
  CB_TRY_ASSIGN(
      cases, read([&](SqlConnection& connection) -> Result<ReportCases> {
        CB_TRY_ASSIGN(allowed, narrow_scope(connection, actor, scope));
        narrowed = std::move(allowed);
        CB_TRY_ASSIGN(facts, FactsReader(connection, actor, narrowed, window).read());
        std::vector<std::pair<Metric, const Observation*>> chosen;
        for (const auto& filter : filters) {
          int taken = 0;
          for (const auto* observation : drill_down(facts, filter)) {
            if (taken++ >= limit) break;
            chosen.emplace_back(filter.metric, observation);
          }
        }
        // What the actor may see of each client and case behind the rows.
        std::vector<SqlValue> client_ids;
        std::set<std::string> seen;
        for (const auto& [metric, observation] : chosen) {
          const auto& client = facts.subjects[observation->subject].client_id;
          if (seen.insert(client).second) client_ids.emplace_back(client);
        }
        struct Visibility {
          std::string name;
          bool may_open = false;  // the actor works with the client (or a grant opens it)
          bool withheld = false;  // a restricted client no consent or grant names the actor for
          bool named = false;     // a consent in force or a grant names the actor
        };
        std::map<std::string, Visibility> clients;
        std::set<std::string> restricted_cases;
        constexpr std::size_t kChunk = 400;
        for (std::size_t start = 0; start < client_ids.size(); start += kChunk) {
          const auto end = std::min(client_ids.size(), start + kChunk);
          const auto chunk = std::span(client_ids).subspan(start, end - start);
          std::vector<SqlValue> params;
          const auto may_open = client_access_condition(actor, now, "cl.id", params);
          const auto withheld = client_withheld_condition(actor, now, "cl.id", params);
          params.insert(params.end(), {actor.user_id, format_timestamp(now), actor.user_id, format_timestamp(now)});
          params.insert(params.end(), chunk.begin(), chunk.end());
          CB_TRY_ASSIGN(
              rows,
              connection.query("SELECT cl.id, cl.family_name || ', ' || cl.given_name, CASE WHEN " + may_open +
                                   " THEN 1 ELSE 0 END, CASE WHEN " + withheld +
                                   " THEN 1 ELSE 0 END, CASE WHEN EXISTS (SELECT 1 FROM consents n WHERE n.client_id "
                                   "= cl.id AND n.grantee_user_id = ? AND n.revoked_at IS NULL AND (n.expires_at IS "
                                   "NULL OR n.expires_at > ?)) OR EXISTS (SELECT 1 FROM break_glass_grants g WHERE "
                                   "g.client_id = cl.id AND g.user_id = ? AND g.expires_at > ?) THEN 1 ELSE 0 END, "
                                   "cl.organization_id FROM clients cl WHERE cl.id IN (" +
                                   placeholders(chunk.size()) + ")",
                               params));
          // By id alone, the organization checked on the row: with `organization_id = ?` beside the
          // ids, SQLite without statistics scanned the organization's whole name index instead.
          for (const auto& row : rows) {
            if (row.text(5) != actor.organization_id) continue;
            clients[row.text(0)] = {row.text(1), row.boolean(2), row.boolean(3), row.boolean(4)};
          }
          std::vector<SqlValue> case_params{actor.organization_id};
          case_params.insert(case_params.end(), chunk.begin(), chunk.end());
          CB_TRY_ASSIGN(restricted, connection.query("SELECT id FROM cases WHERE organization_id = ? AND "
                                                     "restricted = 1 AND client_id IN (" +
                                                         placeholders(chunk.size()) + ")",
                                                     case_params));
          for (const auto& row : restricted) restricted_cases.insert(row.text(0));
        }
        CB_TRY_ASSIGN(names, staff_and_program_names(connection, actor.organization_id));
        ReportCases out;
        for (const auto& [metric, observation] : chosen) {
          const auto& who = facts.subjects[observation->subject];
          const auto& client = clients[who.client_id];
          // A restricted client, or a restricted case, is only listed to those a consent or a
          // grant names; for everyone else it is only counted.
          if (client.withheld || (restricted_cases.count(who.case_id) > 0 && !client.named)) {
            out.not_listed += 1;
            continue;
          }
          ReportCase row;
          row.metric = metric;
          row.case_id = who.case_id;
          row.referral_id = who.referral_id;
          row.client_id = who.client_id;
          row.withheld = !client.may_open;
          if (client.may_open) row.client_name = client.name;
          row.program_id = who.program_id;
          row.program_name = names.programs[who.program_id];
          row.case_manager_id = who.case_manager_id;
          row.case_manager_name = names.staff[who.case_manager_id];
          row.value = observation->value;
          row.weight = observation->weight;
          row.detail = observation->detail;
          out.cases.push_back(std::move(row));
        }
        return out;
      }));
  std::string detail = describe(narrowed, period);
  for (const auto& filter : filters) detail += " metric=" + std::string(metric_info(filter.metric).name);
  if (!audit_detail.empty()) detail += " " + std::string(audit_detail);
  detail += " rows=" + std::to_string(cases.cases.size());
  CB_TRY(record_event(actor, {audit_action, "report", {}, {}, "success", detail}, now));
  return cases;
}

Result<std::map<std::string, std::string>> SqlStore::staff_names(const Actor& actor) {
  return read([&](SqlConnection& connection) -> Result<std::map<std::string, std::string>> {
    CB_TRY_ASSIGN(names, staff_and_program_names(connection, actor.organization_id));
    return std::move(names.staff);
  });
}

Result<NamesOfOrganization> staff_and_program_names(SqlConnection& connection, const std::string& organization_id) {
  NamesOfOrganization names;
  const SqlValue params[] = {organization_id};
  CB_TRY_ASSIGN(staff, connection.query("SELECT id, display_name FROM users WHERE organization_id = ?", params));
  for (const auto& row : staff) names.staff[row.text(0)] = row.text(1);
  CB_TRY_ASSIGN(programs, connection.query("SELECT id, name FROM programs WHERE organization_id = ?", params));
  for (const auto& row : programs) names.programs[row.text(0)] = row.text(1);
  return names;
}

}  // namespace caseboard::store
