// The resource directory: search and ranking (from a need, or from a client's open needs), the
// listings, CSV import and export, and the medical-necessity check of a requested service.
#include <algorithm>
#include <charconv>
#include <cmath>

#include "api/directory_csv.hpp"
#include "api/handlers.hpp"
#include "api/record_request.hpp"

namespace caseboard::api {
namespace {

constexpr std::string_view kServiceFields[] = {
    "name", "provider",  "needs",     "description", "min_age", "max_age",  "payers",    "area",  "languages",
    "cost", "accepting", "wait_days", "hours",       "address", "latitude", "longitude", "phone", "active"};

void apply_service_fields(JsonReader& reader, ServiceFields& f) {
  auto assign = [&](std::string_view name, std::string& target) {
    if (auto value = reader.optional_string(name)) target = *value;
  };
  auto whole = [&](std::string_view name, int& target) {
    if (auto value = reader.optional_integer(name))
      target = static_cast<int>(std::clamp<std::int64_t>(*value, -1, 100000));
  };
  assign("name", f.name);
  assign("provider", f.provider);
  if (auto items = reader.optional_strings("needs")) f.needs = std::move(*items);
  assign("description", f.description);
  whole("min_age", f.min_age);
  whole("max_age", f.max_age);
  if (auto items = reader.optional_strings("payers")) f.payers = std::move(*items);
  assign("area", f.area);
  if (auto items = reader.optional_strings("languages")) f.languages = std::move(*items);
  assign("cost", f.cost);
  if (auto value = reader.optional_bool("accepting")) f.accepting = *value;
  whole("wait_days", f.wait_days);
  assign("hours", f.hours);
  assign("address", f.address);
  if (reader.is_null("latitude") && reader.is_null("longitude")) {
    f.location.reset();
  } else if (reader.has("latitude") || reader.has("longitude")) {
    auto latitude = reader.optional_number("latitude");
    auto longitude = reader.optional_number("longitude");
    if (latitude && longitude) {
      f.location = Coordinates{*latitude, *longitude};
    } else if (!reader.error()) {
      reader.fail_with(make_error(ErrorCode::MalformedRequest, "latitude and longitude go together", "longitude"));
    }
  }
  assign("phone", f.phone);
  if (auto value = reader.optional_bool("active")) f.active = *value;
}

nlohmann::json service_json(const ServiceListing& listing) {
  const auto& f = listing.fields;
  return {{"id", listing.id},
          {"version", listing.version},
          {"name", f.name},
          {"provider", text_or_null(f.provider)},
          {"needs", f.needs},
          {"description", text_or_null(f.description)},
          {"min_age", f.min_age},
          {"max_age", f.max_age},
          {"payers", f.payers},
          {"area", text_or_null(f.area)},
          {"languages", f.languages},
          {"cost", f.cost},
          {"accepting", f.accepting},
          {"wait_days", f.wait_days},
          {"hours", text_or_null(f.hours)},
          {"address", text_or_null(f.address)},
          {"latitude", f.location ? nlohmann::json(f.location->latitude) : nlohmann::json(nullptr)},
          {"longitude", f.location ? nlohmann::json(f.location->longitude) : nlohmann::json(nullptr)},
          {"phone", text_or_null(f.phone)},
          {"active", f.active},
          {"created_at", listing.created_at},
          {"updated_at", listing.updated_at}};
}

nlohmann::json matches_json(const std::vector<ServiceListing>& listings, const std::vector<ServiceMatch>& matches,
                            std::size_t limit = 50) {
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < matches.size() && i < limit; ++i) {
    const auto& match = matches[i];
    items.push_back({{"service", service_json(listings[match.index])},
                     {"distance_km", match.distance_km ? nlohmann::json(std::round(*match.distance_km * 10) / 10)
                                                       : nlohmann::json(nullptr)},
                     {"eligible", match.unmet.empty()},
                     {"unmet", match.unmet}});
  }
  return items;
}

HttpResponse service_response(int status, const ServiceListing& listing) {
  return with_entity_tag(json_response(status, service_json(listing)), listing.version);
}

}  // namespace

HttpResponse search_directory(RequestContext& context) {
  auto query = read_query(context.request, {"need", "language", "payer", "within_km", "client_id"});
  if (!query) return error_response(query.error());
  ServiceQuery search;
  auto get = [&](const char* name) {
    auto found = query->find(name);
    return found == query->end() ? std::string() : found->second;
  };
  search.need = get("need");
  search.language = get("language");
  search.payer = get("payer");
  if (!search.payer.empty()) {
    if (auto valid = check_choice(search.payer, kPayerKinds, "payer"); !valid) return error_response(valid.error());
  }
  if (const auto within = get("within_km"); !within.empty()) {
    double km = 0;
    auto [end, status] = std::from_chars(within.data(), within.data() + within.size(), km);
    if (status != std::errc() || end != within.data() + within.size() || km <= 0) {
      return error_response(make_error(ErrorCode::InvalidArgument, "within_km must be a positive number", "within_km"));
    }
    search.within_km = km;
  }
  if (const auto client_id = get("client_id"); !client_id.empty()) {
    auto found = context.services.store.service_context(context.actor, client_id, context.now);
    if (!found) return error_response(found.error());
    search.seeker = found->seeker;
  }
  auto listings = context.services.store.list_services(context.actor);
  if (!listings) return error_response(listings.error());
  return json_response(200, {{"items", matches_json(*listings, rank_services(*listings, search))}});
}

HttpResponse client_service_matches(RequestContext& context) {
  auto found = context.services.store.service_context(context.actor, context.parameter("id"), context.now);
  if (!found) return error_response(found.error());
  auto listings = context.services.store.list_services(context.actor);
  if (!listings) return error_response(listings.error());
  nlohmann::json needs = nlohmann::json::array();
  for (const auto& need : found->open_needs) {
    ServiceQuery search;
    search.need = need.category;
    search.seeker = found->seeker;
    needs.push_back(
        {{"need",
          {{"id", need.id}, {"category", need.category}, {"description", need.description}, {"status", need.status}}},
         {"matches", matches_json(*listings, rank_services(*listings, search), 10)}});
  }
  return json_response(200, {{"needs", needs}});
}

HttpResponse check_service_request(RequestContext& context) {
  static constexpr std::string_view kFields[] = {"service_id"};
  auto service_id =
      read_request(context.request, kFields, [](JsonReader& reader) { return reader.required_string("service_id"); });
  if (!service_id) return error_response(service_id.error());
  auto found = context.services.store.service_context(context.actor, context.parameter("id"), context.now);
  if (!found) return error_response(found.error());
  auto listings = context.services.store.list_services(context.actor);
  if (!listings) return error_response(listings.error());
  auto requested = std::find_if(listings->begin(), listings->end(),
                                [&](const ServiceListing& listing) { return listing.id == *service_id; });
  if (requested == listings->end()) {
    return error_response(make_error(ErrorCode::NotFound, "service not found", "service_id"));
  }
  // Necessary: a need on the client's plan calls for it; covered and eligible: unmet_criteria.
  std::vector<std::string> documented;
  for (const auto& need : found->open_needs) {
    if (std::find(requested->fields.needs.begin(), requested->fields.needs.end(), need.category) !=
        requested->fields.needs.end()) {
      documented.push_back(need.category);
    }
  }
  auto reasons = unmet_criteria(requested->fields, found->seeker);
  if (documented.empty()) {
    reasons.insert(
        reasons.begin(), "no need on the client's care plan calls for this service (it meets: " + [&] {
          std::string list;
          for (const auto& need : requested->fields.needs) {
            list += (list.empty() ? "" : ", ") + need;
          }
          return list;
        }() + ")");
  }
  // Alternatives: services that meet the same need and that the client may use.
  nlohmann::json alternatives = nlohmann::json::array();
  if (!reasons.empty()) {
    const auto& needs = documented.empty() ? requested->fields.needs : documented;
    std::vector<ServiceMatch> eligible;
    for (const auto& need : needs) {
      ServiceQuery search;
      search.need = need;
      search.seeker = found->seeker;
      for (const auto& match : rank_services(*listings, search)) {
        const bool seen = std::any_of(eligible.begin(), eligible.end(),
                                      [&](const ServiceMatch& other) { return other.index == match.index; });
        if (match.unmet.empty() && (*listings)[match.index].id != *service_id && !seen) eligible.push_back(match);
      }
    }
    alternatives = matches_json(*listings, eligible, 5);
  }
  return json_response(200, {{"service", service_json(*requested)},
                             {"meets", reasons.empty()},
                             {"reasons", reasons},
                             {"alternatives", alternatives}});
}

HttpResponse get_service(RequestContext& context) {
  return respond(context.services.store.get_service(context.actor, context.parameter("id")),
                 [](const ServiceListing& listing) { return service_response(200, listing); });
}

HttpResponse create_service(RequestContext& context) {
  auto fields = read_request(context.request, kServiceFields, [](JsonReader& reader) {
    (void)reader.required_string("name");
    ServiceFields f;
    apply_service_fields(reader, f);
    return f;
  });
  if (!fields) return error_response(fields.error());
  auto valid = validate_service(std::move(*fields));
  if (!valid) return error_response(valid.error());
  return respond(context.services.store.create_service(context.actor, std::move(*valid), context.now),
                 [](const ServiceListing& listing) { return service_response(201, listing); });
}

HttpResponse update_service(RequestContext& context) {
  auto patch = read_patch<ServiceFields>(context.request, kServiceFields, apply_service_fields,
                                         [](ServiceFields f) { return validate_service(std::move(f)); });
  if (!patch) return error_response(patch.error());
  return respond(context.services.store.update_service(context.actor, context.parameter("id"), patch->version,
                                                       patch->change, context.now),
                 [](const ServiceListing& listing) { return service_response(200, listing); });
}

HttpResponse export_directory(RequestContext& context) {
  auto listings = context.services.store.list_services(context.actor);
  if (!listings) return error_response(listings.error());
  HttpResponse response;
  response.status = 200;
  response.content_type = "text/csv; charset=utf-8";
  response.body = services_to_csv(*listings);
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"directory.csv\"");
  return response;
}

HttpResponse import_directory(RequestContext& context) {
  const auto& type = context.request.content_type;
  if (!type.starts_with("text/csv")) {
    return error_response(make_error(ErrorCode::UnsupportedMediaType, "send the file as text/csv"));
  }
  auto rows = services_from_csv(context.request.body);
  if (!rows) return error_response(rows.error());
  return respond(context.services.store.import_services(context.actor, std::move(*rows), context.now),
                 [](const std::pair<int, int>& counts) {
                   return json_response(200, {{"created", counts.first}, {"updated", counts.second}});
                 });
}

}  // namespace caseboard::api
