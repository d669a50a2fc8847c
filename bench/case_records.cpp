#include "bench/case_records.hpp"

#include <algorithm>

#include "bench/synthetic_vocabulary.hpp"
#include "core/instrument_scoring.hpp"
#include "core/note.hpp"

namespace caseboard::bench {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

// A pool of answer sets scored by the instrument itself, keeping only those that set off no flag
// (a flag acts at once in the store, e.g. urgent safety tasks, which the generator does not write).
Result<ScoredPool> score_pool(const instruments::InstrumentCatalog& catalog, std::string_view id, std::uint64_t seed) {
  ScoredPool pool;
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

namespace {

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

}  // namespace

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
    Appointment a;
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
      if (random.chance(priced_share)) a.fields.cost_cents = random.between(50, 250) * 100;
    }
    const auto appointment_id = a.id;
    const auto contact_type = a.fields.kind;
    c.batch.appointments.push_back(std::move(a));
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
  // Counted from the case's opening, which comes before admission: a review on time by that count
  // is on time by the clock's (from admission) too.
  auto last = parse_timestamp(record.opened_at).value_or(admitted);
  while (true) {
    const auto due = last + interval;
    auto at = random.chance(0.85) ? due - random.minutes(60, 5 * 24 * 60) : due + random.minutes(60, 14 * 24 * 60);
    at = std::max(at, admitted + hours(1));
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

void add_assessment(ClientContext& c, const ScoredPool& pool, const Case& record, const EpisodeStaff& staff,
                    Timestamp at) {
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
    ReferralOut out;
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
          if (random.chance(0.5)) out.fields.cost_cents = random.between(100, 1500) * 100;
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
    c.batch.referrals_out.push_back(std::move(out));
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

}  // namespace caseboard::bench
