// Discharge, the post-discharge check-in, readmissions.
#include <algorithm>

#include "api/handlers.hpp"
#include "api/record_request.hpp"

namespace caseboard::api {
namespace {

constexpr std::string_view kDischargeFields[] = {"discharged_at",     "destination", "destination_details",
                                                 "services_arranged", "notes",       "family_education_done"};

}  // namespace

HttpResponse discharge_case(RequestContext& context) {
  auto version = required_version(context.request);
  if (!version) return error_response(version.error());
  auto requested = read_request(context.request, kDischargeFields, [&](JsonReader& reader) {
    DischargeFields fields;
    fields.discharged_at = reader.optional_string("discharged_at").value_or(format_timestamp(context.now));
    fields.destination = reader.required_string("destination");
    fields.destination_details = reader.optional_string("destination_details").value_or("");
    fields.services_arranged = reader.optional_string("services_arranged").value_or("");
    fields.family_education_done = reader.required_bool("family_education_done");
    fields.notes = reader.optional_string("notes").value_or("");
    return fields;
  });
  if (!requested) return error_response(requested.error());
  auto valid = validate_discharge(std::move(*requested), context.now);
  if (!valid) return error_response(valid.error());
  return respond(context.services.store.discharge_case(context.actor, context.parameter("id"), *version,
                                                       std::move(*valid), context.now),
                 [](const Discharge& discharge) { return versioned_response(201, discharge); });
}

HttpResponse list_discharges(RequestContext& context) {
  return respond(context.services.store.list_discharges(context.actor, context.parameter("id"), context.now),
                 items_response<Discharge>);
}

HttpResponse record_check_in(RequestContext& context) {
  auto version = required_version(context.request);
  if (!version) return error_response(version.error());
  static constexpr std::string_view kFields[] = {"health_status_changed", "satisfaction", "notes"};
  auto requested_check_in = read_request(context.request, kFields, [](JsonReader& reader) {
    CheckIn check_in;
    check_in.health_status_changed = reader.required_bool("health_status_changed");
    if (!reader.has("satisfaction")) {
      reader.fail_with(make_error(ErrorCode::MalformedRequest, "satisfaction is required", "satisfaction"));
    }
    check_in.satisfaction =
        static_cast<int>(std::clamp<std::int64_t>(reader.optional_integer("satisfaction").value_or(0), -1, 6));
    check_in.notes = reader.optional_string("notes").value_or("");
    return check_in;
  });
  if (!requested_check_in) return error_response(requested_check_in.error());
  auto valid = validate_check_in(std::move(*requested_check_in));
  if (!valid) return error_response(valid.error());
  return respond(context.services.store.record_check_in(context.actor, context.parameter("id"), *version,
                                                        std::move(*valid), context.now),
                 [](const Discharge& discharge) { return versioned_response(200, discharge); });
}

HttpResponse record_readmission(RequestContext& context) {
  static constexpr std::string_view kFields[] = {"admitted_at", "facility", "reason"};
  auto requested_readmission = read_request(context.request, kFields, [](JsonReader& reader) {
    Readmission readmission;
    readmission.admitted_at = reader.required_string("admitted_at");
    readmission.facility = reader.required_string("facility");
    readmission.reason = reader.required_string("reason");
    return readmission;
  });
  if (!requested_readmission) return error_response(requested_readmission.error());
  return respond(context.services.store.record_readmission(context.actor, context.parameter("id"),
                                                           std::move(*requested_readmission), context.now),
                 [](const Discharge& discharge) { return versioned_response(201, discharge); });
}

}  // namespace caseboard::api
