// Coverage and benefits: payers and eligibility checks, authorizations and units used, advocacy.
#include <algorithm>

#include "api/handlers.hpp"
#include "api/record_request.hpp"

namespace caseboard::api {
namespace {

constexpr std::string_view kCoverageFields[] = {"payer_kind", "payer_name", "member_id", "verified_on", "active"};
constexpr std::string_view kAuthorizationFields[] = {"coverage_id", "service",    "units_approved",
                                                     "units_used",  "valid_from", "valid_to"};
constexpr std::string_view kAdvocacyFields[] = {"kind", "description", "status", "submitted_on", "decided_on"};

void assign(JsonReader& reader, std::string_view name, std::string& target) {
  if (auto value = reader.optional_string(name)) target = *value;
}

void apply_coverage(JsonReader& reader, CoverageFields& f) {
  assign(reader, "payer_kind", f.payer_kind);
  assign(reader, "payer_name", f.payer_name);
  assign(reader, "member_id", f.member_id);
  assign(reader, "verified_on", f.verified_on);
  if (auto value = reader.optional_bool("active")) f.active = *value;
}

void apply_advocacy(JsonReader& reader, AdvocacyFields& f) {
  assign(reader, "kind", f.kind);
  assign(reader, "description", f.description);
  assign(reader, "status", f.status);
  assign(reader, "submitted_on", f.submitted_on);
  assign(reader, "decided_on", f.decided_on);
}

nlohmann::json to_json(const Coverage& coverage) {
  const auto& f = coverage.fields;
  return {{"id", coverage.id},
          {"version", coverage.version},
          {"client_id", coverage.client_id},
          {"payer_kind", f.payer_kind},
          {"payer_name", f.payer_name},
          {"member_id", text_or_null(f.member_id)},
          {"verified_on", text_or_null(f.verified_on)},
          {"active", f.active},
          {"created_at", coverage.created_at},
          {"updated_at", coverage.updated_at}};
}

nlohmann::json to_json(const Authorization& authorization) {
  const auto& f = authorization.fields;
  return {{"id", authorization.id},
          {"version", authorization.version},
          {"client_id", authorization.client_id},
          {"coverage_id", f.coverage_id},
          {"service", f.service},
          {"units_approved", f.units_approved},
          {"units_used", f.units_used},
          {"units_left", units_left(f)},
          {"units_low", units_run_low(f)},
          {"valid_from", f.valid_from},
          {"valid_to", f.valid_to},
          {"created_at", authorization.created_at},
          {"updated_at", authorization.updated_at}};
}

nlohmann::json to_json(const AdvocacyItem& item) {
  const auto& f = item.fields;
  return {{"id", item.id},
          {"version", item.version},
          {"client_id", item.client_id},
          {"kind", f.kind},
          {"description", f.description},
          {"status", f.status},
          {"submitted_on", text_or_null(f.submitted_on)},
          {"decided_on", text_or_null(f.decided_on)},
          {"created_at", item.created_at},
          {"updated_at", item.updated_at}};
}

template <class Record>
HttpResponse record_response(int status, const Record& record) {
  return with_entity_tag(json_response(status, to_json(record)), record.version);
}

template <class Record>
HttpResponse list_response(const std::vector<Record>& records) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& record : records) items.push_back(to_json(record));
  return json_response(200, {{"items", items}});
}

}  // namespace

HttpResponse list_coverages(RequestContext& context) {
  return respond(context.services.store.list_coverages(context.actor, context.parameter("id"), context.now),
                 list_response<Coverage>);
}

HttpResponse create_coverage(RequestContext& context) {
  auto fields = read_request(context.request, kCoverageFields, [](JsonReader& reader) {
    (void)reader.required_string("payer_kind");
    (void)reader.required_string("payer_name");
    CoverageFields f;
    apply_coverage(reader, f);
    return f;
  });
  if (!fields) return error_response(fields.error());
  auto valid = validate_coverage(std::move(*fields), context.now);
  if (!valid) return error_response(valid.error());
  return respond(
      context.services.store.create_coverage(context.actor, context.parameter("id"), std::move(*valid), context.now),
      [](const Coverage& coverage) { return record_response(201, coverage); });
}

HttpResponse update_coverage(RequestContext& context) {
  auto patch = read_patch<CoverageFields>(context.request, kCoverageFields, apply_coverage, [&](CoverageFields f) {
    return validate_coverage(std::move(f), context.now);
  });
  if (!patch) return error_response(patch.error());
  return respond(context.services.store.update_coverage(context.actor, context.parameter("id"), patch->version,
                                                        patch->change, context.now),
                 [](const Coverage& coverage) { return record_response(200, coverage); });
}

HttpResponse list_authorizations(RequestContext& context) {
  return respond(context.services.store.list_authorizations(context.actor, context.parameter("id"), context.now),
                 list_response<Authorization>);
}

HttpResponse create_authorization(RequestContext& context) {
  auto fields = read_request(context.request, kAuthorizationFields, [](JsonReader& reader) {
    AuthorizationFields f;
    f.coverage_id = reader.required_string("coverage_id");
    f.service = reader.required_string("service");
    if (!reader.has("units_approved")) {
      reader.fail_with(make_error(ErrorCode::MalformedRequest, "units_approved is required", "units_approved"));
    }
    auto clamp = [](std::int64_t value) { return static_cast<int>(std::clamp<std::int64_t>(value, -1, 1000000)); };
    f.units_approved = clamp(reader.optional_integer("units_approved").value_or(0));
    f.units_used = clamp(reader.optional_integer("units_used").value_or(0));
    f.valid_from = reader.required_string("valid_from");
    f.valid_to = reader.required_string("valid_to");
    return f;
  });
  if (!fields) return error_response(fields.error());
  auto valid = validate_authorization(std::move(*fields));
  if (!valid) return error_response(valid.error());
  return respond(context.services.store.create_authorization(context.actor, context.parameter("id"), std::move(*valid),
                                                             context.now),
                 [](const Authorization& authorization) { return record_response(201, authorization); });
}

HttpResponse use_authorization_units(RequestContext& context) {
  auto version = required_version(context.request);
  if (!version) return error_response(version.error());
  static constexpr std::string_view kFields[] = {"units"};
  auto units = read_request(context.request, kFields, [](JsonReader& reader) {
    if (!reader.has("units")) reader.fail_with(make_error(ErrorCode::MalformedRequest, "units is required", "units"));
    return static_cast<int>(std::clamp<std::int64_t>(reader.optional_integer("units").value_or(0), -1, 1000000));
  });
  if (!units) return error_response(units.error());
  return respond(context.services.store.use_authorization_units(context.actor, context.parameter("id"), *version,
                                                                *units, context.now),
                 [](const Authorization& authorization) { return record_response(200, authorization); });
}

HttpResponse list_advocacy(RequestContext& context) {
  return respond(context.services.store.list_advocacy(context.actor, context.parameter("id"), context.now),
                 list_response<AdvocacyItem>);
}

HttpResponse create_advocacy(RequestContext& context) {
  auto fields = read_request(context.request, kAdvocacyFields, [](JsonReader& reader) {
    (void)reader.required_string("kind");
    (void)reader.required_string("description");
    AdvocacyFields f;
    apply_advocacy(reader, f);
    return f;
  });
  if (!fields) return error_response(fields.error());
  auto valid = validate_advocacy(std::move(*fields), context.now);
  if (!valid) return error_response(valid.error());
  return respond(
      context.services.store.create_advocacy(context.actor, context.parameter("id"), std::move(*valid), context.now),
      [](const AdvocacyItem& item) { return record_response(201, item); });
}

HttpResponse update_advocacy(RequestContext& context) {
  auto patch = read_patch<AdvocacyFields>(context.request, kAdvocacyFields, apply_advocacy, [&](AdvocacyFields f) {
    return validate_advocacy(std::move(f), context.now);
  });
  if (!patch) return error_response(patch.error());
  return respond(context.services.store.update_advocacy(context.actor, context.parameter("id"), patch->version,
                                                        patch->change, context.now),
                 [](const AdvocacyItem& item) { return record_response(200, item); });
}

}  // namespace caseboard::api
