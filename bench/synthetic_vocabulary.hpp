// The synthetic agency's words: its programs with their clock rules, names, places and the short
// texts of notes, referrals and plans, and the helpers that draw them.
#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>

#include "bench/synthetic_random.hpp"
#include "core/calendar.hpp"
#include "core/clock_rules.hpp"

namespace caseboard::bench {

struct ProgramSeed {
  std::string_view name;
  std::string_view description;
  double share;  // of the clients
  ClockRules rules;
  bool notes_need_cosign;
};

inline ClockRules rules_with(int first_contact_hours, int note_hours, int plan_review_days, int check_in_hours) {
  ClockRules rules;
  rules.first_contact_hours = first_contact_hours;
  rules.note_hours = note_hours;
  rules.plan_review_days = plan_review_days;
  rules.check_in_hours = check_in_hours;
  return rules;
}

// The last program is small at any size: about 60 people when there are a million clients, the size
// of program the reports' 200 ms target is about.
inline const std::array<ProgramSeed, 4> kPrograms = {{
    {"Care Transitions", "Hospital-to-home transitions for adults at risk of readmission", 0.36,
     rules_with(48, 24, 30, 48), false},
    {"Community Mental Health", "Case management for adults with serious mental illness", 0.36,
     rules_with(72, 24, 30, 72), false},
    {"Home and Community Based Services", "Long-term services and supports that keep older adults at home", 0.26,
     rules_with(120, 24, 90, 72), false},
    {"Pediatric Complex Care", "Care coordination for children with medical complexity", 0.02,
     rules_with(72, 48, 30, 72), true},
}};

inline constexpr std::array<std::string_view, 96> kGivenNames = {
    "Maria",  "James",    "Linh",    "Robert",   "Aisha",  "Jose",    "Dorothy", "Wei",     "Patricia", "Mohammed",
    "Helen",  "Carlos",   "Fatima",  "William",  "Grace",  "Dmitri",  "Rosa",    "Thomas",  "Amara",    "Joseph",
    "Nguyen", "Margaret", "Luis",    "Esther",   "Samuel", "Olga",    "Kwame",   "Barbara", "Hector",   "Ruth",
    "Ahmed",  "Irene",    "Daniel",  "Mei",      "Frank",  "Lucia",   "Tariq",   "Evelyn",  "Juan",     "Harriet",
    "Chloe",  "Andre",    "Priya",   "George",   "Yusuf",  "Nora",    "Marcus",  "Ingrid",  "Tomas",    "Leila",
    "Victor", "Agnes",    "Kenji",   "Sofia",    "Isaac",  "Beatriz", "Omar",    "Clara",   "Elijah",   "Hana",
    "Pedro",  "Martha",   "Arjun",   "Alice",    "Bilal",  "Vera",    "Simon",   "Zainab",  "Felix",    "Gloria",
    "Ravi",   "Edith",    "Mateo",   "Lorraine", "Kofi",   "Ana",     "Henry",   "Yara",    "Oscar",    "Bernice",
    "Jamal",  "Teresa",   "Hiroshi", "Dolores",  "Emeka",  "Wanda",   "Sergei",  "Alma",    "Rahul",    "Iris",
    "Walter", "Naomi",    "Diego",   "Celia",    "Anton",  "Mabel"};
inline constexpr std::array<std::string_view, 120> kFamilyNames = {
    "Garcia",  "Johnson",    "Tran",     "Williams",  "Okafor",   "Hernandez", "Smith",    "Chen",      "Brown",
    "Hassan",  "Miller",     "Lopez",    "Rahman",    "Davis",    "Kim",       "Petrov",   "Martinez",  "Wilson",
    "Mensah",  "Anderson",   "Pham",     "Taylor",    "Gonzalez", "Cohen",     "Thomas",   "Ivanova",   "Boateng",
    "Moore",   "Ramirez",    "Jackson",  "Ali",       "White",    "Harris",    "Wong",     "Clark",     "Rossi",
    "Khan",    "Lewis",      "Torres",   "Walker",    "Young",    "Allen",     "Nguyen",   "King",      "Wright",
    "Scott",   "Green",      "Baker",    "Adams",     "Nelson",   "Hill",      "Campbell", "Mitchell",  "Roberts",
    "Carter",  "Phillips",   "Evans",    "Turner",    "Diaz",     "Parker",    "Cruz",     "Edwards",   "Collins",
    "Reyes",   "Stewart",    "Morris",   "Morales",   "Murphy",   "Cook",      "Rogers",   "Gutierrez", "Ortiz",
    "Morgan",  "Cooper",     "Peterson", "Bailey",    "Reed",     "Kelly",     "Howard",   "Ramos",     "Cox",
    "Ward",    "Richardson", "Watson",   "Brooks",    "Chavez",   "Wood",      "James",    "Bennett",   "Gray",
    "Mendoza", "Ruiz",       "Hughes",   "Price",     "Alvarez",  "Castillo",  "Sanders",  "Patel",     "Myers",
    "Long",    "Ross",       "Foster",   "Jimenez",   "Powell",   "Jenkins",   "Perry",    "Russell",   "Sullivan",
    "Bell",    "Coleman",    "Butler",   "Henderson", "Barnes",   "Fisher",    "Vasquez",  "Simmons",   "Romero",
    "Jordan",  "Reynolds",   "Hamilton"};
inline constexpr std::array<std::string_view, 10> kStreets = {
    "Elm St", "Oak Ave", "Maple Dr", "River Rd", "Main St", "Cedar Ln", "Park Blvd", "Hill St", "Lake Ave", "Pine Ct"};
inline constexpr std::array<std::string_view, 6> kCities = {"Springfield", "Riverside", "Fairview",
                                                            "Greenville",  "Franklin",  "Clinton"};
inline constexpr std::array<std::string_view, 8> kLanguages = {"en", "en", "en", "en", "es", "es", "vi", "zh"};
inline constexpr std::array<std::string_view, 6> kRelationships = {"spouse", "child",     "sibling",
                                                                   "friend", "caregiver", "parent"};
inline constexpr std::array<std::string_view, 4> kDisclosures = {"none", "logistics", "general", "full"};
inline constexpr std::array<std::string_view, 9> kReferralSources = {
    "hospital", "physician", "self", "family", "court", "school", "payer", "community", "other"};
inline constexpr std::array<std::string_view, 6> kReferralReasons = {
    "Discharged after a heart failure admission; needs follow-up and medication support",
    "Frequent emergency visits; no primary care connection",
    "Worsening depression reported by primary care",
    "Family asks for help with care at home",
    "Housing instability and missed appointments",
    "Newly diagnosed diabetes; needs education and coordination"};
inline constexpr std::array<std::string_view, 5> kDeclineReasons = {
    "Outside the service area", "Does not meet the program's criteria", "Client declined services",
    "Already served by another agency", "Could not be reached after three attempts"};
inline constexpr std::array<std::string_view, 10> kNoteBodies = {
    "Phone call with the client; reviewed medications and the next appointments.",
    "Home visit: the client is managing; the pill organizer is filled for the week.",
    "Office visit: reviewed the care plan goals; client reports better sleep.",
    "Called the pharmacy and the primary care office to coordinate refills.",
    "Client missed a dose twice this week; set phone reminders together.",
    "Met with the client and daughter; discussed the discharge plan and supports.",
    "Video visit: mood is low but stable; safety reviewed, no concerns raised.",
    "Reviewed the benefits application with the client; documents still missing.",
    "Transportation arranged for the cardiology follow-up next week.",
    "Client reports falls risk at home; referred for a home safety evaluation."};
inline constexpr std::array<std::string_view, 6> kReviewSummaries = {
    "Goals reviewed with the client; progress on track, no changes.",
    "Plan updated: added transportation support for appointments.",
    "Client achieved the medication goal; next focus is diet.",
    "Progress slower than hoped; increased visit frequency.",
    "Reviewed after an emergency visit; safety steps reinforced.",
    "Plan reviewed with the family; responsibilities clarified."};
struct ProviderSeed {
  std::string_view provider;
  std::string_view service;
};
inline constexpr std::array<ProviderSeed, 8> kProviders = {{{"Riverside Food Bank", "Food assistance"},
                                                            {"Metro Housing Authority", "Housing application"},
                                                            {"Springfield Cardiology", "Specialist follow-up"},
                                                            {"Lakeside Behavioral Health", "Counseling"},
                                                            {"Care Rides", "Medical transportation"},
                                                            {"Home Helpers", "Home health aide"},
                                                            {"Community Legal Aid", "Benefits appeal"},
                                                            {"Wellness Pharmacy", "Medication review"}}};
struct NeedSeed {
  std::string_view category;
  std::string_view need;
  std::string_view goal;
  std::string_view measure;
  std::string_view baseline;
  std::string_view target;
};
inline constexpr std::array<NeedSeed, 8> kNeeds = {{
    {"medication", "Takes medications irregularly", "Take medications as prescribed", "Doses taken per week",
     "10 of 14", "14 of 14"},
    {"mental_health", "Depressive symptoms", "Reduce depressive symptoms", "PHQ-9 score", "16", "below 10"},
    {"housing", "Housing at risk", "Keep stable housing", "Months housed", "0", "6"},
    {"food", "Not enough food at the end of the month", "Regular access to food", "Days without a meal per month", "6",
     "0"},
    {"transportation", "Misses appointments for lack of a ride", "Get to every appointment",
     "Appointments kept per month", "2 of 4", "4 of 4"},
    {"chronic_condition", "Blood pressure uncontrolled", "Control blood pressure", "Systolic pressure", "165",
     "below 140"},
    {"daily_living", "Needs help bathing and dressing", "Safe personal care at home", "ADLs with help arranged",
     "2 of 5", "5 of 5"},
    {"social_support", "Isolated, few visitors", "Weekly social contact", "Contacts per week", "0", "2"},
}};
inline constexpr std::array<std::string_view, 5> kInterventionKinds = {"rehabilitative", "therapeutic", "preventive",
                                                                       "education", "coordination"};
inline constexpr std::array<std::string_view, 4> kManualTasks = {
    "Call the pharmacy about refills", "Send the benefits form to the client", "Book the interpreter for the visit",
    "Check the medical equipment delivery"};
inline constexpr std::array<std::string_view, 5> kIncidentTypes = {"fall", "medication_error", "behavioral",
                                                                   "medical_emergency", "other"};
inline constexpr std::array<std::string_view, 4> kSeverities = {"low", "moderate", "high", "critical"};

inline std::string two_digits(int value) {
  return (value < 10 ? "0" : "") + std::to_string(value);
}

inline std::string timestamp(Timestamp time) {
  return format_timestamp(time);
}

template <class T, std::size_t N>
inline std::string text(SeededRandom& random, const std::array<T, N>& items) {
  return std::string(random.pick(std::span<const T>(items)));
}

// (Each draw is its own statement: the operands of + are evaluated in no fixed order.)
inline std::string person_name(SeededRandom& random) {
  auto name = text(random, kGivenNames);
  return name + " " + text(random, kFamilyNames);
}

inline std::string phone_number(SeededRandom& random, std::string_view exchange) {
  const auto line = two_digits(static_cast<int>(random.below(100)));
  return "+1 555 " + std::string(exchange) + line + " " + std::to_string(random.between(1000, 9999));
}

}  // namespace caseboard::bench
