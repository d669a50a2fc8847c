// Progress notes: write, edit a draft, sign, amend, co-sign.
#include "api/handlers.hpp"
#include "api/record_request.hpp"

namespace caseboard::api {
namespace {

constexpr std::string_view kNoteFields[] = {"contact_type", "service_at", "body", "fields", "appointment_id", "sign"};
constexpr std::string_view kSections[] = {"purpose", "observations", "interventions", "client_response", "plan"};

// Overwrites what the body names.
void apply_note_fields(JsonReader& reader, NoteFields& fields) {
  auto assign = [&](std::string_view name, std::string& target) {
    if (auto value = reader.optional_string(name)) target = *value;
  };
  assign("contact_type", fields.contact_type);
  assign("service_at", fields.service_at);
  assign("body", fields.body);
  assign("appointment_id", fields.appointment_id);
  if (const auto* sections = reader.optional_object("fields")) {
    JsonReader section_reader(*sections, "fields.");
    section_reader.allow_only(kSections);
    auto& s = fields.sections;
    std::string* targets[] = {&s.purpose, &s.observations, &s.interventions, &s.client_response, &s.plan};
    for (std::size_t i = 0; i < std::size(kSections); ++i) {
      if (auto value = section_reader.optional_string(kSections[i])) *targets[i] = *value;
    }
    if (section_reader.error()) reader.fail_with(*section_reader.error());
  }
}

template <class Act>
HttpResponse note_change(RequestContext& context, Act&& act) {
  auto version = required_version(context.request);
  if (!version) return error_response(version.error());
  return respond(act(*version), [](const Note& note) { return versioned_response(200, note); });
}

}  // namespace

HttpResponse list_notes(RequestContext& context) {
  return respond(context.services.store.list_notes(context.actor, context.parameter("id"), context.now),
                 items_response<Note>);
}

HttpResponse create_note(RequestContext& context) {
  bool sign = false;
  auto requested = read_request(context.request, kNoteFields, [&](JsonReader& reader) {
    (void)reader.required_string("contact_type");
    (void)reader.required_string("service_at");
    (void)reader.required_string("body");
    NoteFields fields;
    apply_note_fields(reader, fields);
    sign = reader.optional_bool("sign").value_or(false);
    return fields;
  });
  if (!requested) return error_response(requested.error());
  auto valid = validate_note(std::move(*requested), context.now);
  if (!valid) return error_response(valid.error());
  return respond(
      context.services.store.create_note(context.actor, context.parameter("id"), std::move(*valid), sign, context.now),
      [](const Note& note) { return versioned_response(201, note); });
}

HttpResponse update_note(RequestContext& context) {
  static constexpr std::string_view kEditable[] = {"contact_type", "service_at", "body", "fields", "appointment_id"};
  auto patch = read_patch<NoteFields>(context.request, kEditable, apply_note_fields,
                                      [&](NoteFields fields) { return validate_note(std::move(fields), context.now); });
  if (!patch) return error_response(patch.error());
  return respond(context.services.store.update_note(context.actor, context.parameter("id"), patch->version,
                                                    patch->change, context.now),
                 [](const Note& note) { return versioned_response(200, note); });
}

HttpResponse sign_note(RequestContext& context) {
  return note_change(context, [&](std::int64_t version) {
    return context.services.store.sign_note(context.actor, context.parameter("id"), version, context.now);
  });
}

HttpResponse cosign_note(RequestContext& context) {
  return note_change(context, [&](std::int64_t version) {
    return context.services.store.cosign_note(context.actor, context.parameter("id"), version, context.now);
  });
}

HttpResponse add_addendum(RequestContext& context) {
  static constexpr std::string_view kFields[] = {"body"};
  auto body = read_request(context.request, kFields, [](JsonReader& reader) { return reader.required_string("body"); });
  if (!body) return error_response(body.error());
  auto valid = validate_addendum(std::move(*body));
  if (!valid) return error_response(valid.error());
  return respond(
      context.services.store.add_addendum(context.actor, context.parameter("id"), std::move(*valid), context.now),
      [](const Note& note) { return versioned_response(201, note); });
}

}  // namespace caseboard::api
