// Clients: intake with duplicate detection, read, update, search.
#include "api/handlers.hpp"
#include "api/json_mapping.hpp"
#include "api/json_reader.hpp"

namespace caseboard::api {
namespace {

constexpr std::string_view kClientFields[] = {"given_name", "family_name", "middle_name",        "preferred_name",
                                              "birth_date", "sex",         "preferred_language", "interpreter_needed",
                                              "risk_level", "latitude",    "longitude",          "phone",
                                              "email",      "address",     "identifiers"};

void read_identifiers(JsonReader& reader, std::vector<Identifier>& identifiers) {
  const auto* list = reader.optional_array("identifiers");
  if (!list) return;
  identifiers.clear();
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto path = reader.path_of("identifiers[" + std::to_string(i) + "]");
    const auto& item = (*list)[i];
    if (!item.is_object()) {
      reader.fail_with(make_error(ErrorCode::MalformedRequest, path + " must be an object", path));
      return;
    }
    JsonReader inner(item, path + ".");
    inner.allow_only({"type", "value"});
    Identifier identifier{inner.required_string("type"), inner.required_string("value")};
    if (inner.error()) {
      reader.fail_with(*inner.error());
      return;
    }
    identifiers.push_back(std::move(identifier));
  }
}

void read_address(JsonReader& reader, Address& address) {
  if (!reader.has("address")) return;
  const auto* object = reader.optional_object("address");
  address = Address{};
  if (!object) return;  // null clears the address
  JsonReader inner(*object, "address.");
  inner.allow_only({"line1", "line2", "city", "state", "postal_code", "country"});
  address.line1 = inner.optional_string("line1").value_or("");
  address.line2 = inner.optional_string("line2").value_or("");
  address.city = inner.optional_string("city").value_or("");
  address.state = inner.optional_string("state").value_or("");
  address.postal_code = inner.optional_string("postal_code").value_or("");
  address.country = inner.optional_string("country").value_or("");
  if (inner.error()) reader.fail_with(*inner.error());
}

// Overwrites the fields that the body names; the rest keep their value.
void apply_client_fields(JsonReader& reader, ClientFields& fields) {
  auto assign = [&](std::string_view name, std::string& target) {
    if (auto value = reader.optional_string(name)) target = *value;
  };
  assign("given_name", fields.given_name);
  assign("family_name", fields.family_name);
  assign("middle_name", fields.middle_name);
  assign("preferred_name", fields.preferred_name);
  assign("birth_date", fields.birth_date);
  assign("sex", fields.sex);
  assign("preferred_language", fields.preferred_language);
  if (auto value = reader.optional_bool("interpreter_needed")) fields.interpreter_needed = *value;
  assign("risk_level", fields.risk_level);
  // Both or neither; null clears them.
  if (reader.has("latitude") || reader.has("longitude")) {
    const bool cleared = reader.is_null("latitude") && reader.is_null("longitude");
    if (cleared) {
      fields.location.reset();
    } else {
      auto latitude = reader.optional_number("latitude");
      auto longitude = reader.optional_number("longitude");
      if (latitude && longitude) {
        fields.location = Coordinates{*latitude, *longitude};
      } else if (!reader.error()) {
        reader.fail_with(make_error(ErrorCode::MalformedRequest, "latitude and longitude go together", "longitude"));
      }
    }
  }
  assign("phone", fields.phone);
  assign("email", fields.email);
  read_address(reader, fields.address);
  read_identifiers(reader, fields.identifiers);
}

HttpResponse client_response(int status, const Client& client) {
  auto response = with_entity_tag(json_response(status, to_json(client)), client.version);
  if (status == 201) response.headers.emplace_back("Location", "/api/v1/clients/" + client.id);
  return response;
}

// The 409 for a likely duplicate lists the candidates as summaries the user may see.
HttpResponse duplicate_response(RequestContext& context, const Error& error) {
  auto summaries = context.services.store.summarize_clients(context.actor, error.candidate_ids, context.now);
  if (!summaries) return error_response(summaries.error());
  nlohmann::json candidates = nlohmann::json::array();
  for (const auto& summary : *summaries) candidates.push_back(to_json(summary));
  return error_response(error, {{"candidates", candidates}});
}

}  // namespace

HttpResponse create_client(RequestContext& context) {
  auto body = read_body(context.request);
  if (!body) return error_response(body.error());
  JsonReader reader(*body);
  reader.allow_only({"given_name", "family_name", "middle_name", "preferred_name", "birth_date", "sex",
                     "preferred_language", "interpreter_needed", "risk_level", "latitude", "longitude", "phone",
                     "email", "address", "identifiers", "confirm_duplicate"});
  (void)reader.required_string("given_name");
  (void)reader.required_string("family_name");
  (void)reader.required_string("birth_date");
  ClientFields fields;
  apply_client_fields(reader, fields);
  const bool confirmed = reader.optional_bool("confirm_duplicate").value_or(false);
  if (auto parsed = reader.result(); !parsed) return error_response(parsed.error());

  auto valid = validate_client(std::move(fields), date_of(context.now));
  if (!valid) return error_response(valid.error());
  auto policy =
      confirmed ? store::DuplicatePolicy::AcceptConfirmedDuplicate : store::DuplicatePolicy::RefuseLikelyDuplicates;
  auto created = context.services.store.create_client(context.actor, std::move(*valid), policy, context.now);
  if (!created && created.error().code == ErrorCode::PossibleDuplicate) {
    return duplicate_response(context, created.error());
  }
  return respond(std::move(created), [](const Client& client) { return client_response(201, client); });
}

HttpResponse get_client(RequestContext& context) {
  return respond(context.services.store.get_client(context.actor, context.parameter("id"), context.now),
                 [](const Client& client) { return client_response(200, client); });
}

HttpResponse update_client(RequestContext& context) {
  auto version = required_version(context.request);
  if (!version) return error_response(version.error());
  auto body = read_body(context.request);
  if (!body) return error_response(body.error());
  {
    // Check the body's shape before the transaction; the change below re-reads it onto the
    // stored fields.
    JsonReader reader(*body);
    reader.allow_only(kClientFields);
    ClientFields scratch;
    apply_client_fields(reader, scratch);
    if (auto parsed = reader.result(); !parsed) return error_response(parsed.error());
  }
  const auto today = date_of(context.now);
  auto change = [&](ClientFields fields) -> Result<ClientFields> {
    JsonReader reader(*body);
    apply_client_fields(reader, fields);
    return validate_client(std::move(fields), today);
  };
  return respond(
      context.services.store.update_client(context.actor, context.parameter("id"), *version, change, context.now),
      [](const Client& client) { return client_response(200, client); });
}

HttpResponse search_clients(RequestContext& context) {
  auto query = read_query(context.request, {"q", "birth_date", "identifier", "limit", "cursor"});
  if (!query) return error_response(query.error());
  auto limit = read_limit(*query);
  if (!limit) return error_response(limit.error());
  store::ClientQuery search;
  search.name = (*query)["q"];
  search.limit = *limit;
  search.cursor = (*query)["cursor"];
  search.birth_date = (*query)["birth_date"];
  if (!search.birth_date.empty() && !parse_date(search.birth_date)) {
    return error_response(make_error(ErrorCode::InvalidArgument, "birth_date must be a date YYYY-MM-DD", "birth_date"));
  }
  if (const auto& identifier = (*query)["identifier"]; !identifier.empty()) {
    auto colon = identifier.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == identifier.size()) {
      return error_response(
          make_error(ErrorCode::InvalidArgument, "identifier must be TYPE:VALUE, such as MRN:A1234", "identifier"));
    }
    search.identifier = Identifier{identifier.substr(0, colon), identifier.substr(colon + 1)};
  }
  return respond(
      context.services.store.search_clients(context.actor, search, context.now),
      [](const store::Page<ClientSummary>& page) {
        nlohmann::json items = nlohmann::json::array();
        for (const auto& summary : page.items) items.push_back(to_json(summary));
        // "withheld": matches left out because consent restricts them (that, not what).
        return json_response(
            200, {{"items", items}, {"next_cursor", text_or_null(page.next_cursor)}, {"withheld", page.withheld}});
      });
}

}  // namespace caseboard::api
