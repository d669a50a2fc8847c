#include "core/directory.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <tuple>

#include "core/client.hpp"
#include "core/field_check.hpp"

namespace caseboard {
namespace {

std::string lower(std::string text) {
  for (auto& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

Result<void> check_list(std::vector<std::string>& items, std::string_view field, bool languages = false) {
  std::vector<std::string> cleaned;
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto item = trim(items[i]);
    if (!languages) item = lower(item);
    if (item.empty()) continue;
    const auto at = std::string(field) + "[" + std::to_string(i) + "]";
    CB_TRY(check_text(item, at, 1, 60, LineBreaks::Refused));
    if (languages && !is_language_tag(item)) {
      return fail(ErrorCode::InvalidArgument, at + " must be a language tag such as es", at);
    }
    if (std::find(cleaned.begin(), cleaned.end(), item) == cleaned.end()) cleaned.push_back(item);
  }
  if (cleaned.size() > 30)
    return fail(ErrorCode::InvalidArgument, std::string(field) + " has too many items", std::string(field));
  items = std::move(cleaned);
  return {};
}

bool speaks(const ServiceFields& service, std::string_view language) {
  if (language.empty()) return true;
  // "es" matches "es-MX" and the other way round: the primary language is what counts.
  const auto primary = [](std::string_view tag) { return lower(std::string(tag.substr(0, tag.find('-')))); };
  return std::any_of(service.languages.begin(), service.languages.end(),
                     [&](const std::string& spoken) { return primary(spoken) == primary(language); });
}

bool takes(const ServiceFields& service, std::string_view payer) {
  return service.cost != "fee" ||
         std::find(service.payers.begin(), service.payers.end(), payer) != service.payers.end();
}

}  // namespace

Result<ServiceFields> validate_service(ServiceFields fields) {
  CB_TRY(check_text(fields.name, "name", 1, 200, LineBreaks::Refused));
  CB_TRY(check_text(fields.provider, "provider", 0, 200, LineBreaks::Refused));
  CB_TRY(check_list(fields.needs, "needs"));
  if (fields.needs.empty()) return fail(ErrorCode::InvalidArgument, "needs must name at least one need", "needs");
  CB_TRY(check_text(fields.description, "description", 0, 4000, LineBreaks::Allowed));
  if (fields.min_age < 0 || fields.min_age > 130)
    return fail(ErrorCode::InvalidArgument, "min_age must be 0 to 130", "min_age");
  if (fields.max_age < fields.min_age || fields.max_age > 130) {
    return fail(ErrorCode::InvalidArgument, "max_age must be from min_age to 130", "max_age");
  }
  CB_TRY(check_list(fields.payers, "payers"));
  for (std::size_t i = 0; i < fields.payers.size(); ++i) {
    CB_TRY(check_choice(fields.payers[i], kPayerKinds, "payers[" + std::to_string(i) + "]"));
  }
  CB_TRY(check_text(fields.area, "area", 0, 500, LineBreaks::Refused));
  CB_TRY(check_list(fields.languages, "languages", true));
  CB_TRY(check_choice(fields.cost, kCostKinds, "cost"));
  if (fields.wait_days < 0 || fields.wait_days > 3650) {
    return fail(ErrorCode::InvalidArgument, "wait_days must be 0 to 3650", "wait_days");
  }
  CB_TRY(check_text(fields.hours, "hours", 0, 500, LineBreaks::Refused));
  CB_TRY(check_text(fields.address, "address", 0, 500, LineBreaks::Refused));
  if (fields.location) {
    if (!(fields.location->latitude >= -90 && fields.location->latitude <= 90)) {
      return fail(ErrorCode::InvalidArgument, "latitude must be -90 to 90", "latitude");
    }
    if (!(fields.location->longitude >= -180 && fields.location->longitude <= 180)) {
      return fail(ErrorCode::InvalidArgument, "longitude must be -180 to 180", "longitude");
    }
  }
  fields.phone = trim(fields.phone);
  CB_TRY(validate_phone(fields.phone, "phone"));
  return fields;
}

double distance_km(Coordinates a, Coordinates b) {
  constexpr double kEarthRadiusKm = 6371.0088;
  const auto radians = [](double degrees) { return degrees * std::numbers::pi / 180.0; };
  const double dlat = radians(b.latitude - a.latitude);
  const double dlon = radians(b.longitude - a.longitude);
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(radians(a.latitude)) *
                                                                 std::cos(radians(b.latitude)) * std::sin(dlon / 2) *
                                                                 std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

std::vector<std::string> unmet_criteria(const ServiceFields& service, const ServiceSeeker& seeker) {
  std::vector<std::string> unmet;
  if (seeker.age && (*seeker.age < service.min_age || *seeker.age > service.max_age)) {
    unmet.push_back("serves ages " + std::to_string(service.min_age) + " to " + std::to_string(service.max_age) +
                    "; the client is " + std::to_string(*seeker.age));
  }
  if (service.cost == "fee" && seeker.known) {
    const bool covered = std::any_of(seeker.payers.begin(), seeker.payers.end(),
                                     [&](const std::string& payer) { return takes(service, payer); });
    if (!covered) unmet.push_back("charges a fee and takes none of the client's coverage");
  }
  if (!service.accepting) unmet.push_back("has no capacity now (wait list)");
  if (!service.active) unmet.push_back("is no longer offered");
  return unmet;
}

std::vector<ServiceMatch> rank_services(const std::vector<ServiceListing>& listings, const ServiceQuery& query) {
  std::vector<ServiceMatch> matches;
  const auto need = lower(trim(query.need));
  for (std::size_t i = 0; i < listings.size(); ++i) {
    const auto& service = listings[i].fields;
    if (!service.active) continue;
    if (!need.empty() && std::find(service.needs.begin(), service.needs.end(), need) == service.needs.end()) continue;
    if (!query.language.empty() && !speaks(service, query.language)) continue;
    if (!query.payer.empty() && !takes(service, query.payer)) continue;
    ServiceMatch match{i, std::nullopt, unmet_criteria(service, query.seeker)};
    if (query.seeker.location && service.location) {
      match.distance_km = distance_km(*query.seeker.location, *service.location);
    }
    if (query.within_km && (!match.distance_km || *match.distance_km > *query.within_km)) continue;
    matches.push_back(std::move(match));
  }
  const auto key = [&](const ServiceMatch& match) {
    const auto& service = listings[match.index].fields;
    return std::make_tuple(!match.unmet.empty(), !speaks(service, query.seeker.language), !service.accepting,
                           match.distance_km.value_or(1e12), service.wait_days, service.name);
  };
  std::stable_sort(matches.begin(), matches.end(),
                   [&](const ServiceMatch& a, const ServiceMatch& b) { return key(a) < key(b); });
  return matches;
}

}  // namespace caseboard
