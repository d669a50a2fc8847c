#include "core/case_clock.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace caseboard {
namespace {

using std::chrono::days;
using std::chrono::hours;

constexpr std::array<std::pair<ClockRule, std::string_view>, 9> kRuleNames{{
    {ClockRule::FirstContact, "first_contact"},
    {ClockRule::ProgressNote, "progress_note"},
    {ClockRule::NoteCosign, "note_cosign"},
    {ClockRule::ReferralFollowUp, "referral_follow_up"},
    {ClockRule::IncidentDocumentation, "incident_documentation"},
    {ClockRule::PlanReview, "plan_review"},
    {ClockRule::PostDischargeCheckIn, "post_discharge_check_in"},
    {ClockRule::EligibilityCheck, "eligibility_check"},
    {ClockRule::AuthorizationRenewal, "authorization_renewal"},
}};

struct ItemBuilder {
  const CaseRecords& records;
  Timestamp now;
  std::vector<ClockItem> items;

  void add(ClockRule rule, std::string record_id, Timestamp started_at, Timestamp due_at, std::string title) {
    items.push_back({rule, std::move(record_id), records.case_id, records.client_id, started_at, due_at, now > due_at,
                     std::move(title)});
  }
};

bool has_signed_note(const CaseRecords& records, auto&& matches) {
  return std::any_of(records.notes.begin(), records.notes.end(),
                     [&](const CaseRecords::Note& note) { return note.signed_at.has_value() && matches(note); });
}

void add_note_items(ItemBuilder& builder, const ClockRules& rules) {
  const auto& records = builder.records;
  const auto limit = hours(rules.note_hours);
  if (records.referral && records.referral->first_contact_at) {
    const auto contact = *records.referral->first_contact_at;
    if (!has_signed_note(records, [&](const auto& note) { return note.service_at >= contact; })) {
      builder.add(ClockRule::ProgressNote, records.referral->id, contact, contact + limit,
                  "Progress note for the first contact");
    }
  }
  for (const auto& appointment : records.attended_appointments) {
    if (!has_signed_note(records, [&](const auto& note) { return note.appointment_id == appointment.id; })) {
      builder.add(ClockRule::ProgressNote, appointment.id, appointment.starts_at, appointment.starts_at + limit,
                  "Progress note for the visit");
    }
  }
  for (const auto& note : records.notes) {
    if (note.signed_at && note.cosign_required && !note.cosigned_at) {
      builder.add(ClockRule::NoteCosign, note.id, *note.signed_at, *note.signed_at + limit,
                  "Supervisor co-signature of a note");
    }
  }
}

// The next review: 30 days after admission or the last review while the case is active or on
// hold, or sooner after a major event that came after the last review.
void add_plan_review(ItemBuilder& builder, const ClockRules& rules) {
  const auto& records = builder.records;
  if (!records.admitted_at) return;
  std::optional<Timestamp> last_review;
  for (const auto& at : records.plan_reviews) {
    if (!last_review || at > *last_review) last_review = at;
  }
  std::optional<std::pair<Timestamp, Timestamp>> next;  // started, due
  auto consider = [&](Timestamp started, Timestamp due) {
    if (!next || due < next->second) next = {started, due};
  };
  if (records.status == CaseStatus::Active || records.status == CaseStatus::OnHold) {
    const auto base = last_review && *last_review > *records.admitted_at ? *last_review : *records.admitted_at;
    consider(base, base + days(rules.plan_review_days));
  }
  auto major_event = [&](Timestamp at) {
    if (!last_review || at > *last_review) consider(at, at + days(rules.event_review_days));
  };
  for (const auto& incident : records.incidents) major_event(incident.occurred_at);
  if (records.discharge) {
    major_event(records.discharge->discharged_at);
    for (const auto& at : records.discharge->readmissions) major_event(at);
  }
  if (next) builder.add(ClockRule::PlanReview, records.case_id, next->first, next->second, "Care plan review");
}

// Coverage clocks show from two weeks before they fall due, so the worklist is not crowded with
// checks months away.
void add_coverage_items(ItemBuilder& builder, const ClockRules& rules) {
  const auto& records = builder.records;
  const auto soon = builder.now + days(14);
  for (const auto& coverage : records.coverages) {
    const auto due = coverage.verified_or_added + days(rules.eligibility_days);
    if (due <= soon) {
      builder.add(ClockRule::EligibilityCheck, coverage.id, coverage.verified_or_added, due,
                  "Verify eligibility with " + coverage.payer_name);
    }
  }
  for (const auto& authorization : records.authorizations) {
    if (!authorization.units_low && authorization.ends > soon) continue;
    if (authorization.ends + days(30) < builder.now) continue;  // long over: no longer a clock
    builder.add(ClockRule::AuthorizationRenewal, authorization.id, builder.now, authorization.ends,
                "Renew the authorization for " + authorization.service + " (" +
                    std::to_string(authorization.units_left) + " units left)");
  }
}

}  // namespace

std::string_view clock_rule_name(ClockRule rule) {
  for (const auto& [candidate, name] : kRuleNames) {
    if (candidate == rule) return name;
  }
  return "unknown";
}

std::optional<ClockRule> parse_clock_rule(std::string_view name) {
  for (const auto& [rule, candidate] : kRuleNames) {
    if (candidate == name) return rule;
  }
  return std::nullopt;
}

std::optional<ClockItem> first_contact_item(const CaseRecords::Referral& referral, std::string_view client_id,
                                            const ClockRules& rules, Timestamp now) {
  if (referral.declined || referral.first_contact_at) return std::nullopt;
  const auto due = referral.received_at + hours(rules.first_contact_hours);
  return ClockItem{ClockRule::FirstContact, referral.id, {},        std::string(client_id),
                   referral.received_at,    due,         now > due, "First contact after the referral"};
}

std::vector<ClockItem> derive_clock_items(const CaseRecords& records, const ClockRules& rules, Timestamp now) {
  ItemBuilder builder{records, now, {}};
  if (records.status == CaseStatus::Closed) return {};
  if (records.referral) {
    if (auto item = first_contact_item(*records.referral, records.client_id, rules, now)) {
      item->case_id = records.case_id;
      builder.items.push_back(std::move(*item));
    }
  }
  add_note_items(builder, rules);
  for (const auto& referral : records.referrals_out) {
    if (!referral.sent_at || referral.cancelled || referral.followed_up_at || referral.responded_at) continue;
    builder.add(ClockRule::ReferralFollowUp, referral.id, *referral.sent_at,
                *referral.sent_at + hours(rules.referral_follow_up_hours),
                "Follow up the referral to " + referral.provider_name);
  }
  for (const auto& incident : records.incidents) {
    if (incident.submitted_at) continue;
    builder.add(ClockRule::IncidentDocumentation, incident.id, incident.occurred_at,
                incident.occurred_at + hours(rules.incident_hours), "Document the incident");
  }
  add_plan_review(builder, rules);
  add_coverage_items(builder, rules);
  if (records.discharge && !records.discharge->checked_in_at) {
    const auto& discharge = *records.discharge;
    const int limit =
        discharge.early_follow_up ? std::min(rules.check_in_hours, rules.early_check_in_hours) : rules.check_in_hours;
    builder.add(ClockRule::PostDischargeCheckIn, discharge.id, discharge.discharged_at,
                discharge.discharged_at + hours(limit), "Post-discharge check-in");
  }
  std::stable_sort(builder.items.begin(), builder.items.end(),
                   [](const ClockItem& a, const ClockItem& b) { return a.due_at < b.due_at; });
  return std::move(builder.items);
}

}  // namespace caseboard
