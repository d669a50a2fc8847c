// The resource directory: providers and community services with the needs they meet, who is
// eligible (age, coverage, area), languages, cost, capacity, hours and where they are. Search and
// ranking are pure: distances come from stored coordinates (no geocoding service is called).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/coordinates.hpp"
#include "core/result.hpp"

namespace caseboard {

inline constexpr std::string_view kPayerKinds[] = {"medicaid", "medicare", "private", "self_pay", "grant"};
inline constexpr std::string_view kCostKinds[] = {"free", "sliding_scale", "fee"};

struct ServiceFields {
  std::string name;
  std::string provider;
  std::vector<std::string> needs;  // need categories it meets (housing, food, medication, ...)
  std::string description;
  int min_age = 0;
  int max_age = 130;
  std::vector<std::string> payers;  // coverage it takes (kPayerKinds); free and sliding-scale take anyone
  std::string area;                 // where it serves, in words
  std::vector<std::string> languages;
  std::string cost = "free";
  bool accepting = true;  // has capacity now
  int wait_days = 0;      // typical wait before the first service
  std::string hours;
  std::string address;
  std::optional<Coordinates> location;
  std::string phone;
  bool active = true;
};

struct ServiceListing {
  std::string id;
  std::int64_t version = 0;
  std::string organization_id;
  ServiceFields fields;
  std::string created_at;
  std::string updated_at;
};

// Trims and checks; lists are lower-cased and de-duplicated; the error names the field.
[[nodiscard]] Result<ServiceFields> validate_service(ServiceFields fields);

// Great-circle distance in kilometres (haversine, mean earth radius).
double distance_km(Coordinates a, Coordinates b);

// What is known of the client a service is for.
struct ServiceSeeker {
  bool known = false;  // a client's facts; otherwise eligibility is not judged (a plain search)
  std::optional<int> age;
  std::vector<std::string> payers;  // the client's active coverage
  std::string language;             // preferred language tag
  std::optional<Coordinates> location;
};

struct ServiceQuery {
  std::string need;      // empty: any
  std::string language;  // empty: any
  std::string payer;     // empty: any
  std::optional<double> within_km;
  ServiceSeeker seeker;
};

struct ServiceMatch {
  std::size_t index = 0;  // into the listings given
  std::optional<double> distance_km;
  std::vector<std::string> unmet;  // why the seeker may not be served (age, coverage, capacity)
};

// Why this service may not serve the seeker, in words; empty when it may.
std::vector<std::string> unmet_criteria(const ServiceFields& service, const ServiceSeeker& seeker);

// Active services meeting the query's need (and language, payer and distance when asked), best
// first: those the seeker is eligible for, then language match, then open capacity, then distance
// (unknown last), then shorter wait, then name.
std::vector<ServiceMatch> rank_services(const std::vector<ServiceListing>& listings, const ServiceQuery& query);

}  // namespace caseboard
