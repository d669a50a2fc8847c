#include "cli/demo_directory.hpp"

#include <array>

namespace caseboard::cli {
namespace {

struct DemoService {
  const char* name;
  const char* provider;
  std::initializer_list<const char*> needs;
  std::initializer_list<const char*> payers;
  std::initializer_list<const char*> languages;
  const char* cost;
  bool accepting;
  int wait_days;
  int min_age;
  double latitude;
  double longitude;
};

// Around Springfield, IL (39.78, -89.65), where the demo's clients live.
const DemoService kServices[] = {
    {"Home-delivered meals",
     "Meals on Wheels of Sangamon",
     {"food"},
     {},
     {"en", "es"},
     "free",
     true,
     3,
     60,
     39.80,
     -89.64},
    {"Food pantry", "Riverside Community Pantry", {"food"}, {}, {"en"}, "free", true, 0, 0, 39.75, -89.67},
    {"Emergency rental assistance",
     "City Housing Authority",
     {"housing"},
     {},
     {"en", "es"},
     "free",
     false,
     30,
     18,
     39.79,
     -89.66},
    {"Supportive housing placement",
     "Harbor Housing Partners",
     {"housing"},
     {"medicaid", "grant"},
     {"en"},
     "fee",
     true,
     14,
     18,
     39.70,
     -89.60},
    {"Medical transportation",
     "County Ride Services",
     {"transportation"},
     {"medicaid", "medicare"},
     {"en", "es", "vi"},
     "fee",
     true,
     2,
     0,
     39.78,
     -89.62},
    {"Volunteer driver program",
     "Fairview Neighbors",
     {"transportation"},
     {},
     {"en"},
     "free",
     true,
     5,
     60,
     39.85,
     -89.55},
    {"Utility bill assistance (LIHEAP)",
     "Community Action Agency",
     {"utilities"},
     {},
     {"en", "es"},
     "free",
     true,
     10,
     18,
     39.77,
     -89.65},
    {"Domestic violence hotline and shelter",
     "Safe Harbor",
     {"interpersonal_safety", "housing"},
     {},
     {"en", "es", "zh"},
     "free",
     true,
     0,
     0,
     39.81,
     -89.69},
    {"Home health aide",
     "Lakeside Home Health",
     {"home_health", "medication"},
     {"medicare", "medicaid", "private"},
     {"en"},
     "fee",
     true,
     4,
     18,
     39.74,
     -89.70},
    {"Outpatient counseling",
     "Harbor Behavioral Health",
     {"mental_health"},
     {"medicaid", "private"},
     {"en", "es"},
     "sliding_scale",
     true,
     12,
     12,
     39.79,
     -89.63},
    {"Pharmacy blister packs and delivery",
     "Main Street Pharmacy",
     {"medication"},
     {"medicare", "medicaid", "private", "self_pay"},
     {"en", "vi"},
     "fee",
     true,
     1,
     0,
     39.78,
     -89.65},
    {"Benefits enrollment help",
     "Legal Aid of Central Illinois",
     {"benefits", "utilities"},
     {},
     {"en", "es"},
     "free",
     true,
     7,
     18,
     39.80,
     -89.66},
};

}  // namespace

Result<int> add_demo_directory(store::Store& store, const Actor& administrator, Timestamp now) {
  int added = 0;
  for (const auto& seed : kServices) {
    ServiceFields fields;
    fields.name = seed.name;
    fields.provider = seed.provider;
    fields.needs.assign(seed.needs.begin(), seed.needs.end());
    fields.payers.assign(seed.payers.begin(), seed.payers.end());
    fields.languages.assign(seed.languages.begin(), seed.languages.end());
    fields.cost = seed.cost;
    fields.accepting = seed.accepting;
    fields.wait_days = seed.wait_days;
    fields.min_age = seed.min_age;
    fields.area = "Sangamon County";
    fields.location = Coordinates{seed.latitude, seed.longitude};
    CB_TRY_ASSIGN(valid, validate_service(std::move(fields)));
    CB_TRY(store.create_service(administrator, std::move(valid), now));
    ++added;
  }
  return added;
}

}  // namespace caseboard::cli
