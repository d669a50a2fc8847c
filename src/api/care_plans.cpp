// Care plans: read, save a new version, the versions with what changed, the client's agreement.
#include <algorithm>

#include "api/handlers.hpp"
#include "api/record_request.hpp"

namespace caseboard::api {
namespace {

nlohmann::json content_json(const CarePlanContent& content) {
  nlohmann::json needs = nlohmann::json::array();
  for (const auto& n : content.needs) {
    needs.push_back({{"id", n.id},
                     {"category", n.category},
                     {"description", n.description},
                     {"status", n.status},
                     {"source", text_or_null(n.source)}});
  }
  nlohmann::json goals = nlohmann::json::array();
  for (const auto& g : content.goals) {
    goals.push_back({{"id", g.id},
                     {"need_id", g.need_id},
                     {"description", g.description},
                     {"measure", g.measure},
                     {"baseline", text_or_null(g.baseline)},
                     {"target", g.target},
                     {"due_date", g.due_date},
                     {"responsible_kind", g.responsible_kind},
                     {"responsible_name", text_or_null(g.responsible_name)},
                     {"status", g.status},
                     {"percent_achieved", g.percent_achieved}});
  }
  nlohmann::json interventions = nlohmann::json::array();
  for (const auto& i : content.interventions) {
    interventions.push_back({{"id", i.id},
                             {"goal_id", i.goal_id},
                             {"kind", i.kind},
                             {"description", i.description},
                             {"task_id", text_or_null(i.task_id)},
                             {"appointment_id", text_or_null(i.appointment_id)},
                             {"referral_out_id", text_or_null(i.referral_out_id)}});
  }
  return {{"needs", needs}, {"goals", goals}, {"interventions", interventions}};
}

nlohmann::json to_json(const CarePlan& plan) {
  auto body = content_json(plan.content);
  nlohmann::json agreement = nullptr;
  if (plan.agreement) {
    const auto& a = *plan.agreement;
    agreement = {
        {"version", a.version}, {"kind", a.kind}, {"name", a.name}, {"at", a.at}, {"recorded_by", a.recorded_by}};
  }
  body.update({{"case_id", plan.case_id},
               {"client_id", plan.client_id},
               {"version", plan.version},
               {"updated_at", plan.updated_at},
               {"updated_by", plan.updated_by},
               {"agreement", agreement},
               {"agreed_current", plan.agreement && plan.agreement->version == plan.version}});
  return body;
}

// Reads each element of an array member as an object with only `allowed` members.
template <class Read>
void read_items(JsonReader& reader, std::string_view name, std::span<const std::string_view> allowed, Read&& read) {
  const auto* list = reader.optional_array(name);
  if (!list) return;
  for (std::size_t i = 0; i < list->size() && !reader.error(); ++i) {
    JsonReader item((*list)[i], std::string(name) + "[" + std::to_string(i) + "].");
    item.allow_only(allowed);
    read(item);
    if (item.error()) reader.fail_with(*item.error());
  }
}

CarePlanContent read_content(JsonReader& reader) {
  static constexpr std::string_view kNeed[] = {"id", "category", "description", "status", "source"};
  static constexpr std::string_view kGoal[] = {
      "id",       "need_id",          "description",      "measure", "baseline",        "target",
      "due_date", "responsible_kind", "responsible_name", "status",  "percent_achieved"};
  static constexpr std::string_view kIntervention[] = {"id",      "goal_id",        "kind",           "description",
                                                       "task_id", "appointment_id", "referral_out_id"};
  CarePlanContent content;
  read_items(reader, "needs", kNeed, [&](JsonReader& r) {
    Need need;
    need.id = r.required_string("id");
    need.category = r.required_string("category");
    need.description = r.required_string("description");
    need.status = r.optional_string("status").value_or("active");
    need.source = r.optional_string("source").value_or("");
    content.needs.push_back(std::move(need));
  });
  read_items(reader, "goals", kGoal, [&](JsonReader& r) {
    Goal goal;
    goal.id = r.required_string("id");
    goal.need_id = r.required_string("need_id");
    goal.description = r.required_string("description");
    goal.measure = r.required_string("measure");
    goal.baseline = r.optional_string("baseline").value_or("");
    goal.target = r.required_string("target");
    goal.due_date = r.required_string("due_date");
    goal.responsible_kind = r.optional_string("responsible_kind").value_or("staff");
    goal.responsible_name = r.optional_string("responsible_name").value_or("");
    goal.status = r.optional_string("status").value_or("not_started");
    goal.percent_achieved =
        static_cast<int>(std::clamp<std::int64_t>(r.optional_integer("percent_achieved").value_or(0), -1, 101));
    content.goals.push_back(std::move(goal));
  });
  read_items(reader, "interventions", kIntervention, [&](JsonReader& r) {
    Intervention intervention;
    intervention.id = r.required_string("id");
    intervention.goal_id = r.required_string("goal_id");
    intervention.kind = r.required_string("kind");
    intervention.description = r.required_string("description");
    intervention.task_id = r.optional_string("task_id").value_or("");
    intervention.appointment_id = r.optional_string("appointment_id").value_or("");
    intervention.referral_out_id = r.optional_string("referral_out_id").value_or("");
    content.interventions.push_back(std::move(intervention));
  });
  return content;
}

HttpResponse plan_response(int status, const CarePlan& plan) {
  return with_entity_tag(json_response(status, to_json(plan)), plan.version);
}

}  // namespace

HttpResponse get_care_plan(RequestContext& context) {
  auto plan = context.services.store.get_care_plan(context.actor, context.parameter("id"), context.now);
  if (!plan) return error_response(plan.error());
  if (!*plan) return json_response(200, {{"care_plan", nullptr}});
  return with_entity_tag(json_response(200, {{"care_plan", to_json(**plan)}}), (*plan)->version);
}

HttpResponse save_care_plan(RequestContext& context) {
  std::optional<std::int64_t> version;
  if (!context.request.if_match.empty()) {
    auto parsed = required_version(context.request);
    if (!parsed) return error_response(parsed.error());
    version = *parsed;
  }
  static constexpr std::string_view kFields[] = {"needs", "goals", "interventions", "note"};
  std::string note;
  auto content = read_request(context.request, kFields, [&](JsonReader& reader) {
    note = reader.optional_string("note").value_or("");
    return read_content(reader);
  });
  if (!content) return error_response(content.error());
  auto valid = validate_care_plan(std::move(*content));
  if (!valid) return error_response(valid.error());
  if (auto checked = check_text(note, "note", 0, 1000, LineBreaks::Allowed); !checked)
    return error_response(checked.error());
  return respond(context.services.store.save_care_plan(context.actor, context.parameter("id"), version,
                                                       std::move(*valid), std::move(note), context.now),
                 [&](const CarePlan& plan) { return plan_response(version ? 200 : 201, plan); });
}

HttpResponse care_plan_versions(RequestContext& context) {
  return respond(context.services.store.care_plan_versions(context.actor, context.parameter("id"), context.now),
                 [](const std::vector<CarePlanVersion>& versions) {
                   nlohmann::json items = nlohmann::json::array();
                   for (std::size_t i = 0; i < versions.size(); ++i) {
                     // Newest first: each version against the one before it.
                     const CarePlanContent empty;
                     const auto& before = i + 1 < versions.size() ? versions[i + 1].content : empty;
                     nlohmann::json changes = nlohmann::json::array();
                     for (const auto& change : diff_care_plans(before, versions[i].content)) {
                       changes.push_back({{"path", change.path},
                                          {"before", text_or_null(change.before)},
                                          {"after", text_or_null(change.after)}});
                     }
                     items.push_back({{"version", versions[i].version},
                                      {"changed_at", versions[i].changed_at},
                                      {"changed_by", versions[i].changed_by},
                                      {"note", text_or_null(versions[i].note)},
                                      {"changes", changes}});
                   }
                   return json_response(200, {{"items", items}});
                 });
}

HttpResponse record_plan_agreement(RequestContext& context) {
  auto version = required_version(context.request);
  if (!version) return error_response(version.error());
  static constexpr std::string_view kFields[] = {"kind", "name"};
  std::string name;
  auto kind = read_request(context.request, kFields, [&](JsonReader& reader) {
    name = reader.required_string("name");
    return reader.required_string("kind");
  });
  if (!kind) return error_response(kind.error());
  if (auto valid = check_choice(*kind, kAgreementKinds, "kind"); !valid) return error_response(valid.error());
  if (auto valid = check_text(name, "name", 1, 200, LineBreaks::Refused); !valid) return error_response(valid.error());
  return respond(context.services.store.record_plan_agreement(context.actor, context.parameter("id"), *version,
                                                              std::move(*kind), std::move(name), context.now),
                 [](const CarePlan& plan) { return plan_response(200, plan); });
}

}  // namespace caseboard::api
