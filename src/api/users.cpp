// Staff users: summaries for everyone (to assign work), changes by administrators.
#include "api/handlers.hpp"
#include "api/json_mapping.hpp"
#include "api/json_reader.hpp"
#include "core/access.hpp"
#include "security/breached_passwords.hpp"
#include "security/password.hpp"
#include "security/totp.hpp"

namespace caseboard::api {
namespace {

HttpResponse user_response(int status, const User& user) {
  return with_entity_tag(json_response(status, to_json(user)), user.version);
}

// Reads "role" into `fields`; an unknown role is a 422 naming the field.
void read_role(JsonReader& reader, UserFields& fields) {
  auto name = reader.optional_string("role");
  if (!name) return;
  if (auto role = parse_role(*name)) {
    fields.role = *role;
  } else {
    reader.fail_with(make_error(ErrorCode::InvalidArgument,
                                "role must be one of case_manager, nurse_case_manager, supervisor, director, "
                                "administrator, auditor",
                                "role"));
  }
}

void apply_user_fields(JsonReader& reader, UserFields& fields) {
  if (auto value = reader.optional_string("display_name")) fields.display_name = *value;
  read_role(reader, fields);
  if (auto value = reader.optional_bool("active")) fields.active = *value;
  if (auto value = reader.optional_string("supervisor_id")) fields.supervisor_id = *value;
}

}  // namespace

HttpResponse list_users(RequestContext& context) {
  auto query = read_query(context.request, {"role"});
  if (!query) return error_response(query.error());
  std::optional<Role> role;
  if (const auto& name = (*query)["role"]; !name.empty()) {
    role = parse_role(name);
    if (!role) return error_response(make_error(ErrorCode::InvalidArgument, "role is not a known role", "role"));
  }
  return respond(context.services.store.list_users(context.actor, role), [](const std::vector<User>& users) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& user : users) items.push_back(to_json(user));
    return json_response(200, {{"items", items}});
  });
}

HttpResponse get_user(RequestContext& context) {
  return respond(context.services.store.get_user(context.actor, context.parameter("id")),
                 [](const User& user) { return user_response(200, user); });
}

HttpResponse create_user(RequestContext& context) {
  auto body = read_body(context.request);
  if (!body) return error_response(body.error());
  JsonReader reader(*body);
  reader.allow_only({"username", "display_name", "role", "password", "supervisor_id", "active"});
  UserFields fields;
  fields.username = reader.required_string("username");
  (void)reader.required_string("display_name");
  (void)reader.required_string("role");
  auto password = reader.required_string("password");
  apply_user_fields(reader, fields);
  if (auto parsed = reader.result(); !parsed) return error_response(parsed.error());
  auto valid = validate_user(std::move(fields));
  if (!valid) return error_response(valid.error());
  if (auto strong = security::check_new_password(password); !strong) return error_response(strong.error());
  auto hash = security::hash_password(password);
  if (!hash) return error_response(hash.error());
  auto created = context.services.store.create_user(context.actor, std::move(*valid), std::move(*hash), context.now);
  if (!created) return error_response(created.error());
  if (!requires_second_factor(created->fields.role)) return user_response(201, *created);
  // An administrator signs in with a second factor from the first day: enrol it now and hand the
  // seed over once, in this answer.
  const auto secret = security::new_totp_secret();
  if (auto enrolled = context.services.store.activate_totp(
          context.actor, created->id, context.services.store.seal_secret(secret), std::nullopt, context.now);
      !enrolled) {
    return error_response(enrolled.error());
  }
  auto answer = to_json(*created);
  answer["second_factor"] = {{"secret", security::totp_base32(secret)},
                             {"otpauth_uri", security::totp_uri(secret, created->fields.username)}};
  return with_entity_tag(json_response(201, answer), created->version);
}

HttpResponse update_user(RequestContext& context) {
  auto version = required_version(context.request);
  if (!version) return error_response(version.error());
  auto body = read_body(context.request);
  if (!body) return error_response(body.error());
  JsonReader reader(*body);
  reader.allow_only({"display_name", "role", "active", "supervisor_id"});
  UserFields scratch;
  apply_user_fields(reader, scratch);
  if (auto parsed = reader.result(); !parsed) return error_response(parsed.error());
  if (context.parameter("id") == context.actor.user_id && reader.has("active") && !body->at("active").get<bool>()) {
    return error_response(
        make_error(ErrorCode::FailedPrecondition, "you cannot deactivate your own account", "active"));
  }
  auto change = [&](UserFields fields) -> Result<UserFields> {
    JsonReader again(*body);
    apply_user_fields(again, fields);
    return validate_user(std::move(fields));
  };
  return respond(
      context.services.store.update_user(context.actor, context.parameter("id"), *version, change, context.now),
      [](const User& user) { return user_response(200, user); });
}

HttpResponse unlock_user(RequestContext& context) {
  return respond(context.services.store.unlock_user(context.actor, context.parameter("id"), context.now),
                 [](const User& user) { return user_response(200, user); });
}

}  // namespace caseboard::api
