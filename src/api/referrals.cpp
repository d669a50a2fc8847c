// The referral inbox: log a referral, list and read, triage, assign, decline, first contact.
#include <map>

#include "api/handlers.hpp"
#include "api/record_request.hpp"
#include "core/field_check.hpp"

namespace caseboard::api {
namespace {

constexpr std::string_view kReferralFields[] = {"client_id",        "program_id", "source",   "referrer_name",
                                                "referrer_contact", "reason",     "priority", "received_at"};

// The first-contact clock of the referral while it runs, by its program's rules.
std::optional<ClockItem> referral_clock(const RequestContext& context, const Referral& referral,
                                        const ClockRules& rules) {
  CaseRecords::Referral clock{referral.id, parse_timestamp(referral.fields.received_at).value_or(context.now),
                              parse_timestamp(referral.first_contact_at), referral.status == "declined"};
  auto item = first_contact_item(clock, referral.fields.client_id, rules, context.now);
  if (item) item->case_id = referral.case_id;
  return item;
}

// One referral's answer: its program's rules are read for its clock.
HttpResponse referral_response(RequestContext& context, int status, const Referral& referral) {
  auto program = context.services.store.get_program(context.actor, referral.fields.program_id);
  const ClockRules rules = program ? program->fields.clock_rules : ClockRules{};
  return with_entity_tag(json_response(status, to_json(referral, referral_clock(context, referral, rules))),
                         referral.version);
}

template <class Step>
HttpResponse referral_step(RequestContext& context, std::initializer_list<std::string_view> allowed, Step&& step) {
  auto version = required_version(context.request);
  if (!version) return error_response(version.error());
  auto body = read_body(context.request);
  if (!body) return error_response(body.error());
  JsonReader reader(*body);
  reader.allow_only(allowed);
  auto result = step(reader, *version);
  if (!result) return error_response(result.error());
  return referral_response(context, 200, *result);
}

}  // namespace

HttpResponse create_referral(RequestContext& context) {
  auto requested = read_request(context.request, kReferralFields, [&](JsonReader& reader) {
    ReferralFields fields;
    fields.client_id = reader.required_string("client_id");
    fields.program_id = reader.required_string("program_id");
    fields.source = reader.required_string("source");
    fields.referrer_name = reader.required_string("referrer_name");
    fields.referrer_contact = reader.optional_string("referrer_contact").value_or("");
    fields.reason = reader.required_string("reason");
    fields.priority = reader.optional_string("priority").value_or("routine");
    fields.received_at = reader.optional_string("received_at").value_or(format_timestamp(context.now));
    return fields;
  });
  if (!requested) return error_response(requested.error());
  auto valid = validate_referral(std::move(*requested), context.now);
  if (!valid) return error_response(valid.error());
  auto created = context.services.store.create_referral(context.actor, std::move(*valid), context.now);
  if (!created) return error_response(created.error());
  return referral_response(context, 201, *created);
}

HttpResponse list_referrals(RequestContext& context) {
  auto query = read_query(context.request, {"status"});
  if (!query) return error_response(query.error());
  store::ReferralQuery search;
  if (auto status = query->find("status"); status != query->end()) search.status = status->second;
  static constexpr std::string_view kFilters[] = {"open", "new", "triaged", "assigned", "declined", "all"};
  if (auto valid = check_choice(search.status, kFilters, "status"); !valid) return error_response(valid.error());
  auto referrals = context.services.store.list_referrals(context.actor, search, context.now);
  if (!referrals) return error_response(referrals.error());
  nlohmann::json items = nlohmann::json::array();
  // The programs' rules once for the whole inbox, not once per referral.
  auto programs = context.services.store.list_programs(context.actor);
  if (!programs) return error_response(programs.error());
  std::map<std::string, ClockRules> rules;
  for (const auto& program : *programs) rules[program.id] = program.fields.clock_rules;
  for (const auto& referral : *referrals) {
    items.push_back(to_json(referral, referral_clock(context, referral, rules[referral.fields.program_id])));
  }
  return json_response(200, {{"items", items}});
}

HttpResponse get_referral(RequestContext& context) {
  auto referral = context.services.store.get_referral(context.actor, context.parameter("id"), context.now);
  if (!referral) return error_response(referral.error());
  return referral_response(context, 200, *referral);
}

HttpResponse triage_referral(RequestContext& context) {
  return referral_step(context, {"priority", "triage_note"},
                       [&](JsonReader& reader, std::int64_t version) -> Result<Referral> {
                         auto priority = reader.required_string("priority");
                         auto note = reader.optional_string("triage_note").value_or("");
                         CB_TRY(reader.result());
                         CB_TRY(check_choice(priority, kReferralPriorities, "priority"));
                         CB_TRY(check_text(note, "triage_note", 0, 2000, LineBreaks::Allowed));
                         return context.services.store.triage_referral(context.actor, context.parameter("id"), version,
                                                                       priority, note, context.now);
                       });
}

HttpResponse assign_referral(RequestContext& context) {
  return referral_step(context, {"case_manager_id"}, [&](JsonReader& reader, std::int64_t version) -> Result<Referral> {
    auto case_manager_id = reader.required_string("case_manager_id");
    CB_TRY(reader.result());
    return context.services.store.assign_referral(context.actor, context.parameter("id"), version, case_manager_id,
                                                  context.now);
  });
}

HttpResponse decline_referral(RequestContext& context) {
  return referral_step(context, {"reason"}, [&](JsonReader& reader, std::int64_t version) -> Result<Referral> {
    auto reason = reader.required_string("reason");
    CB_TRY(reader.result());
    CB_TRY(check_text(reason, "reason", 1, 2000, LineBreaks::Allowed));
    return context.services.store.decline_referral(context.actor, context.parameter("id"), version, reason,
                                                   context.now);
  });
}

HttpResponse record_first_contact(RequestContext& context) {
  return referral_step(
      context, {"contacted_at", "method"}, [&](JsonReader& reader, std::int64_t version) -> Result<Referral> {
        auto contacted_text = reader.optional_string("contacted_at").value_or(format_timestamp(context.now));
        auto method = reader.required_string("method");
        CB_TRY(reader.result());
        CB_TRY_ASSIGN(contacted_at, check_time(contacted_text, "contacted_at"));
        CB_TRY(check_not_future(contacted_at, context.now, "contacted_at"));
        CB_TRY(check_choice(method, kContactMethods, "method"));
        return context.services.store.record_first_contact(context.actor, context.parameter("id"), version,
                                                           contacted_at, method, context.now);
      });
}

}  // namespace caseboard::api
