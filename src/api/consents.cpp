// Records restricted by consent: marking a client's record restricted, and the client's consents
// that name who may still open it.
#include "api/handlers.hpp"
#include "api/json_mapping.hpp"
#include "api/json_reader.hpp"
#include "core/text.hpp"

namespace caseboard::api {
namespace {

nlohmann::json consent_json(const Consent& consent) {
  return {{"id", consent.id},
          {"client_id", consent.client_id},
          {"grantee_user_id", consent.grantee_user_id},
          {"purpose", consent.purpose},
          {"recorded_by", consent.recorded_by},
          {"granted_at", consent.granted_at},
          {"expires_at", text_or_null(consent.expires_at)},
          {"revoked_at", text_or_null(consent.revoked_at)}};
}

}  // namespace

HttpResponse set_client_restriction(RequestContext& context) {
  auto change = read_restriction_change(context.request);
  if (!change) return error_response(change.error());
  return respond(
      context.services.store.set_client_restriction(context.actor, context.parameter("id"), change->version,
                                                    change->restricted, context.now),
      [](const Client& client) { return with_entity_tag(json_response(200, to_json(client)), client.version); });
}

HttpResponse record_consent(RequestContext& context) {
  auto body = read_body(context.request);
  if (!body) return error_response(body.error());
  JsonReader reader(*body);
  reader.allow_only({"grantee_user_id", "purpose", "expires_at"});
  auto grantee = reader.required_string("grantee_user_id");
  auto purpose = trim(reader.required_string("purpose"));
  auto expires_text = reader.optional_string("expires_at").value_or("");
  if (auto parsed = reader.result(); !parsed) return error_response(parsed.error());
  if (purpose.empty() || utf8_length(purpose) > 500 || has_control_characters(purpose, LineBreaks::Refused)) {
    return error_response(make_error(ErrorCode::InvalidArgument, "purpose must be 1 to 500 characters", "purpose"));
  }
  std::optional<Timestamp> expires_at;
  if (!expires_text.empty()) {
    expires_at = parse_timestamp(expires_text);
    if (!expires_at || *expires_at <= context.now) {
      return error_response(make_error(ErrorCode::InvalidArgument,
                                       "expires_at must be a future UTC time such as 2027-01-31T00:00:00Z",
                                       "expires_at"));
    }
  }
  return respond(context.services.store.record_consent(context.actor, context.parameter("id"), grantee, purpose,
                                                       expires_at, context.now),
                 [](const Consent& consent) { return json_response(201, consent_json(consent)); });
}

HttpResponse list_consents(RequestContext& context) {
  return respond(context.services.store.list_consents(context.actor, context.parameter("id"), context.now),
                 [](const std::vector<Consent>& consents) {
                   nlohmann::json items = nlohmann::json::array();
                   for (const auto& consent : consents) items.push_back(consent_json(consent));
                   return json_response(200, {{"items", items}});
                 });
}

HttpResponse revoke_consent(RequestContext& context) {
  return respond(context.services.store.revoke_consent(context.actor, context.parameter("id"),
                                                       context.parameter("consent_id"), context.now),
                 [](const Consent& consent) { return json_response(200, consent_json(consent)); });
}

}  // namespace caseboard::api
