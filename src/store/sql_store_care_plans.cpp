// Care plans: each version kept whole as JSON text, the current one beside its agreement.
#include "store/care_plan_json.hpp"
#include "store/sql_store.hpp"

namespace caseboard::store {
namespace {

// The linked records of the interventions must be the case's own.
Result<void> check_links(SqlConnection& connection, const CaseRef& record, const CarePlanContent& content) {
  for (std::size_t i = 0; i < content.interventions.size(); ++i) {
    const auto& intervention = content.interventions[i];
    const std::pair<std::string_view, const std::string*> links[] = {{"tasks", &intervention.task_id},
                                                                     {"appointments", &intervention.appointment_id},
                                                                     {"referrals_out", &intervention.referral_out_id}};
    const std::string_view fields[] = {"task_id", "appointment_id", "referral_out_id"};
    for (std::size_t l = 0; l < 3; ++l) {
      const auto& id = *links[l].second;
      if (id.empty()) continue;
      const SqlValue params[] = {id, record.id};
      CB_TRY_ASSIGN(
          rows,
          connection.query("SELECT 1 FROM " + std::string(links[l].first) + " WHERE id = ? AND case_id = ?", params));
      if (rows.empty()) {
        const auto field = "interventions[" + std::to_string(i) + "]." + std::string(fields[l]);
        return fail(not_found("record of this case", field));
      }
    }
  }
  return {};
}

}  // namespace

Result<std::optional<CarePlan>> load_care_plan(SqlConnection& connection, std::string_view case_id) {
  const SqlValue params[] = {std::string(case_id)};
  CB_TRY_ASSIGN(rows, connection.query("SELECT case_id, client_id, organization_id, version, content, updated_at, "
                                       "updated_by, agreed_version, agreed_kind, agreed_name, agreed_at, "
                                       "agreement_recorded_by FROM care_plans WHERE case_id = ?",
                                       params));
  if (rows.empty()) return std::optional<CarePlan>{};
  const auto& row = rows.front();
  CarePlan plan;
  plan.case_id = row.text(0);
  plan.client_id = row.text(1);
  plan.organization_id = row.text(2);
  plan.version = row.integer(3);
  CB_TRY_ASSIGN(content, care_plan_from_json_text(row.text(4)));
  plan.content = std::move(content);
  plan.updated_at = row.text(5);
  plan.updated_by = row.text(6);
  if (!row.is_null(7)) {
    plan.agreement =
        CarePlanAgreement{static_cast<int>(row.integer(7)), row.text(8), row.text(9), row.text(10), row.text(11)};
  }
  return std::optional<CarePlan>{std::move(plan)};
}

Result<CarePlan> SqlStore::write_care_plan_version(SqlConnection& connection, const Actor& actor, const CaseRef& record,
                                                   const std::optional<CarePlan>& current, CarePlanContent content,
                                                   const std::string& note, Timestamp now) const {
  CB_TRY(check_links(connection, record, content));
  CarePlan plan;
  plan.case_id = record.id;
  plan.client_id = record.client_id;
  plan.organization_id = actor.organization_id;
  plan.version = current ? current->version + 1 : 1;
  plan.content = std::move(content);
  plan.updated_at = format_timestamp(now);
  plan.updated_by = actor.user_id;
  if (current) plan.agreement = current->agreement;  // the agreement names the version it was given to
  const auto text = care_plan_json_text(plan.content);
  if (!current) {
    const SqlValue params[] = {plan.case_id, plan.organization_id, plan.client_id, plan.version,
                               text,         plan.updated_at,      plan.updated_by};
    CB_TRY(
        connection.execute("INSERT INTO care_plans (case_id, organization_id, client_id, version, content, "
                           "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           params));
  } else {
    const SqlValue params[] = {plan.version, text, plan.updated_at, plan.updated_by, plan.case_id, current->version};
    CB_TRY(expect_one_row(connection.execute("UPDATE care_plans SET version = ?, content = ?, updated_at = ?, "
                                             "updated_by = ? WHERE case_id = ? AND version = ?",
                                             params),
                          "care plan", current->version));
  }
  const SqlValue history[] = {plan.case_id, plan.version, text, plan.updated_at, plan.updated_by, text_or_null(note)};
  CB_TRY(
      connection.execute("INSERT INTO care_plan_versions (case_id, version, content, changed_at, changed_by, note) "
                         "VALUES (?, ?, ?, ?, ?, ?)",
                         history));
  CB_TRY(write_care_plan_goals(connection, plan.organization_id, plan.case_id, plan.content));
  CB_TRY(append_audit(connection, actor, {"care_plan.save", "care_plan", plan.case_id, plan.client_id}, now));
  return plan;
}

Result<void> write_care_plan_goals(SqlConnection& connection, const std::string& organization_id,
                                   const std::string& case_id, const CarePlanContent& content) {
  const SqlValue which[] = {case_id};
  CB_TRY(connection.execute("DELETE FROM care_plan_goals WHERE case_id = ?", which));
  for (const auto& goal : content.goals) {
    const bool measurable = goal_is_measurable(goal);
    const SqlValue params[] = {case_id,       goal.id,     organization_id,
                               goal.due_date, goal.status, std::int64_t{measurable ? 1 : 0}};
    CB_TRY(
        connection.execute("INSERT INTO care_plan_goals (case_id, goal_id, organization_id, due_date, status, "
                           "measurable) VALUES (?, ?, ?, ?, ?, ?)",
                           params));
  }
  return {};
}

Result<std::optional<CarePlan>> SqlStore::get_care_plan(const Actor& actor, std::string_view case_id, Timestamp now) {
  std::string client_id;
  CB_TRY_ASSIGN(plan, read([&](SqlConnection& connection) -> Result<std::optional<CarePlan>> {
                  CB_TRY_ASSIGN(record, require_case_access(connection, actor, now, case_id));
                  client_id = record.client_id;
                  return load_care_plan(connection, case_id);
                }));
  CB_TRY(record_event(actor, {"care_plan.read", "care_plan", case_id, client_id}, now));
  return plan;
}

Result<CarePlan> SqlStore::save_care_plan(const Actor& actor, std::string_view case_id,
                                          std::optional<std::int64_t> expected_version, CarePlanContent content,
                                          std::string note, Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<CarePlan> {
    CB_TRY_ASSIGN(record, require_open_case(connection, actor, now, case_id));
    CB_TRY_ASSIGN(current, load_care_plan(connection, case_id));
    if (current && !expected_version) {
      return fail(ErrorCode::PreconditionRequired, "the case has a care plan; send If-Match with the version you read",
                  "If-Match");
    }
    if (expected_version && (!current || current->version != *expected_version)) {
      return fail(stale_version("care plan", *expected_version, current ? current->version : 0));
    }
    return write_care_plan_version(connection, actor, record, current, std::move(content), note, now);
  });
}

Result<std::vector<CarePlanVersion>> SqlStore::care_plan_versions(const Actor& actor, std::string_view case_id,
                                                                  Timestamp now) {
  std::string client_id;
  CB_TRY_ASSIGN(versions, read([&](SqlConnection& connection) -> Result<std::vector<CarePlanVersion>> {
                  CB_TRY_ASSIGN(record, require_case_access(connection, actor, now, case_id));
                  client_id = record.client_id;
                  const SqlValue params[] = {std::string(case_id)};
                  CB_TRY_ASSIGN(rows, connection.query("SELECT version, changed_at, changed_by, note, content FROM "
                                                       "care_plan_versions WHERE case_id = ? ORDER BY version DESC",
                                                       params));
                  std::vector<CarePlanVersion> found;
                  for (const auto& row : rows) {
                    CB_TRY_ASSIGN(content, care_plan_from_json_text(row.text(4)));
                    found.push_back({row.integer(0), row.text(1), row.text(2), row.text(3), std::move(content)});
                  }
                  return found;
                }));
  CB_TRY(record_event(actor, {"care_plan.versions", "care_plan", case_id, client_id}, now));
  return versions;
}

Result<CarePlan> SqlStore::record_plan_agreement(const Actor& actor, std::string_view case_id,
                                                 std::int64_t expected_version, std::string kind, std::string name,
                                                 Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<CarePlan> {
    CB_TRY_ASSIGN(record, require_open_case(connection, actor, now, case_id));
    CB_TRY_ASSIGN(current, load_care_plan(connection, case_id));
    if (!current) return fail(not_found("care plan"));
    if (current->version != expected_version)
      return fail(stale_version("care plan", expected_version, current->version));
    CarePlan plan = std::move(*current);
    plan.agreement = CarePlanAgreement{static_cast<int>(plan.version), std::move(kind), std::move(name),
                                       format_timestamp(now), actor.user_id};
    const auto& a = *plan.agreement;
    const SqlValue params[] = {std::int64_t{a.version}, a.kind,       a.name,      a.at,
                               a.recorded_by,           plan.case_id, plan.version};
    CB_TRY(expect_one_row(connection.execute("UPDATE care_plans SET agreed_version = ?, agreed_kind = ?, agreed_name = "
                                             "?, agreed_at = ?, agreement_recorded_by = ? WHERE case_id = ? AND "
                                             "version = ?",
                                             params),
                          "care plan", expected_version));
    CB_TRY(append_audit(connection, actor, {"care_plan.agreement", "care_plan", plan.case_id, record.client_id}, now));
    return plan;
  });
}

}  // namespace caseboard::store
