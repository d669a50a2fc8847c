#include "bench/synthetic_organization.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "bench/synthetic_random.hpp"
#include "core/instrument_scoring.hpp"
#include "core/note.hpp"

namespace caseboard::bench {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

// Streams of a client's random numbers: its shape (kept cheap: the plan reads it for every client)
// and its records.
constexpr std::uint64_t kShapeStream = 1;
constexpr std::uint64_t kRecordStream = 2;
constexpr std::uint64_t kAgencyStream = 3;

constexpr int kMaximumEpisodes = 4;
constexpr int kTeamSize = 8;
constexpr int kTargetCaseload = 40;
constexpr int kFullCaseload = 60;

struct ProgramSeed {
  std::string_view name;
  std::string_view description;
  double share;  // of the clients
  ClockRules rules;
  bool notes_need_cosign;
};

ClockRules rules_with(int first_contact_hours, int note_hours, int plan_review_days, int check_in_hours) {
  ClockRules rules;
  rules.first_contact_hours = first_contact_hours;
  rules.note_hours = note_hours;
  rules.plan_review_days = plan_review_days;
  rules.check_in_hours = check_in_hours;
  return rules;
}

// The last program is small at any size: about 60 people when there are a million clients, the size
// of program the reports' 200 ms target is about.
const std::array<ProgramSeed, 4> kPrograms = {{
    {"Care Transitions", "Hospital-to-home transitions for adults at risk of readmission", 0.36,
     rules_with(48, 24, 30, 48), false},
    {"Community Mental Health", "Case management for adults with serious mental illness", 0.36,
     rules_with(72, 24, 30, 72), false},
    {"Home and Community Based Services", "Long-term services and supports that keep older adults at home", 0.26,
     rules_with(120, 24, 90, 72), false},
    {"Pediatric Complex Care", "Care coordination for children with medical complexity", 0.02,
     rules_with(72, 48, 30, 72), true},
}};

constexpr std::array<std::string_view, 96> kGivenNames = {
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
constexpr std::array<std::string_view, 120> kFamilyNames = {
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
constexpr std::array<std::string_view, 10> kStreets = {"Elm St",   "Oak Ave",   "Maple Dr", "River Rd", "Main St",
                                                       "Cedar Ln", "Park Blvd", "Hill St",  "Lake Ave", "Pine Ct"};
constexpr std::array<std::string_view, 6> kCities = {"Springfield", "Riverside", "Fairview",
                                                     "Greenville",  "Franklin",  "Clinton"};
constexpr std::array<std::string_view, 8> kLanguages = {"en", "en", "en", "en", "es", "es", "vi", "zh"};
constexpr std::array<std::string_view, 6> kRelationships = {"spouse", "child",     "sibling",
                                                            "friend", "caregiver", "parent"};
constexpr std::array<std::string_view, 4> kDisclosures = {"none", "logistics", "general", "full"};
constexpr std::array<std::string_view, 9> kReferralSources = {"hospital", "physician", "self",      "family", "court",
                                                              "school",   "payer",     "community", "other"};
constexpr std::array<std::string_view, 6> kReferralReasons = {
    "Discharged after a heart failure admission; needs follow-up and medication support",
    "Frequent emergency visits; no primary care connection",
    "Worsening depression reported by primary care",
    "Family asks for help with care at home",
    "Housing instability and missed appointments",
    "Newly diagnosed diabetes; needs education and coordination"};
constexpr std::array<std::string_view, 5> kDeclineReasons = {
    "Outside the service area", "Does not meet the program's criteria", "Client declined services",
    "Already served by another agency", "Could not be reached after three attempts"};
constexpr std::array<std::string_view, 10> kNoteBodies = {
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
constexpr std::array<std::string_view, 6> kReviewSummaries = {
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
constexpr std::array<ProviderSeed, 8> kProviders = {{{"Riverside Food Bank", "Food assistance"},
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
constexpr std::array<NeedSeed, 8> kNeeds = {{
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
constexpr std::array<std::string_view, 5> kInterventionKinds = {"rehabilitative", "therapeutic", "preventive",
                                                                "education", "coordination"};
constexpr std::array<std::string_view, 4> kManualTasks = {
    "Call the pharmacy about refills", "Send the benefits form to the client", "Book the interpreter for the visit",
    "Check the medical equipment delivery"};
constexpr std::array<std::string_view, 5> kIncidentTypes = {"fall", "medication_error", "behavioral",
                                                            "medical_emergency", "other"};
constexpr std::array<std::string_view, 4> kSeverities = {"low", "moderate", "high", "critical"};

std::string two_digits(int value) {
  return (value < 10 ? "0" : "") + std::to_string(value);
}

std::string timestamp(Timestamp time) {
  return format_timestamp(time);
}

template <class T, std::size_t N>
std::string text(SeededRandom& random, const std::array<T, N>& items) {
  return std::string(random.pick(std::span<const T>(items)));
}

// (Each draw is its own statement: the operands of + are evaluated in no fixed order.)
std::string person_name(SeededRandom& random) {
  auto name = text(random, kGivenNames);
  return name + " " + text(random, kFamilyNames);
}

std::string phone_number(SeededRandom& random, std::string_view exchange) {
  const auto line = two_digits(static_cast<int>(random.below(100)));
  return "+1 555 " + std::string(exchange) + line + " " + std::to_string(random.between(1000, 9999));
}

// ---- a client's shape: when each episode's steps happened (nothing after as_of) ----

enum class EpisodeKind { Declined, Inbox, Case };

struct Episode {
  EpisodeKind kind = EpisodeKind::Case;
  Timestamp received;
  Timestamp logged;  // the referral written down; the client registered then on a first episode
  bool triaged = false;
  Timestamp assigned;  // the case opened
  std::optional<Timestamp> first_contact, intake, active, discharged, check_in, closed;
  bool on_hold = false;
  std::optional<Timestamp> readmitted;  // a readmission after the discharge
  bool open() const { return kind == EpisodeKind::Case && !closed; }
};

struct ClientShape {
  int program = 0;
  std::vector<Episode> episodes;
};

std::optional<Timestamp> if_by(Timestamp time, Timestamp as_of) {
  if (time > as_of) return std::nullopt;
  return time;
}

ClientShape shape_client(const SyntheticOptions& options, const std::vector<double>& shares, std::int64_t index) {
  SeededRandom random(mix_seed(options.seed, static_cast<std::uint64_t>(index), kShapeStream));
  ClientShape shape;
  const double roll = random.unit();
  double sum = 0;
  shape.program = static_cast<int>(shares.size()) - 1;
  for (std::size_t p = 0; p < shares.size(); ++p) {
    sum += shares[p];
    if (roll < sum) {
      shape.program = static_cast<int>(p);
      break;
    }
  }
  const auto& rules = kPrograms[static_cast<std::size_t>(shape.program)].rules;
  const auto as_of = options.as_of;
  const auto window = days(365 * options.years);
  Timestamp next = as_of - window +
                   std::chrono::seconds(static_cast<std::int64_t>(
                       random.unit() * static_cast<double>(std::chrono::seconds(window).count())));
  for (int e = 0; e < kMaximumEpisodes && next < as_of; ++e) {
    Episode episode;
    episode.received = next;
    episode.logged = std::min(next + random.minutes(5, 180), as_of - minutes(1));
    if (episode.logged < episode.received) episode.logged = episode.received;
    if (random.chance(0.05)) {
      episode.kind = EpisodeKind::Declined;
      shape.episodes.push_back(episode);
      break;
    }
    episode.assigned = episode.logged + random.minutes(10, 20 * 60);
    episode.triaged = random.chance(0.4);
    if (episode.assigned > as_of) {
      episode.kind = EpisodeKind::Inbox;
      shape.episodes.push_back(episode);
      break;
    }
    // First contact: mostly well within the program's clock, one in ten late.
    const auto limit = hours(rules.first_contact_hours);
    const auto late = random.chance(0.1);
    std::chrono::seconds delay = limit + random.minutes(60, 5 * 24 * 60);
    if (!late) {  // the sooner of two tries: most contacts come early in the window
      const auto one = random.minutes(60, rules.first_contact_hours * 60 - 60);
      const auto other = random.minutes(60, rules.first_contact_hours * 60 - 60);
      delay = std::min(one, other);
    }
    auto contact = episode.received + delay;
    if (contact < episode.assigned) contact = episode.assigned + random.minutes(20, 600);
    episode.first_contact = if_by(contact, as_of);
    if (episode.first_contact) episode.intake = if_by(*episode.first_contact + random.minutes(10, 2 * 24 * 60), as_of);
    if (episode.intake) episode.active = if_by(*episode.intake + days(random.between(2, 10)), as_of);
    if (!episode.active) {
      shape.episodes.push_back(episode);
      break;
    }
    const auto length_roll = random.unit();
    const auto length = length_roll < 0.6   ? random.between(60, 180)
                        : length_roll < 0.9 ? random.between(181, 365)
                                            : random.between(366, 900);
    episode.discharged = if_by(*episode.active + days(length) + random.minutes(0, 8 * 60), as_of);
    if (!episode.discharged) {
      episode.on_hold = random.chance(0.05);
      shape.episodes.push_back(episode);
      break;
    }
    const auto check_in_limit = hours(rules.check_in_hours);
    const auto check_in = random.chance(0.9) ? *episode.discharged + random.minutes(120, rules.check_in_hours * 60 - 60)
                                             : *episode.discharged + check_in_limit + random.minutes(60, 5 * 24 * 60);
    episode.check_in = if_by(check_in, as_of);
    if (episode.check_in) episode.closed = if_by(*episode.check_in + days(random.between(1, 10)), as_of);
    // A readmission, and the referral back that follows it; or, now and then, a new episode later.
    std::optional<Timestamp> again;
    if (random.chance(0.1)) {
      const auto admitted =
          *episode.discharged + (random.chance(0.8) ? days(random.between(2, 28)) : days(random.between(31, 90)));
      episode.readmitted = if_by(admitted, as_of);
      if (episode.readmitted) again = *episode.readmitted + days(random.between(1, 10));
    } else if (random.chance(0.06)) {
      again = *episode.discharged + days(random.between(60, 400));
    }
    shape.episodes.push_back(episode);
    // One open case per program: the next episode starts only after this one closed.
    if (!again || !episode.closed) break;
    next = std::max(*again, *episode.closed + hours(1));
  }
  return shape;
}

// ---- scored instruments ----

// A pool of answer sets scored by the instrument itself, keeping only those that set off no flag
// (a flag acts at once in the store, e.g. urgent safety tasks, which the generator does not write).
Result<SyntheticOrganization::Scored> score_pool(const instruments::InstrumentCatalog& catalog, std::string_view id,
                                                 std::uint64_t seed) {
  SyntheticOrganization::Scored pool;
  pool.instrument = catalog.find(id);
  if (!pool.instrument) return fail(ErrorCode::NotFound, "instrument " + std::string(id) + " is not in the catalog");
  SeededRandom random(mix_seed(seed, 0, kAgencyStream + 100));
  for (int attempt = 0; attempt < 2000 && pool.scores.size() < 64; ++attempt) {
    Answers answers;
    std::vector<const InstrumentItem*> optional_items;
    for (const auto& item : pool.instrument->items) {
      if (item.type != ItemType::Choice || item.options.empty()) continue;
      // Most people answer near the low end: weights 50, 25, 15, 10 over the first four options.
      const auto option = std::min<std::size_t>(random.weighted({50, 25, 15, 10}), item.options.size() - 1);
      if (item.required) {
        answers[item.link_id] = item.options[option].code;
      } else {
        optional_items.push_back(&item);
      }
    }
    Answers with_optional = answers;
    for (const auto* item : optional_items) with_optional[item->link_id] = item->options.front().code;
    auto scored = score_assessment(*pool.instrument, with_optional);
    if (!scored) scored = score_assessment(*pool.instrument, answers);
    if (!scored || !scored->flags.empty()) continue;
    pool.scores.push_back(std::move(*scored));
  }
  if (pool.scores.empty())
    return fail(ErrorCode::Internal, "no answers of " + std::string(id) + " score without flags");
  return pool;
}

// ---- the records of one client ----

struct ClientContext {
  const SyntheticOptions& options;
  const std::string& organization_id;
  const Program& program;
  store::SyntheticBatch& batch;
  SyntheticCounts& counts;
  SeededRandom& random;
  const Client& client;
  std::int64_t assessment_sequence = 0;
};

struct EpisodeStaff {
  const StaffMember* case_manager = nullptr;
  const StaffMember* supervisor = nullptr;
};

Task rule_task(ClientContext& c, SeededRandom& random, const std::string& case_id, std::string_view rule,
               const std::string& source_id, std::string title, Timestamp created, Timestamp due,
               std::string_view priority, const std::string& assignee, const std::string& created_by,
               std::optional<Timestamp> closed, const std::string& closed_by) {
  Task task;
  task.id = random.id("tk");
  task.version = 1;
  task.organization_id = c.organization_id;
  task.fields.title = std::move(title);
  task.fields.due_at = timestamp(due);
  task.fields.priority = std::string(priority);
  task.fields.assignee_id = assignee;
  task.fields.client_id = c.client.id;
  task.fields.case_id = case_id;
  task.rule = std::string(rule);
  task.source_id = source_id;
  task.created_by = created_by;
  task.created_at = timestamp(created);
  if (closed) {
    task.status = "done";
    task.completed_at = timestamp(*closed);
    task.completed_by = closed_by;
  }
  return task;
}

// A signed progress note on a contact, unless the time it would be signed is still to come.
void add_note(ClientContext& c, const Case& record, const EpisodeStaff& staff, Timestamp service,
              std::string contact_type, const std::string& appointment_id) {
  auto& random = c.random;
  const auto& rules = c.program.fields.clock_rules;
  const auto signed_after = random.chance(0.93) ? random.minutes(30, rules.note_hours * 60 - 60)
                                                : hours(rules.note_hours) + random.minutes(60, 72 * 60);
  const auto signed_at = service + signed_after;
  if (signed_at > c.options.as_of) return;
  Note note;
  note.id = random.id("nt");
  note.version = 1;
  note.organization_id = c.organization_id;
  note.client_id = c.client.id;
  note.case_id = record.id;
  note.author_id = staff.case_manager->id;
  note.fields.contact_type = std::move(contact_type);
  note.fields.service_at = timestamp(service);
  note.fields.body = text(random, kNoteBodies);
  note.fields.appointment_id = appointment_id;
  if (random.chance(0.3)) {
    note.fields.sections.purpose = "Routine follow-up";
    note.fields.sections.plan = "Next contact in two weeks";
  }
  note.written_at = timestamp(service + signed_after - random.minutes(0, 20));
  if (note.written_at < note.fields.service_at) note.written_at = note.fields.service_at;
  note.status = "signed";
  note.signed_at = timestamp(signed_at);
  note.late = is_late_note(service, signed_at, rules.note_hours);
  note.cosign_required = c.program.fields.notes_need_cosign;
  if (note.cosign_required && staff.supervisor) {
    const auto cosigned = if_by(signed_at + random.minutes(60, rules.note_hours * 60 + 12 * 60), c.options.as_of);
    if (cosigned) {
      note.cosigned_at = timestamp(*cosigned);
      note.cosigned_by = staff.supervisor->id;
    }
    c.batch.tasks.push_back(rule_task(c, random, record.id, "note_cosign", note.id, "Co-sign a progress note",
                                      signed_at, signed_at + hours(rules.note_hours), "normal", staff.supervisor->id,
                                      staff.case_manager->id, cosigned, staff.supervisor->id));
    ++c.counts.tasks;
  }
  c.batch.notes.push_back(std::move(note));
  ++c.counts.notes;
}

// The case's visits every 10 to 21 days from intake to `until`, with their notes, and one visit
// booked ahead for a case still active at the end.
void add_visits(ClientContext& c, const Case& record, const EpisodeStaff& staff, Timestamp from, Timestamp until,
                bool book_ahead) {
  auto& random = c.random;
  const auto as_of = c.options.as_of;
  auto day = from + days(random.between(3, 14));
  auto add = [&](Timestamp starts, bool past) {
    store::PricedAppointment priced;
    auto& a = priced.appointment;
    a.id = random.id("ap");
    a.version = 1;
    a.organization_id = c.organization_id;
    a.client_id = c.client.id;
    a.case_id = record.id;
    const auto kind_index = random.weighted({40, 25, 25, 10});
    static constexpr std::array<std::string_view, 4> kKinds = {"home_visit", "office", "phone", "video"};
    a.fields.kind = std::string(kKinds[kind_index]);
    a.fields.starts_at = timestamp(starts);
    a.fields.ends_at = timestamp(starts + minutes(60));
    if (kind_index == 0) a.fields.location = c.client.fields.address.line1;
    if (kind_index == 1) a.fields.location = "Main office, room 2";
    a.fields.staff_id = staff.case_manager->id;
    if (kind_index <= 1 && random.chance(0.1)) {
      a.fields.transport_arranged = true;
      a.fields.transport_details = "Care Rides pick-up 30 minutes before";
    }
    if (c.client.fields.interpreter_needed) {
      a.fields.interpreter_language = c.client.fields.preferred_language;
      a.fields.interpreter_arranged = true;
    }
    a.created_by = staff.case_manager->id;
    a.created_at = timestamp(std::min(starts - days(random.between(1, 10)), as_of));
    if (a.created_at < record.opened_at) a.created_at = record.opened_at;
    std::optional<Timestamp> attended;
    if (past) {
      const auto outcome = random.weighted({80, 12, 8});
      const auto outcome_at = starts + minutes(60 + random.between(0, 60));
      if (outcome_at <= as_of) {
        a.status = outcome == 0 ? "attended" : outcome == 1 ? "no_show" : "cancelled";
        a.outcome_at = timestamp(outcome == 2 ? starts - hours(random.between(2, 48)) : outcome_at);
        if (outcome == 0) attended = starts;
      }
    }
    if (attended) {
      const double priced_share = kind_index == 0 ? 0.6 : kind_index == 1 ? 0.3 : 0.0;
      if (random.chance(priced_share)) priced.cost_cents = random.between(50, 250) * 100;
    }
    const auto appointment_id = a.id;
    const auto contact_type = a.fields.kind;
    c.batch.appointments.push_back(std::move(priced));
    ++c.counts.appointments;
    if (attended) add_note(c, record, staff, *attended, contact_type, appointment_id);
  };
  while (true) {
    const auto starts = std::chrono::floor<days>(day) + hours(14 + random.between(0, 7));
    if (starts >= until) break;
    add(starts, true);
    day = starts + days(random.between(10, 21));
  }
  if (book_ahead) add(std::chrono::floor<days>(as_of) + days(random.between(1, 14)) + hours(15), false);
}

// Plan reviews every plan_review_days from admission, mostly a few days early, some late.
void add_plan_reviews(ClientContext& c, const Case& record, const EpisodeStaff& staff, Timestamp admitted,
                      Timestamp until) {
  auto& random = c.random;
  const auto interval = days(c.program.fields.clock_rules.plan_review_days);
  auto last = admitted;
  while (true) {
    const auto due = last + interval;
    const auto at =
        random.chance(0.85) ? due - random.minutes(60, 5 * 24 * 60) : due + random.minutes(60, 14 * 24 * 60);
    if (at > until) break;
    PlanReview review{random.id("pr"),
                      c.organization_id,
                      c.client.id,
                      record.id,
                      timestamp(at),
                      staff.case_manager->id,
                      text(random, kReviewSummaries)};
    c.batch.plan_reviews.push_back(std::move(review));
    ++c.counts.plan_reviews;
    last = at;
  }
}

void add_assessment(ClientContext& c, const SyntheticOrganization::Scored& pool, const Case& record,
                    const EpisodeStaff& staff, Timestamp at) {
  if (at > c.options.as_of) return;
  auto& random = c.random;
  store::SequencedAssessment sequenced;
  auto& a = sequenced.assessment;
  a.id = random.id("as");
  a.version = 1;
  a.organization_id = c.organization_id;
  a.client_id = c.client.id;
  a.case_id = record.id;
  a.instrument_id = pool.instrument->id;
  a.instrument_version = pool.instrument->version;
  a.instrument_title = pool.instrument->title;
  a.score = pool.scores[random.below(pool.scores.size())];
  a.completed_at = timestamp(at);
  a.completed_by = staff.case_manager->id;
  a.root_id = a.id;
  sequenced.sequence = ++c.assessment_sequence;
  c.batch.assessments.push_back(std::move(sequenced));
  ++c.counts.assessments;
}

// The case's care plan, written once: needs, measurable goals (most of them) due over the coming
// months, their status by the end of the case or the data, and the client's agreement.
void add_care_plan(ClientContext& c, const Case& record, const EpisodeStaff& staff, Timestamp written,
                   Timestamp reference) {
  auto& random = c.random;
  CarePlan plan;
  plan.case_id = record.id;
  plan.client_id = c.client.id;
  plan.organization_id = c.organization_id;
  plan.version = 1;
  plan.updated_at = timestamp(written);
  plan.updated_by = staff.case_manager->id;
  const auto need_count = static_cast<int>(random.between(1, 2));
  const auto first_need = random.below(kNeeds.size());
  int goal_number = 0;
  for (int n = 0; n < need_count; ++n) {
    const auto& seed = kNeeds[(first_need + static_cast<std::size_t>(n) * 3) % kNeeds.size()];
    const auto need_id = "n" + std::to_string(n + 1);
    plan.content.needs.push_back(
        {need_id, std::string(seed.category), std::string(seed.need), "active", "intake assessment"});
    const auto goals = static_cast<int>(random.between(1, 2));
    for (int g = 0; g < goals; ++g) {
      Goal goal;
      goal.id = "g" + std::to_string(++goal_number);
      goal.need_id = need_id;
      goal.description = std::string(seed.goal);
      if (random.chance(0.9)) {  // one in ten lacks its measure: an audit-readiness finding
        goal.measure = std::string(seed.measure);
        goal.target = std::string(seed.target);
      }
      goal.baseline = std::string(seed.baseline);
      const auto due = written + days(random.between(30, 180));
      goal.due_date = format_date(date_of(due));
      goal.responsible_kind = random.chance(0.7) ? "staff" : "client";
      goal.responsible_name = goal.responsible_kind == "staff" ? staff.case_manager->display_name : "Client";
      if (due <= reference) {
        const auto outcome = random.weighted({60, 25, 15});
        goal.status = outcome == 0 ? "achieved" : outcome == 1 ? "not_achieved" : "discontinued";
        goal.percent_achieved = outcome == 0 ? 100 : static_cast<int>(random.between(10, 70));
      } else {
        goal.status = random.chance(0.7) ? "in_progress" : "not_started";
        goal.percent_achieved = goal.status == "in_progress" ? static_cast<int>(random.between(10, 90)) : 0;
      }
      plan.content.interventions.push_back({"i" + std::to_string(goal_number),
                                            goal.id,
                                            text(random, kInterventionKinds),
                                            "Coordinate and follow up",
                                            {},
                                            {},
                                            {}});
      plan.content.goals.push_back(std::move(goal));
    }
  }
  if (random.chance(0.85)) {
    const auto agreed = if_by(written + random.minutes(60, 72 * 60), c.options.as_of);
    if (agreed) {
      const bool client_agrees = random.chance(0.9);
      plan.agreement = CarePlanAgreement{
          1, client_agrees ? "client" : "family",
          client_agrees ? c.client.fields.given_name + " " + c.client.fields.family_name : "Family member",
          timestamp(*agreed), staff.case_manager->id};
    }
  }
  c.counts.goals += static_cast<std::int64_t>(plan.content.goals.size());
  c.batch.care_plans.push_back(std::move(plan));
  c.batch.care_plan_notes.emplace_back("Initial care plan");
  ++c.counts.care_plans;
}

// Referrals out during the case: sent, followed up (mostly within the clock), answered, some
// completed with a cost; those still open at discharge are cancelled then.
void add_referrals_out(ClientContext& c, const Case& record, const EpisodeStaff& staff, Timestamp from, Timestamp until,
                       std::optional<Timestamp> discharged) {
  auto& random = c.random;
  const auto& rules = c.program.fields.clock_rules;
  const auto count = random.weighted({40, 35, 20, 5});
  const auto span_minutes = std::chrono::duration_cast<minutes>(until - from).count();
  if (span_minutes < 60 * 24) return;
  for (std::size_t r = 0; r < count; ++r) {
    const auto created = from + minutes(random.between(0, span_minutes - 60 * 24));
    store::PricedReferralOut priced;
    auto& out = priced.referral;
    const auto& provider = kProviders[random.below(kProviders.size())];
    out.id = random.id("ro");
    out.version = 1;
    out.organization_id = c.organization_id;
    out.client_id = c.client.id;
    out.case_id = record.id;
    out.fields.provider_name = std::string(provider.provider);
    out.fields.provider_contact = "+1 555 0199";
    out.fields.service = std::string(provider.service);
    out.fields.reason = "Client needs " + std::string(provider.service);
    out.created_at = timestamp(created);
    out.created_by = staff.case_manager->id;
    const auto sent = created + random.minutes(10, 48 * 60);
    std::optional<Timestamp> closed_task;
    if (sent <= until) {
      out.status = "sent";
      out.sent_at = timestamp(sent);
      const auto follow_up = random.chance(0.85)
                                 ? sent + random.minutes(4 * 60, rules.referral_follow_up_hours * 60 - 60)
                                 : sent + hours(rules.referral_follow_up_hours) + random.minutes(60, 72 * 60);
      if (follow_up <= until) {
        out.followed_up_at = timestamp(follow_up);
        out.follow_up_note = "Called the provider; the referral was received";
        closed_task = follow_up;
      }
      const auto answer = random.weighted({70, 15, 15});
      const auto response_days = days(random.between(1, 7));
      const auto responded = sent + response_days + random.minutes(0, 600);
      if (answer < 2 && responded <= until) {
        out.responded_at = timestamp(responded);
        out.status = answer == 0 ? "accepted" : "declined";
        if (answer == 1) out.decline_reason = "No capacity this month";
        if (!closed_task || responded < *closed_task) closed_task = responded;
        const auto completed = responded + days(random.between(7, 45));
        if (answer == 0 && random.chance(0.7) && completed <= until) {
          out.status = "completed";
          out.completed_at = timestamp(completed);
          out.outcome = "Service delivered";
          if (random.chance(0.5)) priced.cost_cents = random.between(100, 1500) * 100;
        }
      }
    }
    // The loop is closed before the case is: what is still open at discharge is cancelled then.
    if (discharged && (out.status == "draft" || out.status == "sent" || out.status == "accepted")) {
      out.status = "cancelled";
      out.cancel_reason = "Case discharged";
      if (!out.sent_at.empty() && (!closed_task || *discharged < *closed_task)) closed_task = *discharged;
    }
    if (!out.sent_at.empty()) {
      c.batch.tasks.push_back(rule_task(c, random, record.id, "referral_follow_up", out.id,
                                        "Follow up the referral to " + out.fields.provider_name, sent,
                                        sent + hours(rules.referral_follow_up_hours), "high", staff.case_manager->id,
                                        staff.case_manager->id, closed_task, staff.case_manager->id));
      ++c.counts.tasks;
    }
    c.batch.referrals_out.push_back(std::move(priced));
    ++c.counts.referrals_out;
  }
}

void add_incident(ClientContext& c, const Case& record, const EpisodeStaff& staff, Timestamp from, Timestamp until) {
  auto& random = c.random;
  const auto span_minutes = std::chrono::duration_cast<minutes>(until - from).count();
  if (span_minutes < 7 * 24 * 60 || !random.chance(0.08)) return;
  const auto occurred = from + minutes(random.between(0, span_minutes - 2 * 24 * 60));
  const auto& rules = c.program.fields.clock_rules;
  Incident incident;
  incident.id = random.id("in");
  incident.version = 1;
  incident.organization_id = c.organization_id;
  incident.client_id = c.client.id;
  incident.case_id = record.id;
  incident.fields.occurred_at = timestamp(occurred);
  incident.fields.type = text(random, kIncidentTypes);
  incident.fields.severity = text(random, kSeverities);
  incident.fields.description = "Reported by the client's family during a call";
  incident.fields.emergency_services_contacted = incident.fields.severity == "critical";
  incident.fields.actions = "Checked on the client; informed the primary care provider";
  incident.reported_at = timestamp(std::min(occurred + random.minutes(10, 60), c.options.as_of));
  incident.reported_by = staff.case_manager->id;
  const auto documented = random.chance(0.88) ? occurred + random.minutes(30, rules.incident_hours * 60 - 15)
                                              : occurred + hours(rules.incident_hours) + random.minutes(15, 26 * 60);
  if (documented <= c.options.as_of) {
    incident.status = "submitted";
    incident.documented_at = timestamp(documented);
    // As the store decides it when the report is submitted.
    incident.late = documented - occurred > hours(rules.incident_hours);
  }
  c.batch.incidents.push_back(std::move(incident));
  ++c.counts.incidents;
}

void add_discharge(ClientContext& c, Case& record, const EpisodeStaff& staff, const Episode& episode) {
  auto& random = c.random;
  const auto& rules = c.program.fields.clock_rules;
  const auto discharged = *episode.discharged;
  store::DischargeRecord stored;
  auto& d = stored.discharge;
  d.id = random.id("dc");
  d.version = 1;
  d.organization_id = c.organization_id;
  d.client_id = c.client.id;
  d.case_id = record.id;
  static constexpr std::array<std::string_view, 5> kDestinations = {"home", "home_with_aide", "long_term_care",
                                                                    "rehabilitation", "other"};
  d.fields.discharged_at = timestamp(discharged);
  d.fields.destination = std::string(kDestinations[random.weighted({55, 20, 8, 12, 5})]);
  if (d.fields.destination == "other") d.fields.destination_details = "Moving in with a relative out of state";
  d.fields.services_arranged = "Primary care follow-up booked; pharmacy informed";
  d.fields.family_education_done = random.chance(0.8);
  d.created_by = staff.case_manager->id;
  d.created_at = timestamp(discharged);
  if (episode.check_in) {
    d.check_in = CheckIn{timestamp(*episode.check_in), staff.case_manager->id, random.chance(0.15),
                         static_cast<int>(1 + random.weighted({5, 7, 18, 35, 35})), "Doing well at home"};
  }
  c.batch.tasks.push_back(rule_task(c, random, record.id, "post_discharge_check_in", d.id,
                                    "Post-discharge check-in call", discharged,
                                    discharged + hours(rules.check_in_hours), "high", staff.case_manager->id,
                                    staff.case_manager->id, episode.check_in, staff.case_manager->id));
  ++c.counts.tasks;
  if (episode.readmitted) {
    Readmission readmission;
    readmission.id = random.id("ra");
    readmission.admitted_at = timestamp(*episode.readmitted);
    readmission.facility = "Springfield General Hospital";
    readmission.reason = "Shortness of breath";
    const auto recorded = std::min(*episode.readmitted + random.minutes(60, 3 * 24 * 60), c.options.as_of);
    if (auto valid = validate_readmission(readmission, discharged, recorded)) {
      c.batch.readmissions.push_back(
          {c.organization_id, d.id, std::move(*valid), staff.case_manager->id, timestamp(recorded)});
      ++c.counts.readmissions;
    }
  }
  record.history.push_back(
      {"active", "discharged", d.created_at, staff.case_manager->id, "discharged to " + d.fields.destination});
  c.batch.discharges.push_back(std::move(stored));
  ++c.counts.discharges;
}

}  // namespace

void SyntheticCounts::add(const SyntheticCounts& o) {
  clients += o.clients, referrals += o.referrals, cases += o.cases, open_cases += o.open_cases;
  appointments += o.appointments, notes += o.notes, referrals_out += o.referrals_out, incidents += o.incidents;
  plan_reviews += o.plan_reviews, discharges += o.discharges, readmissions += o.readmissions;
  assessments += o.assessments, care_plans += o.care_plans, goals += o.goals, tasks += o.tasks;
  contacts += o.contacts, coverages += o.coverages, authorizations += o.authorizations;
}

namespace {

std::vector<double> program_shares(const SyntheticOptions& options) {
  std::vector<double> shares;
  for (const auto& seed : kPrograms) shares.push_back(seed.share);
  // The small program keeps about 60 people at a million clients and a share of at least 2%.
  const double small = std::clamp(8.8e3 / static_cast<double>(std::max<std::int64_t>(options.clients, 1)), 0.005, 0.2);
  shares.back() = small;
  double total = 0;
  for (double share : shares) total += share;
  for (double& share : shares) share /= total;
  return shares;
}

}  // namespace

Result<SyntheticOrganization> SyntheticOrganization::plan(const SyntheticOptions& options,
                                                          const instruments::InstrumentCatalog& catalog) {
  SyntheticOrganization agency;
  agency.options_ = options;
  SeededRandom random(mix_seed(options.seed, 0, kAgencyStream));
  CB_TRY_ASSIGN(phq9, score_pool(catalog, "phq-9", options.seed));
  CB_TRY_ASSIGN(gad7, score_pool(catalog, "gad-7", options.seed));
  agency.phq9_ = std::move(phq9);
  agency.gad7_ = std::move(gad7);
  const auto founded = options.as_of - days(365 * options.years + 30);
  agency.organization_id_ = random.id("org");
  agency.created_at_ = timestamp(founded);

  for (const auto& seed : kPrograms) {
    Program program;
    program.id = random.id("prg");
    program.version = 1;
    program.organization_id = agency.organization_id_;
    program.fields.name = std::string(seed.name);
    program.fields.description = std::string(seed.description);
    program.fields.clock_rules = seed.rules;
    program.fields.notes_need_cosign = seed.notes_need_cosign;
    program.created_at = program.updated_at = agency.created_at_;
    agency.programs_.push_back(std::move(program));
  }

  // Which cases are open at the end, per program: the caseloads to deal.
  const auto shares = program_shares(options);
  std::vector<std::vector<std::uint64_t>> open_cases(kPrograms.size());
  for (std::int64_t i = 0; i < options.clients; ++i) {
    const auto shape = shape_client(options, shares, i);
    for (std::size_t e = 0; e < shape.episodes.size(); ++e) {
      if (shape.episodes[e].open()) {
        open_cases[static_cast<std::size_t>(shape.program)].push_back(static_cast<std::uint64_t>(i) * 8 + e);
      }
    }
  }

  auto add_person = [&](std::string username, Role role, std::string supervisor_id, int program) {
    StaffMember member;
    member.id = random.id("usr");
    member.username = std::move(username);
    member.display_name = person_name(random);
    member.role = role;
    member.supervisor_id = std::move(supervisor_id);
    member.program = program;
    agency.staff_.push_back(std::move(member));
    return static_cast<int>(agency.staff_.size()) - 1;
  };
  add_person("director", Role::Director, {}, -1);
  add_person("admin", Role::Administrator, {}, -1);
  add_person("auditor", Role::Auditor, {}, -1);
  agency.case_managers_.resize(kPrograms.size());
  agency.supervisors_.resize(kPrograms.size());
  int case_manager_number = 0;
  int supervisor_number = 0;
  for (std::size_t p = 0; p < kPrograms.size(); ++p) {
    auto& open = open_cases[p];
    // Caseloads of 20 to 60 around 40; every tenth case manager at exactly 60, the first of all.
    const auto case_manager_count = std::max<std::size_t>(1, (open.size() + kTargetCaseload / 2) / kTargetCaseload);
    std::vector<int> targets(case_manager_count);
    for (std::size_t m = 0; m < case_manager_count; ++m) {
      targets[m] = m % 10 == 0 ? kFullCaseload : static_cast<int>(random.between(20, 59));
    }
    // Bring the caseloads to the number of open cases, keeping them in 20..60 and the 60s at 60.
    auto total = [&] {
      std::int64_t sum = 0;
      for (int target : targets) sum += target;
      return sum;
    };
    const auto wanted = static_cast<std::int64_t>(open.size());
    for (int pass = 0; pass < 100 && total() != wanted; ++pass) {
      for (std::size_t m = 0; m < case_manager_count && total() != wanted; ++m) {
        if (m % 10 == 0 && case_manager_count > 1) continue;
        if (total() < wanted && targets[m] < 59) ++targets[m];
        if (total() > wanted && targets[m] > 20) --targets[m];
      }
    }
    // A small agency: whatever is left lands on the others in turn, the first keeping its 60 while
    // anyone else can take the difference.
    for (std::size_t m = 0; total() != wanted;) {
      m = case_manager_count > 1 ? 1 + m % (case_manager_count - 1) : 0;
      if (total() < wanted) {
        ++targets[m];
      } else if (targets[m] > 0) {
        --targets[m];
      } else if (std::all_of(targets.begin() + 1, targets.end(), [](int target) { return target == 0; })) {
        --targets[0];
      }
    }
    // Teams of eight case managers under a supervisor.
    std::string supervisor_id;
    for (std::size_t m = 0; m < case_manager_count; ++m) {
      if (m % kTeamSize == 0) {
        ++supervisor_number;
        const auto s = add_person("sup" + std::to_string(10000 + supervisor_number).substr(1), Role::Supervisor, {},
                                  static_cast<int>(p));
        agency.supervisors_[p].push_back(s);
        supervisor_id = agency.staff_[static_cast<std::size_t>(s)].id;
      }
      ++case_manager_number;
      const auto role = random.chance(0.3) ? Role::NurseCaseManager : Role::CaseManager;
      const auto name =
          (role == Role::NurseCaseManager ? "rn" : "cm") + std::to_string(100000 + case_manager_number).substr(1);
      const auto index = add_person(name, role, supervisor_id, static_cast<int>(p));
      agency.staff_[static_cast<std::size_t>(index)].supervisor_index = agency.supervisors_[p].back();
      agency.case_managers_[p].push_back(index);
      agency.staff_[static_cast<std::size_t>(index)].open_cases = targets[m];
    }
    // Deal the open cases (shuffled) by the caseloads.
    for (std::size_t k = open.size(); k > 1; --k) std::swap(open[k - 1], open[random.below(k)]);
    std::size_t next = 0;
    for (std::size_t m = 0; m < case_manager_count; ++m) {
      for (int n = 0; n < targets[m] && next < open.size(); ++n) {
        agency.open_case_managers_[open[next++]] = agency.case_managers_[p][m];
      }
    }
  }
  return agency;
}

const StaffMember* SyntheticOrganization::full_caseload_case_manager() const {
  for (const auto& member : staff_) {
    if (member.open_cases == kFullCaseload) return &member;
  }
  return nullptr;
}

std::vector<int> SyntheticOrganization::program_staff() const {
  std::vector<int> counts(programs_.size());
  for (std::size_t p = 0; p < programs_.size(); ++p) {
    counts[p] = static_cast<int>(case_managers_[p].size() + supervisors_[p].size());
  }
  return counts;
}

void SyntheticOrganization::add_agency(store::SyntheticBatch& batch, const std::string& password_hash) const {
  batch.organizations.push_back({organization_id_, options_.organization_name, created_at_});
  batch.programs.insert(batch.programs.end(), programs_.begin(), programs_.end());
  batch.password_hash = password_hash;
  // Supervisors before the staff they supervise (the foreign key).
  for (bool supervised : {false, true}) {
    for (const auto& member : staff_) {
      if (member.supervisor_id.empty() == supervised) continue;
      User user;
      user.id = member.id;
      user.version = 1;
      user.organization_id = organization_id_;
      user.fields = {member.username, member.display_name, member.role, true, member.supervisor_id};
      user.created_at = user.updated_at = created_at_;
      batch.users.push_back(std::move(user));
    }
  }
}

void SyntheticOrganization::add_clients(std::int64_t first, std::int64_t last, store::SyntheticBatch& batch,
                                        SyntheticCounts& counts) const {
  const auto shares = program_shares(options_);
  const auto as_of = options_.as_of;
  for (std::int64_t index = first; index < last; ++index) {
    const auto shape = shape_client(options_, shares, index);
    SeededRandom random(mix_seed(options_.seed, static_cast<std::uint64_t>(index), kRecordStream));
    const auto program_index = static_cast<std::size_t>(shape.program);
    const auto& program = programs_[program_index];
    const auto& supervisors = supervisors_[program_index];
    const auto& case_managers = case_managers_[program_index];
    // Who logs the client's referrals: a supervisor of the program (the referral inbox).
    const auto& intake = staff_[static_cast<std::size_t>(supervisors[random.below(supervisors.size())])];

    // The client, registered when the first referral was logged.
    store::RegisteredClient registered;
    auto& client = registered.client;
    client.id = random.id("cl");
    client.version = 1;
    client.organization_id = organization_id_;
    auto& f = client.fields;
    f.given_name = text(random, kGivenNames);
    f.family_name = text(random, kFamilyNames);
    if (random.chance(0.2)) f.middle_name = text(random, kGivenNames);
    const auto today = date_of(as_of);
    const int age =
        program_index == 3 ? static_cast<int>(random.between(1, 17)) : static_cast<int>(random.between(19, 95));
    const auto birth_month = static_cast<int>(random.between(1, 12));
    const auto birth_day = static_cast<int>(random.between(1, 28));
    f.birth_date = std::to_string(static_cast<int>(today.year()) - age) + "-" + two_digits(birth_month) + "-" +
                   two_digits(birth_day);
    f.sex = random.chance(0.55) ? "female" : "male";
    f.preferred_language = text(random, kLanguages);
    f.interpreter_needed = f.preferred_language != "en" && random.chance(0.7);
    f.risk_level = std::string(
        std::array<std::string_view, 4>{"none", "low", "moderate", "high"}[random.weighted({40, 30, 20, 10})]);
    f.location = Coordinates{39.78 + static_cast<double>(random.between(-1350, 1350)) / 10000.0,
                             -89.65 + static_cast<double>(random.between(-1750, 1750)) / 10000.0};
    f.phone = phone_number(random, "01");
    const auto house = random.between(10, 999);
    const auto street = text(random, kStreets);
    f.address = {std::to_string(house) + " " + street,         "",  text(random, kCities), "IL",
                 std::to_string(random.between(62701, 62790)), "US"};
    f.identifiers.push_back({"MRN", "SYN-" + std::to_string(10000000 + index)});
    const auto payer = random.weighted({55, 30, 15});
    if (payer == 0) f.identifiers.push_back({"MEDICAID", "IL" + std::to_string(50000000 + index)});
    if (payer == 1) f.identifiers.push_back({"MEDICARE", std::to_string(1000000000 + index) + "A"});
    const auto registered_at = shape.episodes.front().logged;
    client.created_at = client.updated_at = timestamp(registered_at);
    registered.created_by = intake.id;
    batch.care_team.push_back({organization_id_, client.id, intake.id, client.created_at, {}});
    ClientContext context{options_, organization_id_, program, batch, counts, random, client};
    ++counts.clients;

    const auto contact_count = random.weighted({30, 55, 15});
    for (std::size_t c = 0; c < contact_count; ++c) {
      Contact contact;
      contact.id = random.id("ct");
      contact.version = 1;
      contact.organization_id = organization_id_;
      contact.client_id = client.id;
      contact.fields.name = person_name(random);
      contact.fields.relationship = text(random, kRelationships);
      contact.fields.phone = phone_number(random, "02");
      contact.fields.is_emergency_contact = c == 0 && random.chance(0.6);
      contact.fields.disclosure = text(random, kDisclosures);
      contact.created_at = contact.updated_at = client.created_at;
      batch.contacts.push_back(std::move(contact));
      ++counts.contacts;
    }

    // Coverage, verified within the eligibility interval for clients still served.
    const bool served = std::any_of(shape.episodes.begin(), shape.episodes.end(),
                                    [](const Episode& episode) { return episode.open(); });
    Coverage coverage;
    coverage.id = random.id("cv");
    coverage.version = 1;
    coverage.organization_id = organization_id_;
    coverage.client_id = client.id;
    static constexpr std::array<std::string_view, 3> kPayerKinds = {"medicaid", "medicare", "private"};
    static constexpr std::array<std::string_view, 3> kPayerNames = {"Illinois Medicaid", "Medicare",
                                                                    "Blue Prairie Health"};
    coverage.fields.payer_kind = std::string(kPayerKinds[payer]);
    coverage.fields.payer_name = std::string(kPayerNames[payer]);
    coverage.fields.member_id = "M" + std::to_string(70000000 + index);
    const auto verified = served ? as_of - days(random.between(1, 100)) : registered_at + days(random.between(0, 30));
    coverage.fields.verified_on = format_date(date_of(std::max(std::min(verified, as_of), registered_at)));
    coverage.created_at = coverage.updated_at = client.created_at;
    if (served && program_index == 2 && random.chance(0.3)) {
      Authorization authorization;
      authorization.id = random.id("au");
      authorization.version = 1;
      authorization.organization_id = organization_id_;
      authorization.client_id = client.id;
      const auto valid_from = std::max(as_of - days(random.between(30, 150)), registered_at);
      authorization.fields = {
          coverage.id, "Personal care aide hours",       static_cast<int>(random.between(40, 120)),
          0,           format_date(date_of(valid_from)), format_date(date_of(valid_from + days(180)))};
      authorization.fields.units_used =
          static_cast<int>(random.below(static_cast<std::uint64_t>(authorization.fields.units_approved)));
      authorization.created_at = authorization.updated_at = timestamp(valid_from);
      batch.authorizations.push_back(std::move(authorization));
      ++counts.authorizations;
    }
    batch.coverages.push_back(std::move(coverage));
    ++counts.coverages;

    for (std::size_t e = 0; e < shape.episodes.size(); ++e) {
      const auto& episode = shape.episodes[e];
      Referral referral;
      referral.id = random.id("rf");
      referral.version = 1;
      referral.organization_id = organization_id_;
      referral.fields.client_id = client.id;
      referral.fields.program_id = program.id;
      referral.fields.source = e > 0 && episode.received > registered_at && shape.episodes[e - 1].readmitted
                                   ? "hospital"
                                   : text(random, kReferralSources);
      referral.fields.referrer_name = person_name(random);
      referral.fields.referrer_contact = "+1 555 0150";
      referral.fields.reason = text(random, kReferralReasons);
      referral.fields.priority =
          std::string(std::array<std::string_view, 3>{"routine", "urgent", "emergent"}[random.weighted({80, 17, 3})]);
      referral.fields.received_at = timestamp(episode.received);
      referral.created_by = intake.id;
      referral.created_at = timestamp(episode.logged);
      if (episode.triaged) {
        referral.triage_note = "Reviewed at the intake huddle";
        referral.status = "triaged";
      }
      ++counts.referrals;
      if (episode.kind == EpisodeKind::Declined) {
        referral.status = "declined";
        referral.decline_reason = text(random, kDeclineReasons);
      }
      if (episode.kind != EpisodeKind::Case) {
        batch.referrals.push_back(std::move(referral));
        continue;
      }

      // The case, opened by the assignment and walked through its statuses.
      const auto key = static_cast<std::uint64_t>(index) * 8 + e;
      const auto dealt = open_case_managers_.find(key);
      const auto manager_index = dealt != open_case_managers_.end()
                                     ? dealt->second
                                     : case_managers[mix_seed(options_.seed, key, 7) % case_managers.size()];
      const auto& manager = staff_[static_cast<std::size_t>(manager_index)];
      const auto* supervisor =
          manager.supervisor_index >= 0 ? &staff_[static_cast<std::size_t>(manager.supervisor_index)] : &intake;
      const EpisodeStaff staff{&manager, supervisor};
      Case record;
      record.id = random.id("cs");
      record.version = 1;
      record.organization_id = organization_id_;
      record.client_id = client.id;
      record.program_id = program.id;
      record.case_manager_id = manager.id;
      record.opened_at = timestamp(episode.assigned);
      record.history.push_back(
          {{}, "referred", record.opened_at, staff.supervisor->id, "from referral " + referral.id});
      referral.status = "assigned";
      referral.case_id = record.id;
      referral.case_manager_id = manager.id;
      referral.assigned_at = record.opened_at;
      if (episode.first_contact) {
        static constexpr std::array<std::string_view, 4> kMethods = {"phone", "home_visit", "office", "video"};
        referral.first_contact_at = timestamp(*episode.first_contact);
        referral.first_contact_method = std::string(kMethods[random.weighted({55, 25, 15, 5})]);
        add_note(context, record, staff, *episode.first_contact, referral.first_contact_method, {});
      }
      batch.referrals.push_back(std::move(referral));
      ++counts.cases;
      if (episode.open()) ++counts.open_cases;

      const auto end = episode.discharged ? *episode.discharged : as_of;
      if (episode.intake) {
        record.history.push_back({"referred", "intake", timestamp(*episode.intake), manager.id, {}});
        add_assessment(context, phq9_, record, staff, *episode.intake + minutes(45));
        if (program_index == 1 || random.chance(0.3)) {
          add_assessment(context, gad7_, record, staff, *episode.intake + minutes(60));
        }
        const auto plan_written = *episode.intake + days(random.between(1, 7));
        if (plan_written <= end) add_care_plan(context, record, staff, plan_written, std::min(end, as_of));
      }
      if (episode.active) {
        const auto admitted = *episode.active;
        record.history.push_back({"intake", "active", timestamp(admitted), manager.id, {}});
        for (auto at = admitted + days(90); at < end; at += days(90)) {
          add_assessment(context, phq9_, record, staff, at);
        }
        // Visits end a week before a discharge, so every note and co-signature is in before closure.
        add_visits(context, record, staff, admitted, episode.discharged ? end - days(8) : end,
                   !episode.discharged && !episode.on_hold);
        add_plan_reviews(context, record, staff, admitted, end);
        add_referrals_out(context, record, staff, admitted, end, episode.discharged);
        add_incident(context, record, staff, admitted, end);
        if (episode.on_hold) {
          const auto held = std::max(as_of - days(random.between(1, 20)), admitted + hours(1));
          record.history.push_back({"active", "on_hold", timestamp(held), manager.id, "Client in hospital"});
        }
      }
      if (episode.discharged) add_discharge(context, record, staff, episode);
      if (episode.closed) {
        static constexpr std::array<std::string_view, 4> kOutcomes = {"goals_met", "partially_met", "not_met",
                                                                      "client_withdrew"};
        record.closed_reason = "Discharge plan complete";
        record.closed_outcome = std::string(kOutcomes[random.weighted({50, 30, 10, 10})]);
        record.history.push_back(
            {"discharged", "closed", timestamp(*episode.closed), manager.id, record.closed_reason});
      }
      // Work made by hand: an open task or two on a case being served, a done one on others.
      const auto manual = episode.open() ? random.weighted({50, 35, 15}) : random.weighted({50, 50});
      for (std::size_t t = 0; t < manual; ++t) {
        Task task;
        task.id = random.id("tk");
        task.version = 1;
        task.organization_id = organization_id_;
        task.fields.title = text(random, kManualTasks);
        task.fields.priority = random.chance(0.2) ? "high" : "normal";
        task.fields.assignee_id = manager.id;
        task.fields.client_id = client.id;
        task.fields.case_id = record.id;
        task.created_by = manager.id;
        const auto created = episode.open() ? std::max(as_of - days(random.between(1, 10)), episode.assigned)
                                            : episode.assigned + days(random.between(1, 20));
        task.created_at = timestamp(created);
        const auto due_days = days(random.between(-3, 14));
        task.fields.due_at = timestamp(created + due_days + hours(random.between(1, 8)));
        if (!episode.open()) {
          task.status = "done";
          task.completed_at = timestamp(std::min(created + days(random.between(0, 5)), *episode.closed));
          if (task.completed_at < task.created_at) task.completed_at = task.created_at;
          task.completed_by = manager.id;
        }
        batch.tasks.push_back(std::move(task));
        ++counts.tasks;
      }
      const auto& latest = record.history.back();
      record.status = parse_case_status(latest.to).value_or(CaseStatus::Referred);
      record.status_changed_at = latest.at;
      batch.cases.push_back(std::move(record));
    }
    batch.clients.push_back(std::move(registered));
  }
}

}  // namespace caseboard::bench
