#include "cli/demo_case_work.hpp"

namespace caseboard::cli {
namespace {

using std::chrono::days;
using std::chrono::hours;

constexpr std::array<std::string_view, 6> kSources = {"hospital", "physician", "self", "family", "payer", "community"};
constexpr std::array<std::string_view, 6> kReferrers = {
    "St. Mary's discharge planning", "Dr. Patel's office", "Riverside ED social work",
    "County aging services",         "Harbor Health plan", "Self-referral line"};
constexpr std::array<std::string_view, 5> kReasons = {
    "Discharged after heart failure admission; lives alone, needs follow-up and medication support",
    "Frequent ED visits; housing unstable, needs benefits and primary care connection",
    "New diabetes diagnosis; needs education and help with insulin supplies",
    "Depression screening positive at primary care; needs counseling referral",
    "Family reports falls at home; needs home safety assessment and aide services"};
constexpr std::array<std::string_view, 4> kNoteBodies = {
    "Spoke with client by phone. Reviewed medications and upcoming appointments; client reports feeling stable.",
    "Home visit. Client ambulating with walker; pantry stocked; discussed fall prevention with daughter.",
    "Client attended office visit. Completed benefits paperwork together; next step is the eligibility interview.",
    "Called client after missed appointment; rescheduled and arranged transport."};
constexpr std::array<std::string_view, 4> kProviders = {"Meals on Wheels", "Harbor Behavioral Health",
                                                        "City Housing Authority", "Lakeside Home Health"};

Timestamp earlier(Timestamp time, Timestamp now) {
  return time < now ? time : now;
}

// Writes and signs a note of a contact, on time or (now and then) late.
Result<void> write_note(store::Store& store, const Actor& actor, const std::string& case_id, Timestamp service,
                        std::string appointment_id, DemoRandom& random, Timestamp now, DemoCounts& counts) {
  NoteFields note;
  note.contact_type = appointment_id.empty() ? "phone" : "home_visit";
  note.service_at = format_timestamp(service);
  note.body = std::string(random.pick(kNoteBodies));
  note.appointment_id = std::move(appointment_id);
  const auto written = earlier(service + hours(random.chance(85) ? 2 + random.below(10) : 26 + random.below(30)), now);
  CB_TRY(store.create_note(actor, case_id, std::move(note), true, written));
  ++counts.notes;
  return {};
}

Result<Case> move_case(store::Store& store, const Actor& actor, const Case& record, CaseStatus to, Timestamp at) {
  return store.transition_case(actor, record.id, record.version, to, {}, {}, at);
}

}  // namespace

Result<void> add_case_work(store::Store& store, const Actor& actor, const std::string& client_id,
                           const std::string& program_id, DemoStage stage, DemoRandom& random, Timestamp now,
                           DemoCounts& counts) {
  // Recent referrals for the stages that have just begun, older ones for the rest.
  const int days_ago = stage <= DemoStage::AwaitingFirstContact ? 0 : 12 + random.below(40);
  const auto received =
      now - days(days_ago) - hours(2 + random.below(stage <= DemoStage::AwaitingFirstContact ? 90 : 20));
  ReferralFields fields;
  fields.client_id = client_id;
  fields.program_id = program_id;
  fields.source = std::string(random.pick(kSources));
  fields.referrer_name = std::string(random.pick(kReferrers));
  fields.reason = std::string(random.pick(kReasons));
  fields.priority = random.chance(15) ? "urgent" : "routine";
  fields.received_at = format_timestamp(received);
  CB_TRY_ASSIGN(referral, store.create_referral(actor, std::move(fields), received));
  ++counts.referrals;
  if (stage == DemoStage::Inbox) return {};
  if (stage == DemoStage::Declined) {
    CB_TRY(
        store.decline_referral(actor, referral.id, referral.version, "Outside the service area", received + hours(3)));
    return {};
  }
  const auto assigned_at = received + hours(1);
  CB_TRY_ASSIGN(assigned, store.assign_referral(actor, referral.id, referral.version, actor.user_id, assigned_at));
  ++counts.cases;
  if (stage == DemoStage::AwaitingFirstContact) return {};

  const auto contacted = received + hours(4 + random.below(60));
  CB_TRY(store.record_first_contact(actor, assigned.id, assigned.version, contacted, "phone", contacted));
  CB_TRY_ASSIGN(record, store.get_case(actor, assigned.case_id, contacted));
  CB_TRY_ASSIGN(at_intake, move_case(store, actor, record, CaseStatus::Intake, contacted + hours(1)));
  record = at_intake;
  // Most first contacts are documented; a few notes are still owed.
  if (stage != DemoStage::Intake || random.chance(70)) {
    CB_TRY(write_note(store, actor, record.id, contacted, {}, random, now, counts));
  }
  if (stage == DemoStage::Intake) return {};

  const auto admitted = contacted + days(2);
  CB_TRY_ASSIGN(active, move_case(store, actor, record, CaseStatus::Active, admitted));
  record = active;
  // The plan was reviewed at some point for about half of the cases.
  if (random.chance(50)) {
    CB_TRY(store.record_plan_review(actor, record.id, "Goals reviewed with the client; plan unchanged.",
                                    earlier(admitted + days(1 + random.below(25)), now)));
  }
  // A home visit in the last days: attended, with its note written or still owed.
  const auto visit = now - hours(6 + random.below(60));
  if (visit > admitted) {
    AppointmentFields appointment;
    appointment.kind = "home_visit";
    appointment.starts_at = format_timestamp(visit);
    appointment.ends_at = format_timestamp(visit + hours(1));
    appointment.location = "Client's home";
    appointment.cost_cents = 4'500 + std::int64_t(random.below(40)) * 100;  // a home visit: $45 to $84
    CB_TRY_ASSIGN(made, store.create_appointment(actor, record.id, std::move(appointment), admitted));
    ++counts.appointments;
    CB_TRY(store.record_appointment_outcome(actor, made.id, made.version, "attended", visit + hours(1)));
    const bool documented = stage == DemoStage::Closed || random.chance(60);
    if (documented) CB_TRY(write_note(store, actor, record.id, visit, made.id, random, now, counts));
  }
  // A referral out sent recently, waiting for its follow-up.
  if (stage == DemoStage::Active && random.chance(35)) {
    ReferralOutFields out{std::string(random.pick(kProviders)), "", "Services for the client's needs",
                          "Needs identified at assessment", std::int64_t(random.below(20)) * 2'500};
    CB_TRY_ASSIGN(draft, store.create_referral_out(actor, record.id, std::move(out), now - hours(30)));
    CB_TRY(store.advance_referral_out(actor, draft.id, draft.version, ReferralOutStep::Send, {},
                                      now - hours(6 + random.below(60))));
  }
  if (stage == DemoStage::Active) return {};
  if (stage == DemoStage::OnHold) {
    CB_TRY(move_case(store, actor, record, CaseStatus::OnHold, now - hours(12)));
    return {};
  }

  DischargeFields discharge;
  discharge.destination = random.chance(60) ? "home" : "home_with_aide";
  discharge.services_arranged = "Home health visits twice a week; pharmacy delivery";
  discharge.family_education_done = true;
  const auto discharged = stage == DemoStage::Closed ? now - days(3) : now - hours(10 + random.below(90));
  discharge.discharged_at = format_timestamp(discharged);
  CB_TRY_ASSIGN(recorded, store.discharge_case(actor, record.id, record.version, std::move(discharge), discharged));
  if (stage == DemoStage::Discharged) return {};

  CheckIn check_in;
  check_in.health_status_changed = false;
  check_in.satisfaction = 4 + random.below(2);
  CB_TRY(store.record_check_in(actor, recorded.id, recorded.version, check_in, discharged + days(2)));
  CB_TRY_ASSIGN(discharged_case, store.get_case(actor, record.id, discharged + days(2)));
  CB_TRY(store.transition_case(actor, discharged_case.id, discharged_case.version, CaseStatus::Closed,
                               "Services complete", "goals_met", discharged + days(2)));
  return {};
}

}  // namespace caseboard::cli
