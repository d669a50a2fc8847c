// A client's support network: list, add, change, remove.
#include "api/handlers.hpp"
#include "api/json_mapping.hpp"
#include "api/json_reader.hpp"
#include "api/record_request.hpp"

namespace caseboard::api {
namespace {

constexpr std::string_view kContactFields[] = {"name",       "relationship", "phone", "email", "is_emergency_contact",
                                               "disclosure", "notes"};

void apply_contact_fields(JsonReader& reader, ContactFields& fields) {
  auto assign = [&](std::string_view name, std::string& target) {
    if (auto value = reader.optional_string(name)) target = *value;
  };
  assign("name", fields.name);
  assign("relationship", fields.relationship);
  assign("phone", fields.phone);
  assign("email", fields.email);
  if (auto value = reader.optional_bool("is_emergency_contact")) fields.is_emergency_contact = *value;
  assign("disclosure", fields.disclosure);
  assign("notes", fields.notes);
}

HttpResponse contact_response(int status, const Contact& contact) {
  return with_entity_tag(json_response(status, to_json(contact)), contact.version);
}

}  // namespace

HttpResponse list_contacts(RequestContext& context) {
  return respond(context.services.store.list_contacts(context.actor, context.parameter("id"), context.now),
                 [](const std::vector<Contact>& contacts) {
                   nlohmann::json items = nlohmann::json::array();
                   for (const auto& contact : contacts) items.push_back(to_json(contact));
                   return json_response(200, {{"items", items}});
                 });
}

HttpResponse create_contact(RequestContext& context) {
  auto body = read_body(context.request);
  if (!body) return error_response(body.error());
  JsonReader reader(*body);
  reader.allow_only(kContactFields);
  (void)reader.required_string("name");
  ContactFields fields;
  apply_contact_fields(reader, fields);
  if (auto parsed = reader.result(); !parsed) return error_response(parsed.error());
  auto valid = validate_contact(std::move(fields));
  if (!valid) return error_response(valid.error());
  return respond(
      context.services.store.create_contact(context.actor, context.parameter("id"), std::move(*valid), context.now),
      [](const Contact& contact) { return contact_response(201, contact); });
}

HttpResponse update_contact(RequestContext& context) {
  auto patch = read_patch<ContactFields>(context.request, kContactFields, apply_contact_fields,
                                         [](ContactFields fields) { return validate_contact(std::move(fields)); });
  if (!patch) return error_response(patch.error());
  return respond(
      context.services.store.update_contact(context.actor, context.parameter("id"), context.parameter("contact_id"),
                                            patch->version, patch->change, context.now),
      [](const Contact& contact) { return contact_response(200, contact); });
}

HttpResponse delete_contact(RequestContext& context) {
  auto version = required_version(context.request);
  if (!version) return error_response(version.error());
  auto deleted = context.services.store.delete_contact(context.actor, context.parameter("id"),
                                                       context.parameter("contact_id"), *version, context.now);
  if (!deleted) return error_response(deleted.error());
  return no_content();
}

}  // namespace caseboard::api
