// The client chart: one timeline of every record, with what is due.
#include "api/handlers.hpp"
#include "api/record_request.hpp"

namespace caseboard::api {

HttpResponse client_timeline(RequestContext& context) {
  return respond(context.services.store.client_timeline(context.actor, context.parameter("id"), context.now),
                 [](const store::Timeline& timeline) {
                   nlohmann::json events = nlohmann::json::array();
                   for (const auto& event : timeline.events) events.push_back(to_json(event));
                   nlohmann::json due = nlohmann::json::array();
                   for (const auto& item : timeline.due) due.push_back(to_json(item));
                   return json_response(200, {{"events", events}, {"due", due}});
                 });
}

}  // namespace caseboard::api
