// Incident reports and the client's safety plan.
#include "api/handlers.hpp"
#include "api/record_request.hpp"

namespace caseboard::api {
namespace {

constexpr std::string_view kIncidentFields[] = {
    "occurred_at", "type", "severity", "description", "emergency_services_contacted", "actions", "submit"};
constexpr std::string_view kSafetyPlanFields[] = {"warning_signs", "coping_steps", "contacts", "means_safety"};

void apply_incident_fields(JsonReader& reader, IncidentFields& fields) {
  auto assign = [&](std::string_view name, std::string& target) {
    if (auto value = reader.optional_string(name)) target = *value;
  };
  assign("occurred_at", fields.occurred_at);
  assign("type", fields.type);
  assign("severity", fields.severity);
  assign("description", fields.description);
  if (auto value = reader.optional_bool("emergency_services_contacted")) fields.emergency_services_contacted = *value;
  assign("actions", fields.actions);
}

}  // namespace

HttpResponse create_incident(RequestContext& context) {
  bool submit = false;
  auto requested = read_request(context.request, kIncidentFields, [&](JsonReader& reader) {
    (void)reader.required_string("occurred_at");
    (void)reader.required_string("type");
    (void)reader.required_string("severity");
    (void)reader.required_string("description");
    IncidentFields fields;
    apply_incident_fields(reader, fields);
    submit = reader.optional_bool("submit").value_or(false);
    return fields;
  });
  if (!requested) return error_response(requested.error());
  auto valid = validate_incident(std::move(*requested), context.now);
  if (!valid) return error_response(valid.error());
  return respond(context.services.store.create_incident(context.actor, context.parameter("id"), std::move(*valid),
                                                        submit, context.now),
                 [](const Incident& incident) { return versioned_response(201, incident); });
}

HttpResponse update_incident(RequestContext& context) {
  static constexpr std::string_view kEditable[] = {
      "occurred_at", "type", "severity", "description", "emergency_services_contacted", "actions"};
  auto patch = read_patch<IncidentFields>(
      context.request, kEditable, apply_incident_fields,
      [&](IncidentFields fields) { return validate_incident(std::move(fields), context.now); });
  if (!patch) return error_response(patch.error());
  return respond(context.services.store.update_incident(context.actor, context.parameter("id"), patch->version,
                                                        patch->change, context.now),
                 [](const Incident& incident) { return versioned_response(200, incident); });
}

HttpResponse submit_incident(RequestContext& context) {
  auto version = required_version(context.request);
  if (!version) return error_response(version.error());
  return respond(context.services.store.submit_incident(context.actor, context.parameter("id"), *version, context.now),
                 [](const Incident& incident) { return versioned_response(200, incident); });
}

HttpResponse list_incidents(RequestContext& context) {
  return respond(context.services.store.list_incidents(context.actor, context.parameter("id"), context.now),
                 items_response<Incident>);
}

HttpResponse get_safety_plan(RequestContext& context) {
  auto plan = context.services.store.get_safety_plan(context.actor, context.parameter("id"), context.now);
  if (!plan) return error_response(plan.error());
  if (!*plan) return json_response(200, {{"safety_plan", nullptr}});
  return with_entity_tag(json_response(200, {{"safety_plan", to_json(**plan)}}), (*plan)->version);
}

HttpResponse save_safety_plan(RequestContext& context) {
  std::optional<std::int64_t> version;
  if (!context.request.if_match.empty()) {
    auto parsed = required_version(context.request);
    if (!parsed) return error_response(parsed.error());
    version = *parsed;
  }
  auto requested = read_request(context.request, kSafetyPlanFields, [](JsonReader& reader) {
    SafetyPlanFields fields;
    fields.warning_signs = reader.optional_strings("warning_signs").value_or(std::vector<std::string>{});
    fields.coping_steps = reader.optional_strings("coping_steps").value_or(std::vector<std::string>{});
    fields.contacts = reader.optional_strings("contacts").value_or(std::vector<std::string>{});
    fields.means_safety = reader.optional_string("means_safety").value_or("");
    return fields;
  });
  if (!requested) return error_response(requested.error());
  auto valid = validate_safety_plan(std::move(*requested));
  if (!valid) return error_response(valid.error());
  return respond(context.services.store.save_safety_plan(context.actor, context.parameter("id"), version,
                                                         std::move(*valid), context.now),
                 [](const SafetyPlan& plan) { return versioned_response(200, plan); });
}

}  // namespace caseboard::api
