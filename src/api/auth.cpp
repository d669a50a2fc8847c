// Sign-in, sign-out, the signed-in user, and the health check.
#include "api/handlers.hpp"
#include "api/json_mapping.hpp"
#include "api/json_reader.hpp"
#include "api/session_cookie.hpp"
#include "core/access.hpp"
#include "security/password.hpp"
#include "security/session_token.hpp"
#include "security/totp.hpp"

namespace caseboard::api {

HttpResponse login(RequestContext& context) {
  auto& throttle = context.services.sign_in_throttle;
  const auto& source = context.request.remote_address;
  if (auto wait = throttle.retry_after(source, context.now); wait.count() > 0) {
    auto recorded = context.services.store.record_event(
        context.actor, {"session.sign_in", "user", {}, {}, "refused", "too many failed sign-ins from this address"},
        context.now);
    auto response = error_response(recorded ? make_error(ErrorCode::ResourceExhausted,
                                                         "too many failed sign-ins from this address; try again later")
                                            : recorded.error());
    if (recorded) {
      response.status = 429;
      response.headers.emplace_back("Retry-After", std::to_string(wait.count()));
    }
    return response;
  }

  auto body = read_body(context.request);
  if (!body) return error_response(body.error());
  JsonReader reader(*body);
  reader.allow_only({"username", "password", "totp_code"});
  auto username = reader.required_string("username");
  auto password = reader.required_string("password");
  auto totp_code = reader.optional_string("totp_code");
  if (auto checked = reader.result(); !checked) return error_response(checked.error());

  // One answer for every failure, so it tells nothing about which accounts exist or are locked.
  const auto refused =
      make_error(ErrorCode::Unauthenticated, "the username or password is not right, or the account is locked for now");
  auto refuse = [&](Result<void> recorded) {
    throttle.record_failure(source, context.now);
    return error_response(recorded ? refused : recorded.error());
  };
  auto credentials = context.services.store.find_credentials(username);
  if (!credentials) return error_response(credentials.error());
  if (!*credentials) {
    security::verify_password_against_dummy(password);  // same time as a known user
    // The attempted name is not recorded: people type passwords into the username field.
    return refuse(context.services.store.record_event(
        context.actor, {"session.sign_in", "user", {}, {}, "refused", "unknown username"}, context.now));
  }
  const auto& [user, hash, sign_in_state, sealed_totp_secret] = **credentials;
  Actor actor{user.id, user.organization_id, user.fields.role, context.request.remote_address,
              context.request.request_id};
  if (is_locked(sign_in_state, context.now)) {
    security::verify_password_against_dummy(password);  // a locked account is not tried, but takes as long
    return refuse(context.services.store.record_event(
        actor, {"session.sign_in", "user", user.id, {}, "refused", "account locked"}, context.now));
  }
  if (!security::verify_password(hash, password) || !user.fields.active) {
    auto counted = context.services.store.record_sign_in_failure(
        actor, user.fields.active ? "wrong password" : "inactive account", context.now);
    return refuse(counted ? Result<void>{} : fail(std::move(counted.error())));
  }

  // The password is right; a second factor, when the user has one (administrators must), comes next.
  std::optional<std::int64_t> totp_step;
  if (!sealed_totp_secret.empty() || requires_second_factor(user.fields.role)) {
    if (sealed_totp_secret.empty()) {
      return error_response(make_error(ErrorCode::Unauthenticated,
                                       "this account needs a second factor before it can sign in; ask an administrator",
                                       "totp_code"));
    }
    if (!totp_code || totp_code->empty()) {
      return error_response(
          make_error(ErrorCode::Unauthenticated, "enter the 6-digit code from your authenticator app", "totp_code"));
    }
    auto secret = context.services.store.open_secret(sealed_totp_secret);
    if (!secret) return error_response(secret.error());
    totp_step = security::verify_totp(*secret, *totp_code, context.now);
    if (!totp_step) {
      auto counted = context.services.store.record_sign_in_failure(actor, "wrong second factor", context.now);
      return refuse(counted ? Result<void>{} : fail(std::move(counted.error())));
    }
  }

  auto token = security::new_session_token();
  store::Session session{security::hash_session_token(token), user.id, context.now,
                         context.now + context.services.sessions.lifetime, totp_step};
  if (auto created = context.services.store.create_session(actor, session); !created) {
    return error_response(created.error());
  }
  auto response = json_response(200, {{"token", token}, {"user", to_json(user)}});
  response.headers.emplace_back("Set-Cookie", session_cookie(token));
  return response;
}

HttpResponse logout(RequestContext& context) {
  // Signed in, so a token was presented (authentication checked it).
  const auto presented = presented_token(context.request);
  auto revoked = context.services.store.revoke_session(
      context.actor, security::hash_session_token(presented ? presented->token : std::string()), context.now);
  if (!revoked) return error_response(revoked.error());
  auto response = no_content();
  response.headers.emplace_back("Set-Cookie", expired_session_cookie());
  return response;
}

HttpResponse current_user(RequestContext& context) {
  return respond(context.services.store.get_user(context.actor, context.actor.user_id),
                 [](const User& user) { return json_response(200, to_json(user)); });
}

HttpResponse start_second_factor(RequestContext& context) {
  auto me = context.services.store.get_user(context.actor, context.actor.user_id);
  if (!me) return error_response(me.error());
  const auto secret = security::new_totp_secret();
  if (auto kept = context.services.store.store_pending_totp(context.actor, context.services.store.seal_secret(secret),
                                                            context.now);
      !kept) {
    return error_response(kept.error());
  }
  return json_response(200, {{"secret", security::totp_base32(secret)},
                             {"otpauth_uri", security::totp_uri(secret, me->fields.username)}});
}

HttpResponse confirm_second_factor(RequestContext& context) {
  auto body = read_body(context.request);
  if (!body) return error_response(body.error());
  JsonReader reader(*body);
  reader.allow_only({"code"});
  auto code = reader.required_string("code");
  if (auto parsed = reader.result(); !parsed) return error_response(parsed.error());
  auto sealed = context.services.store.pending_totp(context.actor);
  if (!sealed) return error_response(sealed.error());
  auto secret = context.services.store.open_secret(*sealed);
  if (!secret) return error_response(secret.error());
  auto step = security::verify_totp(*secret, code, context.now);
  if (!step)
    return error_response(make_error(ErrorCode::InvalidArgument, "the code is not right; try the next one", "code"));
  auto activated =
      context.services.store.activate_totp(context.actor, context.actor.user_id, *sealed, step, context.now);
  if (!activated) return error_response(activated.error());
  return no_content();
}

HttpResponse health(RequestContext& context) {
  return json_response(200, {{"status", "ok"}, {"database", context.services.store.backend_name()}});
}

}  // namespace caseboard::api
