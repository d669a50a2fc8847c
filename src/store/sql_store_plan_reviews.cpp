// Care plan reviews: what stops the plan-review clock.
#include "security/random_id.hpp"
#include "store/sql_store.hpp"

namespace caseboard::store {

Result<PlanReview> SqlStore::record_plan_review(const Actor& actor, std::string_view case_id, std::string summary,
                                                Timestamp now) {
  PlanReview review;
  review.id = security::random_id("pr");
  review.organization_id = actor.organization_id;
  review.reviewed_at = format_timestamp(now);
  review.reviewed_by = actor.user_id;
  review.summary = std::move(summary);
  return write([&](SqlConnection& connection) -> Result<PlanReview> {
    CB_TRY_ASSIGN(record, require_open_case(connection, actor, now, case_id));
    review.client_id = record.client_id;
    review.case_id = record.id;
    const SqlValue params[] = {review.id,          review.organization_id, review.client_id, review.case_id,
                               review.reviewed_at, review.reviewed_by,     review.summary};
    CB_TRY(
        connection.execute("INSERT INTO plan_reviews (id, organization_id, client_id, case_id, reviewed_at, "
                           "reviewed_by, summary) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           params));
    CB_TRY(append_audit(connection, actor, {"plan_review.create", "plan_review", review.id, review.client_id}, now));
    return review;
  });
}

Result<std::vector<PlanReview>> SqlStore::list_plan_reviews(const Actor& actor, std::string_view client_id,
                                                            Timestamp now) {
  return read_client_records<PlanReview>(
      actor, client_id, now, "plan_review.list", "plan_review",
      [&](SqlConnection& connection, const std::string& case_filter) -> Result<std::vector<PlanReview>> {
        const SqlValue params[] = {std::string(client_id), actor.organization_id};
        CB_TRY_ASSIGN(rows, connection.query("SELECT id, organization_id, client_id, case_id, reviewed_at, "
                                             "reviewed_by, summary FROM plan_reviews WHERE client_id = ? AND "
                                             "organization_id = ?" +
                                                 case_filter + " ORDER BY reviewed_at DESC, id",
                                             params));
        std::vector<PlanReview> found;
        for (const auto& row : rows) {
          found.push_back({row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5), row.text(6)});
        }
        return found;
      });
}

}  // namespace caseboard::store
