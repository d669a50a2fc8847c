// Completed assessments, their corrections, and what their flags set off.
#include <algorithm>

#include "security/random_id.hpp"
#include "store/sql_store.hpp"

namespace caseboard::store {
namespace {

constexpr std::string_view kAssessmentColumns =
    "id, version, organization_id, client_id, case_id, instrument_id, instrument_version, instrument_title, score, "
    "result_code, result_display, completed_at, completed_by, replaces_id, superseded_by, root_id";

Assessment assessment_from_row(const SqlRow& row) {
  Assessment assessment;
  assessment.id = row.text(0);
  assessment.version = row.integer(1);
  assessment.organization_id = row.text(2);
  assessment.client_id = row.text(3);
  assessment.case_id = row.text(4);
  assessment.instrument_id = row.text(5);
  assessment.instrument_version = row.text(6);
  assessment.instrument_title = row.text(7);
  if (!row.is_null(8)) assessment.score.total = static_cast<int>(row.integer(8));
  assessment.score.result_code = row.text(9);
  assessment.score.result_display = row.text(10);
  assessment.completed_at = row.text(11);
  assessment.completed_by = row.text(12);
  assessment.replaces_id = row.text(13);
  assessment.superseded_by = row.text(14);
  assessment.root_id = row.text(15);
  return assessment;
}

Result<void> load_details(SqlConnection& connection, Assessment& assessment) {
  const SqlValue params[] = {assessment.id};
  CB_TRY_ASSIGN(answers, connection.query("SELECT link_id, value, display, points FROM assessment_answers WHERE "
                                          "assessment_id = ? ORDER BY position",
                                          params));
  for (const auto& row : answers) {
    ScoredAnswer answer{row.text(0), row.text(1), row.text(2), std::nullopt};
    if (!row.is_null(3)) answer.points = static_cast<int>(row.integer(3));
    assessment.score.answers.push_back(std::move(answer));
  }
  CB_TRY_ASSIGN(flags, connection.query("SELECT code, display, action, need FROM assessment_flags WHERE "
                                        "assessment_id = ? ORDER BY position",
                                        params));
  for (const auto& row : flags) {
    assessment.score.flags.push_back(
        {row.text(0), row.text(1), parse_flag_action(row.text(2)).value_or(FlagAction::None), row.text(3)});
  }
  return {};
}

Result<std::optional<Assessment>> load_assessment(SqlConnection& connection, const Actor& actor,
                                                  std::string_view assessment_id) {
  const SqlValue params[] = {std::string(assessment_id), actor.organization_id};
  CB_TRY_ASSIGN(found, query_one(connection,
                                 "SELECT " + std::string(kAssessmentColumns) +
                                     " FROM assessments WHERE id = ? AND organization_id = ?",
                                 params, assessment_from_row));
  if (found) CB_TRY(load_details(connection, *found));
  return found;
}

// The case the flags' work belongs to: the assessment's own, else the client's most recent open
// case. Its manager (or the actor) gets the tasks.
Result<std::optional<CaseRef>> case_for_flags(SqlConnection& connection, const Actor& actor, Timestamp now,
                                              const Assessment& assessment) {
  std::string case_id = assessment.case_id;
  if (case_id.empty()) {
    const SqlValue params[] = {assessment.client_id, actor.organization_id};
    CB_TRY_ASSIGN(rows, connection.query("SELECT id FROM cases WHERE client_id = ? AND organization_id = ? AND "
                                         "status <> 'closed' ORDER BY opened_at DESC, id LIMIT 1",
                                         params));
    if (rows.empty()) return std::optional<CaseRef>{};
    case_id = rows.front().text(0);
  }
  CB_TRY_ASSIGN(record, require_case_access(connection, actor, now, case_id, "case_id"));
  return std::optional<CaseRef>{std::move(record)};
}

// An urgent task for the case manager and one for their supervisor, once per assessment chain.
Result<void> raise_safety_tasks(SqlConnection& connection, const Actor& actor, Timestamp now,
                                const Assessment& assessment, const FiredFlag& flag) {
  const SqlValue existing[] = {assessment.root_id};
  CB_TRY_ASSIGN(rows,
                connection.query("SELECT 1 FROM tasks WHERE rule = 'safety_plan_review' AND source_id = ?", existing));
  if (!rows.empty()) return {};
  CB_TRY_ASSIGN(found_case, case_for_flags(connection, actor, now, assessment));
  CaseRef record;
  if (found_case) {
    record = *found_case;
  } else {
    record.client_id = assessment.client_id;
  }
  const auto owner = record.case_manager_id.empty() ? actor.user_id : record.case_manager_id;
  const auto due = now + std::chrono::hours(1);
  const auto title = "Urgent: " + flag.display + " - contact the client and create or review the safety plan";
  CB_TRY(create_task_of_rule(connection, actor, record, "safety_plan_review", assessment.root_id, title, due, "urgent",
                             now, owner));
  const SqlValue supervisor_of[] = {owner};
  CB_TRY_ASSIGN(supervisors, connection.query("SELECT supervisor_id FROM users WHERE id = ? AND supervisor_id IS "
                                              "NOT NULL",
                                              supervisor_of));
  if (!supervisors.empty()) {
    CB_TRY(create_task_of_rule(connection, actor, record, "safety_plan_review", assessment.root_id,
                               "Urgent: review the safety flag (" + flag.display + ") with the case manager", due,
                               "urgent", now, supervisors.front().text(0)));
  }
  return {};
}

// The check-in of the client's discharges not yet checked in comes sooner.
Result<void> bring_check_in_forward(SqlConnection& connection, const Actor& actor, const Assessment& assessment,
                                    Timestamp now) {
  const SqlValue params[] = {assessment.client_id, actor.organization_id};
  CB_TRY_ASSIGN(rows, connection.query("SELECT d.id, d.discharged_at, k.program_id FROM discharges d JOIN cases k ON "
                                       "k.id = d.case_id WHERE d.client_id = ? AND d.organization_id = ? AND "
                                       "d.check_in_at IS NULL",
                                       params));
  for (const auto& row : rows) {
    CB_TRY(mark_early_follow_up(connection, row.text(0), row.text(1), row.text(2), now));
  }
  return {};
}

}  // namespace

Result<Assessment> SqlStore::record_assessment(const Actor& actor, Assessment assessment, Timestamp now) {
  assessment.id = security::random_id("as");
  assessment.version = 1;
  assessment.organization_id = actor.organization_id;
  assessment.completed_at = format_timestamp(now);
  assessment.completed_by = actor.user_id;
  assessment.root_id = assessment.id;
  return write([&](SqlConnection& connection) -> Result<Assessment> {
    CB_TRY(require_client_access(connection, actor, now, assessment.client_id, "client_id"));
    if (!assessment.case_id.empty()) {
      CB_TRY_ASSIGN(record, require_case_access(connection, actor, now, assessment.case_id, "case_id"));
      if (record.client_id != assessment.client_id) {
        return fail(ErrorCode::InvalidArgument, "the case is not the client's", "case_id");
      }
    }
    if (!assessment.replaces_id.empty()) {
      CB_TRY_ASSIGN(old, load_assessment(connection, actor, assessment.replaces_id));
      if (!old || old->client_id != assessment.client_id) return fail(not_found("assessment", "replaces_id"));
      if (old->instrument_id != assessment.instrument_id) {
        return fail(ErrorCode::FailedPrecondition, "a correction uses the same instrument", "replaces_id");
      }
      assessment.root_id = old->root_id;
      if (assessment.case_id.empty()) assessment.case_id = old->case_id;
      const SqlValue superseded[] = {assessment.id, old->id};
      CB_TRY_ASSIGN(changed, connection.execute("UPDATE assessments SET superseded_by = ?, version = version + 1 "
                                                "WHERE id = ? AND superseded_by IS NULL",
                                                superseded));
      if (changed != 1) {
        return fail(ErrorCode::FailedPrecondition, "that assessment was corrected already; correct the newest one",
                    "replaces_id");
      }
    }
    const auto& s = assessment.score;
    const SqlValue params[] = {assessment.id,
                               assessment.organization_id,
                               assessment.client_id,
                               text_or_null(assessment.case_id),
                               assessment.instrument_id,
                               assessment.instrument_version,
                               assessment.instrument_title,
                               s.total ? SqlValue{std::int64_t{*s.total}} : SqlValue{nullptr},
                               text_or_null(s.result_code),
                               text_or_null(s.result_display),
                               assessment.completed_at,
                               assessment.completed_by,
                               text_or_null(assessment.replaces_id),
                               assessment.root_id,
                               assessment.client_id};
    CB_TRY(connection.execute(
        "INSERT INTO assessments (id, organization_id, client_id, case_id, instrument_id, instrument_version, "
        "instrument_title, score, result_code, result_display, completed_at, completed_by, replaces_id, root_id, "
        "sequence, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(sequence), 0) + 1 "
        "FROM assessments WHERE client_id = ?), 1)",
        params));
    for (std::size_t i = 0; i < s.answers.size(); ++i) {
      const auto& answer = s.answers[i];
      const SqlValue row[] = {
          assessment.id, std::int64_t(i), answer.link_id,
          answer.value,  answer.display,  answer.points ? SqlValue{std::int64_t{*answer.points}} : SqlValue{nullptr}};
      CB_TRY(
          connection.execute("INSERT INTO assessment_answers (assessment_id, position, link_id, value, display, "
                             "points) VALUES (?, ?, ?, ?, ?, ?)",
                             row));
    }
    for (std::size_t i = 0; i < s.flags.size(); ++i) {
      const auto& flag = s.flags[i];
      const SqlValue row[] = {
          assessment.id,          std::int64_t(i), flag.code, flag.display, std::string(flag_action_name(flag.action)),
          text_or_null(flag.need)};
      CB_TRY(
          connection.execute("INSERT INTO assessment_flags (assessment_id, position, code, display, action, need) "
                             "VALUES (?, ?, ?, ?, ?, ?)",
                             row));
      if (flag.action == FlagAction::UrgentSafetyTask)
        CB_TRY(raise_safety_tasks(connection, actor, now, assessment, flag));
      if (flag.action == FlagAction::EarlyFollowUp) CB_TRY(bring_check_in_forward(connection, actor, assessment, now));
    }
    CB_TRY(propose_needs(connection, actor, assessment, now));
    CB_TRY(append_audit(connection, actor,
                        {assessment.replaces_id.empty() ? "assessment.create" : "assessment.correct", "assessment",
                         assessment.id, assessment.client_id},
                        now));
    return assessment;
  });
}

Result<void> SqlStore::propose_needs(SqlConnection& connection, const Actor& actor, const Assessment& assessment,
                                     Timestamp now) const {
  std::vector<const FiredFlag*> needs;
  for (const auto& flag : assessment.score.flags) {
    if (flag.action == FlagAction::SdohNeed) needs.push_back(&flag);
  }
  if (needs.empty()) return {};
  CB_TRY_ASSIGN(found_case, case_for_flags(connection, actor, now, assessment));
  if (!found_case || found_case->status == CaseStatus::Closed) return {};  // no plan to propose it on
  CB_TRY_ASSIGN(current, load_care_plan(connection, found_case->id));
  CarePlanContent content = current ? current->content : CarePlanContent{};
  bool added = false;
  for (const auto* flag : needs) {
    // A need of that category already proposed or being worked on is not proposed again.
    const bool present = std::any_of(content.needs.begin(), content.needs.end(), [&](const Need& need) {
      return need.category == flag->need && (need.status == "proposed" || need.status == "active");
    });
    if (present) continue;
    content.needs.push_back({"sdoh-" + flag->need + "-" + assessment.id.substr(assessment.id.size() - 6), flag->need,
                             flag->display, "proposed", "assessment " + assessment.id});
    added = true;
  }
  if (!added) return {};
  CB_TRY(write_care_plan_version(connection, actor, *found_case, current, std::move(content),
                                 "Needs proposed by the " + assessment.instrument_title, now));
  return {};
}

Result<std::vector<Assessment>> SqlStore::list_assessments(const Actor& actor, std::string_view client_id,
                                                           std::string_view instrument_id, Timestamp now) {
  return read_client_records<Assessment>(
      actor, client_id, now, "assessment.list", "assessment",
      [&](SqlConnection& connection, const std::string& case_filter) -> Result<std::vector<Assessment>> {
        std::vector<SqlValue> params{std::string(client_id), actor.organization_id};
        std::string sql = "SELECT " + std::string(kAssessmentColumns) +
                          " FROM assessments WHERE client_id = ? AND organization_id = ?";
        if (!instrument_id.empty()) {
          sql += " AND instrument_id = ?";
          params.emplace_back(std::string(instrument_id));
        }
        // Assessments tied to no case are part of the client's record; a restricted case's are withheld.
        if (!case_filter.empty()) sql += " AND (case_id IS NULL OR " + case_filter.substr(5) + ")";
        CB_TRY_ASSIGN(rows, connection.query(sql + " ORDER BY completed_at DESC, sequence DESC LIMIT 500", params));
        std::vector<Assessment> found;
        for (const auto& row : rows) {
          found.push_back(assessment_from_row(row));
          CB_TRY(load_details(connection, found.back()));
        }
        return found;
      });
}

Result<Assessment> SqlStore::get_assessment(const Actor& actor, std::string_view assessment_id, Timestamp now) {
  std::string grant_reason;
  CB_TRY_ASSIGN(assessment, read([&](SqlConnection& connection) -> Result<Assessment> {
                  CB_TRY_ASSIGN(found, load_assessment(connection, actor, assessment_id));
                  if (!found) return fail(not_found("assessment"));
                  CB_TRY_ASSIGN(reason, require_client_access(connection, actor, now, found->client_id));
                  grant_reason = std::move(reason);
                  if (!found->case_id.empty()) CB_TRY(require_case_access(connection, actor, now, found->case_id));
                  return std::move(*found);
                }));
  CB_TRY(record_event(
      actor, {"assessment.read", "assessment", assessment.id, assessment.client_id, "success", {}, grant_reason}, now));
  return assessment;
}

}  // namespace caseboard::store
