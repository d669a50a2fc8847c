#include "cli/demo_data.hpp"

#include <array>
#include <cstdint>

#include "cli/demo_case_work.hpp"
#include "cli/demo_directory.hpp"
#include "cli/demo_random.hpp"
#include "core/access.hpp"
#include "security/password.hpp"
#include "security/totp.hpp"

namespace caseboard::cli {
namespace {

constexpr std::array<std::string_view, 40> kGivenNames = {
    "Maria",  "James",    "Linh",   "Robert",  "Aisha",  "Jose",   "Dorothy", "Wei",     "Patricia", "Mohammed",
    "Helen",  "Carlos",   "Fatima", "William", "Grace",  "Dmitri", "Rosa",    "Thomas",  "Amara",    "Joseph",
    "Nguyen", "Margaret", "Luis",   "Esther",  "Samuel", "Olga",   "Kwame",   "Barbara", "Hector",   "Ruth",
    "Ahmed",  "Irene",    "Daniel", "Mei",     "Frank",  "Lucia",  "Tariq",   "Evelyn",  "Juan",     "Harriet"};
constexpr std::array<std::string_view, 40> kFamilyNames = {
    "Garcia", "Johnson", "Tran",     "Williams", "Okafor", "Hernandez", "Smith",    "Chen",   "Brown",   "Hassan",
    "Miller", "Lopez",   "Rahman",   "Davis",    "Kim",    "Petrov",    "Martinez", "Wilson", "Mensah",  "Anderson",
    "Pham",   "Taylor",  "Gonzalez", "Cohen",    "Thomas", "Ivanova",   "Boateng",  "Moore",  "Ramirez", "Jackson",
    "Ali",    "White",   "Harris",   "Wong",     "Clark",  "Rossi",     "Khan",     "Lewis",  "Torres",  "Walker"};
constexpr std::array<std::string_view, 10> kStreets = {"Elm St",   "Oak Ave",   "Maple Dr", "River Rd", "Main St",
                                                       "Cedar Ln", "Park Blvd", "Hill St",  "Lake Ave", "Pine Ct"};
constexpr std::array<std::string_view, 4> kCities = {"Springfield", "Riverside", "Fairview", "Greenville"};
constexpr std::array<std::string_view, 8> kLanguages = {"en", "en", "en", "en", "es", "es", "vi", "zh"};
constexpr std::array<std::string_view, 6> kRelationships = {"spouse", "child",     "sibling",
                                                            "friend", "caregiver", "parent"};
constexpr std::array<std::string_view, 4> kDisclosures = {"none", "logistics", "general", "full"};

struct StaffSeed {
  std::string_view username;
  std::string_view display_name;
  Role role;
  int supervisor;  // index into kStaff, -1 for none
};
constexpr std::array<StaffSeed, 12> kStaff = {{
    {"admin", "Alex Morgan", Role::Administrator, -1},
    {"director", "Dana Whitfield", Role::Director, -1},
    {"auditor", "Priya Raman", Role::Auditor, -1},
    {"sup.okoro", "Grace Okoro", Role::Supervisor, -1},
    {"sup.lindqvist", "Erik Lindqvist", Role::Supervisor, -1},
    {"cm.alvarez", "Sofia Alvarez", Role::CaseManager, 3},
    {"cm.baker", "Marcus Baker", Role::CaseManager, 3},
    {"rn.chen", "Lily Chen, RN", Role::NurseCaseManager, 3},
    {"rn.dubois", "Claire Dubois, RN", Role::NurseCaseManager, 4},
    {"cm.evans", "Tyrone Evans", Role::CaseManager, 4},
    {"cm.farah", "Amina Farah", Role::CaseManager, 4},
    {"rn.garcia", "Rosa Garcia, RN", Role::NurseCaseManager, 3},
}};

constexpr std::array<std::string_view, 3> kPrograms = {"Care Transitions", "Community Mental Health",
                                                       "Home and Community Based Services"};
constexpr std::array<std::string_view, 3> kProgramDescriptions = {
    "Hospital-to-home transitions for adults at risk of readmission",
    "Case management for adults with serious mental illness",
    "Long-term services and supports that keep older adults at home"};

// The path a case walks to reach each stage, in order; the last entry is where it stops.
// A caseload: mostly active cases, some just referred, some discharged or closed.
constexpr std::array<DemoStage, 10> kStages = {DemoStage::Inbox,  DemoStage::AwaitingFirstContact,
                                               DemoStage::Intake, DemoStage::Active,
                                               DemoStage::Active, DemoStage::Active,
                                               DemoStage::OnHold, DemoStage::Discharged,
                                               DemoStage::Closed, DemoStage::Declined};

std::string two_digits(int value) {
  return (value < 10 ? "0" : "") + std::to_string(value);
}

}  // namespace

Result<DemoResult> load_demo_data(store::Store& store, unsigned seed, int client_count, Timestamp now) {
  DemoRandom random(seed);
  DemoResult result;
  result.organization = "Riverside Community Care";
  CB_TRY_ASSIGN(existing, store.list_organizations());
  for (const auto& organization : existing) {
    if (organization.name == result.organization) {
      return fail(ErrorCode::AlreadyExists, "this database already holds the demo; use a new database file");
    }
  }
  CB_TRY_ASSIGN(organization, store.create_organization(result.organization, now));
  Actor system{{}, organization.id, Role::Administrator, "demo loader", {}};

  std::vector<std::string> program_ids;
  for (std::size_t i = 0; i < kPrograms.size(); ++i) {
    ProgramFields fields;
    fields.name = std::string(kPrograms[i]);
    fields.description = std::string(kProgramDescriptions[i]);
    CB_TRY_ASSIGN(program, store.create_program(system, std::move(fields), now));
    program_ids.push_back(program.id);
  }
  result.programs = static_cast<int>(program_ids.size());

  CB_TRY_ASSIGN(password_hash, security::hash_password(kDemoPassword));
  std::vector<std::string> staff_ids;
  std::vector<Actor> case_managers;
  for (const auto& seed_user : kStaff) {
    UserFields fields{std::string(seed_user.username), std::string(seed_user.display_name), seed_user.role, true,
                      seed_user.supervisor >= 0 ? staff_ids[static_cast<std::size_t>(seed_user.supervisor)] : ""};
    CB_TRY_ASSIGN(user, store.create_user(system, std::move(fields), password_hash, now));
    staff_ids.push_back(user.id);
    if (seed_user.role == Role::CaseManager || seed_user.role == Role::NurseCaseManager) {
      case_managers.push_back(Actor{user.id, organization.id, seed_user.role, "demo loader", {}});
    }
    std::string totp;
    if (requires_second_factor(seed_user.role)) {
      const auto secret = security::new_totp_secret();
      CB_TRY(store.activate_totp(system, user.id, store.seal_secret(secret), std::nullopt, now));
      totp = security::totp_base32(secret);
    }
    result.logins.push_back({std::string(seed_user.username), std::string(role_name(seed_user.role)), totp});
  }
  result.staff = static_cast<int>(staff_ids.size());
  CB_TRY_ASSIGN(services, add_demo_directory(store, system, now));
  result.services = services;

  const auto today = date_of(now);
  DemoCounts counts;
  for (int i = 0; i < client_count; ++i) {
    const auto& actor = case_managers[static_cast<std::size_t>(i) % case_managers.size()];
    ClientFields fields;
    fields.given_name = std::string(random.pick(kGivenNames));
    fields.family_name = std::string(random.pick(kFamilyNames));
    const int age = 19 + random.below(75);
    const int birth_year = static_cast<int>(today.year()) - age;
    fields.birth_date =
        std::to_string(birth_year) + "-" + two_digits(1 + random.below(12)) + "-" + two_digits(1 + random.below(28));
    fields.sex = random.chance(55) ? "female" : "male";
    fields.preferred_language = std::string(random.pick(kLanguages));
    fields.interpreter_needed = fields.preferred_language != "en" && random.chance(70);
    const int risk = random.below(100);
    fields.risk_level = risk < 10 ? "high" : risk < 30 ? "moderate" : risk < 60 ? "low" : "none";
    // Within about 15 km of Springfield's centre.
    fields.location =
        Coordinates{39.78 + (random.below(2700) - 1350) / 10000.0, -89.65 + (random.below(3500) - 1750) / 10000.0};
    fields.phone = "+1 555 01" + two_digits(random.below(100)) + " " + std::to_string(1000 + random.below(9000));
    fields.address = {std::to_string(10 + random.below(990)) + " " + std::string(random.pick(kStreets)),
                      "",
                      std::string(random.pick(kCities)),
                      "IL",
                      std::to_string(62701 + random.below(90)),
                      "US"};
    fields.identifiers.push_back({"MRN", "RCC-" + std::to_string(100000 + i)});
    if (random.chance(60)) fields.identifiers.push_back({"MEDICAID", "IL" + std::to_string(40000000 + i * 7)});
    if (age >= 65 && random.chance(80)) {
      fields.identifiers.push_back({"MEDICARE", "1EG4-TE5-" + std::to_string(1000 + i)});
    }
    // Common names meet again by chance; the demo records them as the distinct people they are.
    CB_TRY_ASSIGN(client,
                  store.create_client(actor, std::move(fields), store::DuplicatePolicy::AcceptConfirmedDuplicate, now));
    ++result.clients;
    CoverageFields coverage;
    coverage.payer_kind = age >= 65 ? "medicare" : random.chance(70) ? "medicaid" : "private";
    coverage.payer_name = coverage.payer_kind == "medicare"   ? "Medicare"
                          : coverage.payer_kind == "medicaid" ? "Illinois Medicaid"
                                                              : "Harbor Health plan";
    coverage.member_id = "M" + std::to_string(700000 + i);
    // Eligibility checked some weeks ago; a few are due for another check.
    coverage.verified_on = format_date(date_of(now - std::chrono::days(random.below(100))));
    CB_TRY(store.create_coverage(actor, client.id, std::move(coverage), now));

    const int contacts = random.below(3);
    for (int c = 0; c < contacts; ++c) {
      ContactFields contact;
      contact.name = std::string(random.pick(kGivenNames)) + " " + client.fields.family_name;
      contact.relationship = std::string(random.pick(kRelationships));
      contact.phone = "+1 555 02" + two_digits(random.below(100)) + " " + std::to_string(1000 + random.below(9000));
      contact.is_emergency_contact = c == 0;
      contact.disclosure = std::string(random.pick(kDisclosures));
      CB_TRY(store.create_contact(actor, client.id, std::move(contact), now));
      ++result.contacts;
    }

    const auto& program_id = program_ids[static_cast<std::size_t>(random.below(static_cast<int>(program_ids.size())))];
    // Every case manager gets cases at every stage.
    const auto stage =
        kStages[(static_cast<std::size_t>(i) / case_managers.size() + static_cast<std::size_t>(i)) % kStages.size()];
    CB_TRY(add_case_work(store, actor, client.id, program_id, stage, random, now, counts));
  }
  result.cases = counts.cases;
  result.referrals = counts.referrals;
  result.notes = counts.notes;
  result.appointments = counts.appointments;
  return result;
}

}  // namespace caseboard::cli
