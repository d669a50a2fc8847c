// Care plan reviews.
#include "api/handlers.hpp"
#include "api/record_request.hpp"

namespace caseboard::api {

HttpResponse record_plan_review(RequestContext& context) {
  static constexpr std::string_view kFields[] = {"summary"};
  auto summary =
      read_request(context.request, kFields, [](JsonReader& reader) { return reader.required_string("summary"); });
  if (!summary) return error_response(summary.error());
  auto valid = validate_review_summary(std::move(*summary));
  if (!valid) return error_response(valid.error());
  return respond(
      context.services.store.record_plan_review(context.actor, context.parameter("id"), std::move(*valid), context.now),
      [](const PlanReview& review) { return json_response(201, to_json(review)); });
}

HttpResponse list_plan_reviews(RequestContext& context) {
  return respond(context.services.store.list_plan_reviews(context.actor, context.parameter("id"), context.now),
                 items_response<PlanReview>);
}

}  // namespace caseboard::api
