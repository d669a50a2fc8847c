// A client's safety plan: one per client, replaced as a whole, versioned.
#include "store/sql_store.hpp"

namespace caseboard::store {
namespace {

SafetyPlan safety_plan_from_row(const SqlRow& row) {
  SafetyPlan plan;
  plan.client_id = row.text(0);
  plan.version = row.integer(1);
  plan.organization_id = row.text(2);
  plan.fields = {split_lines(row.text(3)), split_lines(row.text(4)), split_lines(row.text(5)), row.text(6)};
  plan.updated_by = row.text(7);
  plan.updated_at = row.text(8);
  return plan;
}

Result<std::optional<SafetyPlan>> load_safety_plan(SqlConnection& connection, const Actor& actor,
                                                   std::string_view client_id) {
  const SqlValue params[] = {std::string(client_id), actor.organization_id};
  return query_one(connection,
                   "SELECT client_id, version, organization_id, warning_signs, coping_steps, contacts, means_safety, "
                   "updated_by, updated_at FROM safety_plans WHERE client_id = ? AND organization_id = ?",
                   params, safety_plan_from_row);
}

}  // namespace

Result<std::optional<SafetyPlan>> SqlStore::get_safety_plan(const Actor& actor, std::string_view client_id,
                                                            Timestamp now) {
  std::string grant_reason;
  CB_TRY_ASSIGN(plan, read([&](SqlConnection& connection) -> Result<std::optional<SafetyPlan>> {
                  CB_TRY_ASSIGN(reason, require_client_access(connection, actor, now, client_id));
                  grant_reason = std::move(reason);
                  return load_safety_plan(connection, actor, client_id);
                }));
  CB_TRY(
      record_event(actor, {"safety_plan.read", "safety_plan", client_id, client_id, "success", {}, grant_reason}, now));
  return plan;
}

Result<SafetyPlan> SqlStore::save_safety_plan(const Actor& actor, std::string_view client_id,
                                              std::optional<std::int64_t> expected_version, SafetyPlanFields fields,
                                              Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<SafetyPlan> {
    CB_TRY(require_client_access(connection, actor, now, client_id));
    CB_TRY_ASSIGN(stored, load_safety_plan(connection, actor, client_id));
    SafetyPlan plan;
    plan.client_id = std::string(client_id);
    plan.organization_id = actor.organization_id;
    plan.fields = std::move(fields);
    plan.updated_by = actor.user_id;
    plan.updated_at = format_timestamp(now);
    const auto& f = plan.fields;
    if (!stored) {
      if (expected_version) return fail(stale_version("safety plan", *expected_version, 0));
      plan.version = 1;
      const SqlValue params[] = {plan.client_id,
                                 plan.organization_id,
                                 join_lines(f.warning_signs),
                                 join_lines(f.coping_steps),
                                 join_lines(f.contacts),
                                 text_or_null(f.means_safety),
                                 plan.updated_by,
                                 plan.updated_at};
      CB_TRY(
          connection.execute("INSERT INTO safety_plans (client_id, organization_id, warning_signs, coping_steps, "
                             "contacts, means_safety, updated_by, updated_at, version) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)",
                             params));
    } else {
      if (!expected_version) {
        return fail(ErrorCode::PreconditionRequired,
                    "the client has a safety plan; send If-Match with the version you read", "If-Match");
      }
      if (stored->version != *expected_version) {
        return fail(stale_version("safety plan", *expected_version, stored->version));
      }
      plan.version = stored->version + 1;
      const SqlValue params[] = {join_lines(f.warning_signs),
                                 join_lines(f.coping_steps),
                                 join_lines(f.contacts),
                                 text_or_null(f.means_safety),
                                 plan.updated_by,
                                 plan.updated_at,
                                 plan.version,
                                 plan.client_id,
                                 *expected_version};
      CB_TRY(expect_one_row(connection.execute("UPDATE safety_plans SET warning_signs = ?, coping_steps = ?, "
                                               "contacts = ?, means_safety = ?, updated_by = ?, updated_at = ?, "
                                               "version = ? WHERE client_id = ? AND version = ?",
                                               params),
                            "safety plan", *expected_version));
    }
    // Writing or reviewing the plan is what an urgent safety flag asked for.
    const SqlValue flagged[] = {format_timestamp(now), actor.user_id, std::string(client_id)};
    CB_TRY(
        connection.execute("UPDATE tasks SET status = 'done', completed_at = ?, completed_by = ?, version = version "
                           "+ 1 WHERE rule = 'safety_plan_review' AND client_id = ? AND status = 'open'",
                           flagged));
    CB_TRY(append_audit(connection, actor, {"safety_plan.save", "safety_plan", client_id, client_id}, now));
    return plan;
  });
}

}  // namespace caseboard::store
