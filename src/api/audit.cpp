// The audit trail for auditors, and the "access to this client" panel.
#include "api/handlers.hpp"
#include "api/json_mapping.hpp"

namespace caseboard::api {
namespace {

constexpr std::pair<std::string_view, store::AuditSortField> kSortFields[] = {
    {"sequence", store::AuditSortField::Sequence}, {"at", store::AuditSortField::At},
    {"user_id", store::AuditSortField::UserId},    {"client_id", store::AuditSortField::ClientId},
    {"action", store::AuditSortField::Action},     {"resource_type", store::AuditSortField::ResourceType},
    {"outcome", store::AuditSortField::Outcome},
};

HttpResponse audit_page(const store::Page<AuditEvent>& page) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& event : page.items) items.push_back(to_json(event));
  return json_response(200, {{"items", items}, {"next_cursor", text_or_null(page.next_cursor)}});
}

}  // namespace

HttpResponse query_audit(RequestContext& context) {
  auto query =
      read_query(context.request, {"user_id", "client_id", "action", "from", "to", "sort", "order", "limit", "cursor"});
  if (!query) return error_response(query.error());
  auto limit = read_limit(*query);
  if (!limit) return error_response(limit.error());
  store::AuditQuery search;
  search.user_id = (*query)["user_id"];
  search.client_id = (*query)["client_id"];
  search.action = (*query)["action"];
  search.limit = *limit;
  for (const auto* bound : {"from", "to"}) {
    const auto& value = (*query)[bound];
    if (!value.empty() && !parse_timestamp(value)) {
      return error_response(make_error(ErrorCode::InvalidArgument,
                                       std::string(bound) + " must be a UTC time such as 2026-11-22T18:00:00Z", bound));
    }
  }
  search.from = (*query)["from"];
  search.to = (*query)["to"];
  if (const auto& sort = (*query)["sort"]; !sort.empty()) {
    bool known = false;
    for (const auto& [name, field] : kSortFields) {
      if (name == sort) {
        search.sort = field;
        known = true;
      }
    }
    if (!known) {
      return error_response(make_error(ErrorCode::InvalidArgument,
                                       "sort must be one of sequence, at, user_id, client_id, action, resource_type, "
                                       "outcome",
                                       "sort"));
    }
  }
  if (const auto& order = (*query)["order"]; !order.empty()) {
    if (order != "asc" && order != "desc") {
      return error_response(make_error(ErrorCode::InvalidArgument, "order must be asc or desc", "order"));
    }
    search.descending = order == "desc";
  }
  search.cursor = (*query)["cursor"];
  return respond(context.services.store.query_audit(context.actor, search, context.now), audit_page);
}

HttpResponse client_access_log(RequestContext& context) {
  // Only someone who may open the client sees who else did; opening it is itself recorded.
  const auto& client_id = context.parameter("id");
  if (auto client = context.services.store.get_client(context.actor, client_id, context.now); !client) {
    return error_response(client.error());
  }
  store::AuditQuery search;
  search.client_id = client_id;
  search.limit = store::kMaximumPageSize;
  return respond(context.services.store.query_audit(context.actor, search, context.now), audit_page);
}

}  // namespace caseboard::api
