// Break-the-glass: opening a client outside one's scope, with a reason and the second factor;
// the grants shown on the client's record; and the alerts they raise.
#include "api/handlers.hpp"
#include "api/json_mapping.hpp"
#include "api/json_reader.hpp"
#include "core/text.hpp"
#include "security/totp.hpp"

namespace caseboard::api {
namespace {

nlohmann::json grant_json(const BreakGlassGrant& grant) {
  return {{"id", grant.id},         {"client_id", grant.client_id},   {"user_id", grant.user_id},
          {"reason", grant.reason}, {"granted_at", grant.granted_at}, {"expires_at", grant.expires_at}};
}

nlohmann::json alert_json(const Alert& alert) {
  return {{"id", alert.id},
          {"kind", alert.kind},
          {"client_id", text_or_null(alert.client_id)},
          {"about_user_id", text_or_null(alert.about_user_id)},
          {"detail", text_or_null(alert.detail)},
          {"created_at", alert.created_at},
          {"acknowledged_at", text_or_null(alert.acknowledged_at)}};
}

}  // namespace

HttpResponse break_glass(RequestContext& context) {
  auto body = read_body(context.request);
  if (!body) return error_response(body.error());
  JsonReader reader(*body);
  reader.allow_only({"reason", "totp_code"});
  auto reason = trim(reader.required_string("reason"));
  auto code = reader.required_string("totp_code");
  if (auto parsed = reader.result(); !parsed) return error_response(parsed.error());
  if (utf8_length(reason) < 10 || utf8_length(reason) > 1000 || has_control_characters(reason, LineBreaks::Allowed)) {
    return error_response(
        make_error(ErrorCode::InvalidArgument, "say why you need this record (10 to 1000 characters)", "reason"));
  }
  auto me = context.services.store.get_user(context.actor, context.actor.user_id);
  if (!me) return error_response(me.error());
  auto credentials = context.services.store.find_credentials(me->fields.username);
  if (!credentials) return error_response(credentials.error());
  if (!*credentials || (*credentials)->sealed_totp_secret.empty()) {
    return error_response(make_error(ErrorCode::FailedPrecondition,
                                     "breaking the glass needs a second factor: enrol one first", "totp_code"));
  }
  auto secret = context.services.store.open_secret((*credentials)->sealed_totp_secret);
  if (!secret) return error_response(secret.error());
  auto step = security::verify_totp(*secret, code, context.now);
  if (!step) {
    return error_response(
        make_error(ErrorCode::InvalidArgument, "the code is not right; try the next one", "totp_code"));
  }
  return respond(context.services.store.break_glass(context.actor, context.parameter("id"), reason, *step,
                                                    context.now + context.services.break_glass_duration, context.now),
                 [](const BreakGlassGrant& grant) { return json_response(201, grant_json(grant)); });
}

HttpResponse list_break_glass_grants(RequestContext& context) {
  return respond(context.services.store.break_glass_grants(context.actor, context.parameter("id"), context.now),
                 [](const std::vector<BreakGlassGrant>& grants) {
                   nlohmann::json items = nlohmann::json::array();
                   for (const auto& grant : grants) items.push_back(grant_json(grant));
                   return json_response(200, {{"items", items}});
                 });
}

HttpResponse list_alerts(RequestContext& context) {
  return respond(context.services.store.list_alerts(context.actor), [](const std::vector<Alert>& alerts) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& alert : alerts) items.push_back(alert_json(alert));
    return json_response(200, {{"items", items}});
  });
}

HttpResponse acknowledge_alert(RequestContext& context) {
  return respond(context.services.store.acknowledge_alert(context.actor, context.parameter("id"), context.now),
                 [](const Alert& alert) { return json_response(200, alert_json(alert)); });
}

}  // namespace caseboard::api
