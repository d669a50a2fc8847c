// Tasks and the worklist.
#include "api/handlers.hpp"
#include "api/record_request.hpp"
#include "core/field_check.hpp"

namespace caseboard::api {
namespace {

constexpr std::string_view kTaskFields[] = {"title",       "details",   "due_at", "priority",
                                            "assignee_id", "client_id", "case_id"};

HttpResponse task_response(int status, const Task& task, Timestamp now) {
  return with_entity_tag(json_response(status, to_json(task, now)), task.version);
}

HttpResponse finish(RequestContext& context, std::string_view status) {
  auto version = required_version(context.request);
  if (!version) return error_response(version.error());
  auto task = context.services.store.finish_task(context.actor, context.parameter("id"), *version, status, context.now);
  if (!task) return error_response(task.error());
  return task_response(200, *task, context.now);
}

HttpResponse worklist_response(RequestContext& context, bool team) {
  auto list = context.services.store.worklist(context.actor, team, context.now);
  if (!list) return error_response(list.error());
  auto body = to_json(*list, context.now);
  if (team) {
    nlohmann::json people = nlohmann::json::array();
    for (const auto& person : list->people) {
      people.push_back(
          {{"user_id", person.user_id}, {"name", person.name}, {"open", person.open}, {"overdue", person.overdue}});
    }
    body["people"] = people;
  }
  return json_response(200, body);
}

}  // namespace

HttpResponse create_task(RequestContext& context) {
  auto requested = read_request(context.request, kTaskFields, [](JsonReader& reader) {
    TaskFields fields;
    fields.title = reader.required_string("title");
    fields.details = reader.optional_string("details").value_or("");
    fields.due_at = reader.required_string("due_at");
    fields.priority = reader.optional_string("priority").value_or("normal");
    fields.assignee_id = reader.optional_string("assignee_id").value_or("");
    fields.client_id = reader.optional_string("client_id").value_or("");
    fields.case_id = reader.optional_string("case_id").value_or("");
    return fields;
  });
  if (!requested) return error_response(requested.error());
  auto valid = validate_task(std::move(*requested));
  if (!valid) return error_response(valid.error());
  auto task = context.services.store.create_task(context.actor, std::move(*valid), context.now);
  if (!task) return error_response(task.error());
  return task_response(201, *task, context.now);
}

HttpResponse list_tasks(RequestContext& context) {
  auto query = read_query(context.request, {"status"});
  if (!query) return error_response(query.error());
  std::string status = "open";
  if (auto found = query->find("status"); found != query->end()) status = found->second;
  if (auto valid = check_choice(status, kTaskStatuses, "status"); !valid) return error_response(valid.error());
  auto tasks = context.services.store.list_tasks(context.actor, status, context.now);
  if (!tasks) return error_response(tasks.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& task : *tasks) items.push_back(to_json(task, context.now));
  return json_response(200, {{"items", items}});
}

HttpResponse complete_task(RequestContext& context) {
  return finish(context, "done");
}

HttpResponse cancel_task(RequestContext& context) {
  return finish(context, "cancelled");
}

HttpResponse own_worklist(RequestContext& context) {
  return worklist_response(context, false);
}

HttpResponse team_worklist(RequestContext& context) {
  return worklist_response(context, true);
}

}  // namespace caseboard::api
