// Directory search and ranking, distances, and what makes a service unusable for a client.
#include "core/directory.hpp"

#include <gtest/gtest.h>

#include "core/coverage.hpp"

namespace caseboard {
namespace {

ServiceListing listing(std::string name, std::vector<std::string> needs, Coordinates where) {
  ServiceListing service;
  service.id = "sv-" + name;
  service.fields.name = std::move(name);
  service.fields.needs = std::move(needs);
  service.fields.languages = {"en"};
  service.fields.location = where;
  return service;
}

const Coordinates kSpringfield{39.7817, -89.6501};

TEST(DirectoryTest, DistanceIsTheGreatCircle) {
  // Springfield, IL to Chicago, IL: 288.5 km on the great circle (road distance is longer).
  EXPECT_NEAR(distance_km(kSpringfield, {41.8781, -87.6298}), 288.5, 0.5);
  EXPECT_DOUBLE_EQ(distance_km(kSpringfield, kSpringfield), 0.0);
  // One degree of latitude is about 111.2 km anywhere.
  EXPECT_NEAR(distance_km({0, 0}, {1, 0}), 111.2, 0.1);
}

TEST(DirectoryTest, RanksEligibleThenLanguageThenCapacityThenDistance) {
  std::vector<ServiceListing> listings{
      listing("far", {"food"}, {39.95, -89.65}),     listing("near", {"food"}, {39.79, -89.65}),
      listing("spanish", {"food"}, {39.90, -89.65}), listing("full", {"food"}, {39.78, -89.65}),
      listing("fee", {"food"}, {39.78, -89.65}),     listing("housing", {"housing"}, {39.78, -89.65}),
  };
  listings[2].fields.languages = {"es", "en"};
  listings[3].fields.accepting = false;
  listings[4].fields.cost = "fee";
  listings[4].fields.payers = {"private"};
  ServiceQuery query;
  query.need = "food";
  query.seeker.known = true;
  query.seeker.location = kSpringfield;
  query.seeker.language = "es-MX";
  query.seeker.payers = {"medicaid"};
  const auto matches = rank_services(listings, query);
  std::vector<std::string> order;
  for (const auto& match : matches) order.push_back(listings[match.index].fields.name);
  // Both unusable ones last; of those, the one accepting clients first.
  EXPECT_EQ(order, (std::vector<std::string>{"spanish", "near", "far", "fee", "full"}));
  EXPECT_TRUE(matches[0].unmet.empty());
  EXPECT_EQ(matches[3].unmet.size(), 1u);  // not covered
  EXPECT_EQ(matches[4].unmet.size(), 1u);  // no capacity
  ASSERT_TRUE(matches[1].distance_km);
  EXPECT_NEAR(*matches[1].distance_km, 0.9, 0.1);
}

TEST(DirectoryTest, FiltersByLanguagePayerAndDistance) {
  std::vector<ServiceListing> listings{listing("a", {"food"}, {39.79, -89.65}), listing("b", {"food"}, {40.5, -89.65})};
  listings[1].fields.languages = {"vi"};
  listings[0].fields.cost = "fee";
  listings[0].fields.payers = {"medicare"};
  ServiceQuery query;
  query.seeker.location = kSpringfield;
  query.within_km = 10;
  EXPECT_EQ(rank_services(listings, query).size(), 1u);
  query.within_km.reset();
  query.language = "vi";
  ASSERT_EQ(rank_services(listings, query).size(), 1u);
  EXPECT_EQ(rank_services(listings, query)[0].index, 1u);
  query.language.clear();
  query.payer = "medicaid";  // b is free: anyone; a charges and takes only Medicare
  ASSERT_EQ(rank_services(listings, query).size(), 1u);
  EXPECT_EQ(rank_services(listings, query)[0].index, 1u);
}

TEST(DirectoryTest, APlainSearchDoesNotJudgeCoverage) {
  ServiceFields service;
  service.cost = "fee";
  service.payers = {"private"};
  EXPECT_TRUE(unmet_criteria(service, ServiceSeeker{}).empty());
  ServiceSeeker client;
  client.known = true;
  client.payers = {"medicaid"};
  EXPECT_EQ(unmet_criteria(service, client).size(), 1u);
}

TEST(DirectoryTest, AgeLimitsAreUnmetCriteria) {
  ServiceFields service;
  service.min_age = 60;
  ServiceSeeker seeker;
  seeker.age = 45;
  ASSERT_EQ(unmet_criteria(service, seeker).size(), 1u);
  seeker.age = 60;
  EXPECT_TRUE(unmet_criteria(service, seeker).empty());
}

TEST(DirectoryTest, ValidationNamesTheField) {
  ServiceFields fields;
  fields.name = "Pantry";
  fields.needs = {" Food ", "food", ""};
  fields.languages = {"es"};
  auto valid = validate_service(fields);
  ASSERT_TRUE(valid) << valid.error().public_message;
  EXPECT_EQ(valid->needs, std::vector<std::string>{"food"}) << "trimmed, lower-cased, de-duplicated";
  fields.payers = {"cash"};
  EXPECT_EQ(validate_service(fields).error().field, "payers[0]");
  fields.payers.clear();
  fields.location = Coordinates{91, 0};
  EXPECT_EQ(validate_service(fields).error().field, "latitude");
  fields.location.reset();
  fields.needs.clear();
  EXPECT_EQ(validate_service(fields).error().field, "needs");
}

TEST(CoverageTest, UnitsRunLowAtATenthAndCannotBeOverused) {
  AuthorizationFields fields;
  fields.units_approved = 40;
  fields.units_used = 35;
  EXPECT_EQ(units_left(fields), 5);
  EXPECT_FALSE(units_run_low(fields));
  auto used = use_units(fields, 1);
  ASSERT_TRUE(used);
  EXPECT_TRUE(units_run_low(*used)) << "4 left of 40";
  auto over = use_units(*used, 5);
  ASSERT_FALSE(over);
  EXPECT_EQ(over.error().code, ErrorCode::FailedPrecondition);
  EXPECT_EQ(over.error().field, "units");
  fields.units_approved = 5;
  fields.units_used = 3;
  EXPECT_FALSE(units_run_low(fields));
  fields.units_used = 4;
  EXPECT_TRUE(units_run_low(fields)) << "at least one unit is the floor";
}

TEST(CoverageTest, AuthorizationDatesAndUnitsAreChecked) {
  AuthorizationFields fields{"cv-1", "Home health aide", 20, 0, "2026-01-01", "2026-06-30"};
  EXPECT_TRUE(validate_authorization(fields));
  fields.valid_to = "2025-12-31";
  EXPECT_EQ(validate_authorization(fields).error().field, "valid_to");
  fields.valid_to = "2026-06-30";
  fields.units_used = 21;
  EXPECT_EQ(validate_authorization(fields).error().field, "units_used");
}

}  // namespace
}  // namespace caseboard
