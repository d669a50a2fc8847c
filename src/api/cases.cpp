// Cases (episodes of care): open, read, list, and move through the status machine.
#include "api/handlers.hpp"
#include "api/json_mapping.hpp"
#include "api/json_reader.hpp"
#include "core/text.hpp"

namespace caseboard::api {
namespace {

HttpResponse case_response(int status, const Case& record) {
  auto response = with_entity_tag(json_response(status, to_json(record, true)), record.version);
  if (status == 201) response.headers.emplace_back("Location", "/api/v1/cases/" + record.id);
  return response;
}

HttpResponse case_page(const store::Page<Case>& page) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& record : page.items) items.push_back(to_json(record, !record.history.empty()));
  return json_response(
      200, {{"items", items}, {"next_cursor", text_or_null(page.next_cursor)}, {"withheld", page.withheld}});
}

}  // namespace

HttpResponse create_case(RequestContext& context) {
  auto body = read_body(context.request);
  if (!body) return error_response(body.error());
  JsonReader reader(*body);
  reader.allow_only({"client_id", "program_id", "case_manager_id"});
  auto client_id = reader.required_string("client_id");
  auto program_id = reader.required_string("program_id");
  auto case_manager_id = reader.optional_string("case_manager_id");
  if (auto parsed = reader.result(); !parsed) return error_response(parsed.error());
  // A case manager who opens a case without naming anyone takes it on.
  const auto role = context.actor.role;
  if (!case_manager_id && (role == Role::CaseManager || role == Role::NurseCaseManager)) {
    case_manager_id = context.actor.user_id;
  }
  return respond(context.services.store.create_case(context.actor, client_id, program_id, case_manager_id.value_or(""),
                                                    context.now),
                 [](const Case& record) { return case_response(201, record); });
}

HttpResponse get_case(RequestContext& context) {
  return respond(context.services.store.get_case(context.actor, context.parameter("id"), context.now),
                 [](const Case& record) { return case_response(200, record); });
}

namespace {

// The shared query of both case lists; `client_id` fixed by the path when not empty.
Result<store::CaseQuery> read_case_query(RequestContext& context, const std::string& client_id) {
  CB_TRY_ASSIGN(query, read_query(context.request, {"client_id", "case_manager_id", "status", "limit", "cursor"}));
  CB_TRY_ASSIGN(limit, read_limit(query));
  store::CaseQuery search;
  search.client_id = client_id.empty() ? query["client_id"] : client_id;
  search.case_manager_id = query["case_manager_id"];
  if (search.case_manager_id == "me") search.case_manager_id = context.actor.user_id;
  if (search.client_id.empty() && search.case_manager_id.empty()) {
    return fail(ErrorCode::InvalidArgument, "name client_id or case_manager_id", "client_id");
  }
  if (const auto& status = query["status"]; !status.empty()) {
    search.status = parse_case_status(status);
    if (!search.status) {
      return fail(ErrorCode::InvalidArgument,
                  "status must be one of referred, intake, active, on_hold, discharged, closed", "status");
    }
  }
  search.limit = limit;
  search.cursor = query["cursor"];
  return search;
}

}  // namespace

HttpResponse list_cases(RequestContext& context) {
  auto search = read_case_query(context, {});
  if (!search) return error_response(search.error());
  return respond(context.services.store.list_cases(context.actor, *search, context.now), case_page);
}

HttpResponse list_client_cases(RequestContext& context) {
  auto search = read_case_query(context, context.parameter("id"));
  if (!search) return error_response(search.error());
  search->with_history = true;
  search->client_must_be_open = true;
  return respond(context.services.store.list_cases(context.actor, *search, context.now), case_page);
}

HttpResponse transition_case(RequestContext& context) {
  auto version = required_version(context.request);
  if (!version) return error_response(version.error());
  auto body = read_body(context.request);
  if (!body) return error_response(body.error());
  JsonReader reader(*body);
  reader.allow_only({"to", "reason", "outcome"});
  auto to_name = reader.required_string("to");
  auto reason = reader.optional_string("reason").value_or("");
  auto outcome = reader.optional_string("outcome").value_or("");
  if (auto parsed = reader.result(); !parsed) return error_response(parsed.error());
  auto to = parse_case_status(to_name);
  if (!to) {
    return error_response(make_error(ErrorCode::InvalidArgument,
                                     "to must be one of referred, intake, active, on_hold, discharged, closed", "to"));
  }
  if (utf8_length(reason) > 1000 || has_control_characters(reason, LineBreaks::Allowed)) {
    return error_response(
        make_error(ErrorCode::InvalidArgument, "reason must be at most 1000 characters of text", "reason"));
  }
  return respond(context.services.store.transition_case(context.actor, context.parameter("id"), *version, *to,
                                                        trim(reason), outcome, context.now),
                 [](const Case& record) { return case_response(200, record); });
}

HttpResponse reassign_case(RequestContext& context) {
  auto version = required_version(context.request);
  if (!version) return error_response(version.error());
  auto body = read_body(context.request);
  if (!body) return error_response(body.error());
  JsonReader reader(*body);
  reader.allow_only({"case_manager_id"});
  auto case_manager_id = reader.required_string("case_manager_id");
  if (auto parsed = reader.result(); !parsed) return error_response(parsed.error());
  return respond(context.services.store.reassign_case(context.actor, context.parameter("id"), *version, case_manager_id,
                                                      context.now),
                 [](const Case& record) { return case_response(200, record); });
}

HttpResponse set_case_restriction(RequestContext& context) {
  auto change = read_restriction_change(context.request);
  if (!change) return error_response(change.error());
  return respond(context.services.store.set_case_restriction(context.actor, context.parameter("id"), change->version,
                                                             change->restricted, context.now),
                 [](const Case& record) { return case_response(200, record); });
}

}  // namespace caseboard::api
