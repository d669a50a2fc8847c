// Referrals out to providers and community partners: draft, send, answer, complete, follow up, cancel.
#include "api/handlers.hpp"
#include "api/record_request.hpp"
#include "core/field_check.hpp"

namespace caseboard::api {
namespace {

constexpr std::string_view kReferralOutFields[] = {"provider_name", "provider_contact", "service", "reason", "cost"};

// One step: If-Match, the text the step carries (named `field`; required when `text_required`).
HttpResponse step(RequestContext& context, ReferralOutStep step, std::string_view field, bool text_required) {
  auto version = required_version(context.request);
  if (!version) return error_response(version.error());
  std::string text;
  auto accepted = std::optional<bool>{};
  if (step == ReferralOutStep::Accept) {
    // POST .../response: {"accepted": bool, "reason"?}
    static constexpr std::string_view kFields[] = {"accepted", "reason"};
    auto parsed = read_request(context.request, kFields, [&](JsonReader& reader) {
      accepted = reader.required_bool("accepted");
      text = reader.optional_string("reason").value_or("");
      return 0;
    });
    if (!parsed) return error_response(parsed.error());
    if (!*accepted) {
      step = ReferralOutStep::Decline;
      text_required = true;
    }
    field = "reason";
  } else if (!field.empty()) {
    const std::string_view fields[] = {field};
    auto parsed = read_request(context.request, fields, [&](JsonReader& reader) {
      text = text_required ? reader.required_string(field) : reader.optional_string(field).value_or("");
      return 0;
    });
    if (!parsed) return error_response(parsed.error());
  }
  if (!field.empty()) {
    if (auto valid = check_text(text, field, text_required ? 1 : 0, 4000, LineBreaks::Allowed); !valid) {
      return error_response(valid.error());
    }
  }
  return respond(context.services.store.advance_referral_out(context.actor, context.parameter("id"), *version, step,
                                                             std::move(text), context.now),
                 [](const ReferralOut& referral) { return versioned_response(200, referral); });
}

}  // namespace

HttpResponse create_referral_out(RequestContext& context) {
  std::optional<double> cost;
  auto requested = read_request(context.request, kReferralOutFields, [&cost](JsonReader& reader) {
    ReferralOutFields fields;
    cost = reader.optional_number("cost");
    fields.provider_name = reader.required_string("provider_name");
    fields.provider_contact = reader.optional_string("provider_contact").value_or("");
    fields.service = reader.required_string("service");
    fields.reason = reader.required_string("reason");
    return fields;
  });
  if (!requested) return error_response(requested.error());
  auto cents = read_cost(cost);
  if (!cents) return error_response(cents.error());
  requested->cost_cents = *cents;
  auto valid = validate_referral_out(std::move(*requested));
  if (!valid) return error_response(valid.error());
  return respond(context.services.store.create_referral_out(context.actor, context.parameter("id"), std::move(*valid),
                                                            context.now),
                 [](const ReferralOut& referral) { return versioned_response(201, referral); });
}

HttpResponse list_referrals_out(RequestContext& context) {
  return respond(context.services.store.list_referrals_out(context.actor, context.parameter("id"), context.now),
                 items_response<ReferralOut>);
}

HttpResponse send_referral_out(RequestContext& context) {
  return step(context, ReferralOutStep::Send, {}, false);
}

HttpResponse answer_referral_out(RequestContext& context) {
  return step(context, ReferralOutStep::Accept, {}, false);
}

HttpResponse complete_referral_out(RequestContext& context) {
  return step(context, ReferralOutStep::Complete, "outcome", true);
}

HttpResponse follow_up_referral_out(RequestContext& context) {
  return step(context, ReferralOutStep::FollowUp, "note", true);
}

HttpResponse cancel_referral_out(RequestContext& context) {
  return step(context, ReferralOutStep::Cancel, "reason", true);
}

}  // namespace caseboard::api
