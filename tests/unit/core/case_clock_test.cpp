// The clock rules with fixed times: each rule one minute before its limit (due, not overdue), at
// the limit, and one minute past it (overdue); program overrides; what stops each clock.
#include "core/case_clock.hpp"

#include <gtest/gtest.h>

#include <functional>

namespace caseboard {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

const Timestamp kStart = *parse_timestamp("2026-03-02T09:00:00Z");

// A case that has just one record on the rule's clock, started at kStart.
struct RuleCase {
  const char* name;
  ClockRule rule;
  std::function<void(CaseRecords&)> make;
  std::chrono::seconds default_limit;
  int ClockRules::*override_field;  // the setting that changes this rule's limit
  std::chrono::seconds override_unit;
};

CaseRecords base_case(CaseStatus status = CaseStatus::Active) {
  CaseRecords records;
  records.case_id = "cs-1";
  records.client_id = "cl-1";
  records.status = status;
  return records;
}

std::vector<RuleCase> rule_cases() {
  return {
      {"first contact", ClockRule::FirstContact,
       [](CaseRecords& r) {
         r.status = CaseStatus::Referred;
         r.referral = CaseRecords::Referral{"rf-1", kStart, std::nullopt, false};
       },
       hours(72), &ClockRules::first_contact_hours, hours(1)},
      {"progress note after a visit", ClockRule::ProgressNote,
       [](CaseRecords& r) {
         r.attended_appointments.push_back({"ap-1", kStart});
       },
       hours(24), &ClockRules::note_hours, hours(1)},
      {"referral follow-up", ClockRule::ReferralFollowUp,
       [](CaseRecords& r) {
         r.referrals_out.push_back({"ro-1", "Meals Program", kStart, std::nullopt, std::nullopt, false, true});
       },
       hours(48), &ClockRules::referral_follow_up_hours, hours(1)},
      {"incident documentation", ClockRule::IncidentDocumentation,
       [](CaseRecords& r) {
         r.incidents.push_back({"in-1", kStart, std::nullopt});
       },
       hours(4), &ClockRules::incident_hours, hours(1)},
      {"plan review after admission", ClockRule::PlanReview, [](CaseRecords& r) { r.admitted_at = kStart; }, days(30),
       &ClockRules::plan_review_days, days(1)},
      {"post-discharge check-in", ClockRule::PostDischargeCheckIn,
       [](CaseRecords& r) {
         r.status = CaseStatus::Discharged;
         r.discharge = CaseRecords::Discharge{"dc-1", kStart, std::nullopt, {}, false};
       },
       hours(72), &ClockRules::check_in_hours, hours(1)},
  };
}

std::optional<ClockItem> find(const std::vector<ClockItem>& items, ClockRule rule) {
  for (const auto& item : items) {
    if (item.rule == rule) return item;
  }
  return std::nullopt;
}

TEST(CaseClockTest, EachRuleIsDueUntilItsLimitAndOverdueOneMinutePast) {
  const ClockRules defaults;
  for (const auto& rule : rule_cases()) {
    SCOPED_TRACE(rule.name);
    auto records = base_case();
    rule.make(records);
    const auto limit = kStart + rule.default_limit;

    auto before = find(derive_clock_items(records, defaults, limit - minutes(1)), rule.rule);
    ASSERT_TRUE(before);
    EXPECT_FALSE(before->overdue);
    EXPECT_EQ(before->due_at, limit);
    EXPECT_EQ(before->started_at, kStart);
    EXPECT_EQ(before->case_id, "cs-1");
    EXPECT_EQ(before->client_id, "cl-1");

    auto at_limit = find(derive_clock_items(records, defaults, limit), rule.rule);
    ASSERT_TRUE(at_limit);
    EXPECT_FALSE(at_limit->overdue) << "due at the limit, not yet overdue";

    auto after = find(derive_clock_items(records, defaults, limit + minutes(1)), rule.rule);
    ASSERT_TRUE(after);
    EXPECT_TRUE(after->overdue);
  }
}

TEST(CaseClockTest, AProgramOverrideMovesEachLimit) {
  for (const auto& rule : rule_cases()) {
    SCOPED_TRACE(rule.name);
    auto records = base_case();
    rule.make(records);
    ClockRules program;
    program.*rule.override_field = 2;  // two hours or two days instead of the default
    const auto limit = kStart + 2 * rule.override_unit;
    auto before = find(derive_clock_items(records, program, limit - minutes(1)), rule.rule);
    auto after = find(derive_clock_items(records, program, limit + minutes(1)), rule.rule);
    ASSERT_TRUE(before);
    ASSERT_TRUE(after);
    EXPECT_EQ(before->due_at, limit);
    EXPECT_FALSE(before->overdue);
    EXPECT_TRUE(after->overdue);
  }
}

TEST(CaseClockTest, TheDefaultsAreTheSpecs) {
  const ClockRules rules;
  EXPECT_EQ(rules.first_contact_hours, 72);
  EXPECT_EQ(rules.referral_follow_up_hours, 48);
  EXPECT_EQ(rules.note_hours, 24);
  EXPECT_EQ(rules.incident_hours, 4);
  EXPECT_EQ(rules.plan_review_days, 30);
}

TEST(CaseClockTest, TheRecordThatSatisfiesARuleStopsItsClock) {
  const ClockRules rules;
  const auto now = kStart + days(40);
  struct Stop {
    const char* name;
    ClockRule rule;
    std::function<void(CaseRecords&)> make;
  };
  const Stop stops[] = {
      {"first contact recorded", ClockRule::FirstContact,
       [](CaseRecords& r) {
         r.referral = CaseRecords::Referral{"rf-1", kStart, kStart + hours(5), false};
       }},
      {"declined referral", ClockRule::FirstContact,
       [](CaseRecords& r) {
         r.referral = CaseRecords::Referral{"rf-1", kStart, std::nullopt, true};
       }},
      {"signed note for the visit", ClockRule::ProgressNote,
       [](CaseRecords& r) {
         r.attended_appointments.push_back({"ap-1", kStart});
         r.notes.push_back({"nt-1", "ap-1", kStart, kStart + hours(30), false, std::nullopt});
       }},
      {"follow-up recorded", ClockRule::ReferralFollowUp,
       [](CaseRecords& r) {
         r.referrals_out.push_back({"ro-1", "P", kStart, kStart + hours(3), std::nullopt, false, true});
       }},
      {"provider answered", ClockRule::ReferralFollowUp,
       [](CaseRecords& r) {
         r.referrals_out.push_back({"ro-1", "P", kStart, std::nullopt, kStart + hours(3), false, true});
       }},
      {"referral cancelled", ClockRule::ReferralFollowUp,
       [](CaseRecords& r) {
         r.referrals_out.push_back({"ro-1", "P", kStart, std::nullopt, std::nullopt, true, false});
       }},
      {"draft never sent", ClockRule::ReferralFollowUp,
       [](CaseRecords& r) {
         r.referrals_out.push_back({"ro-1", "P", std::nullopt, std::nullopt, std::nullopt, false, true});
       }},
      {"incident submitted", ClockRule::IncidentDocumentation,
       [](CaseRecords& r) {
         r.incidents.push_back({"in-1", kStart, kStart + hours(2)});
       }},
      {"check-in recorded", ClockRule::PostDischargeCheckIn,
       [](CaseRecords& r) {
         r.discharge = CaseRecords::Discharge{"dc-1", kStart, kStart + hours(20), {}, false};
       }},
  };
  for (const auto& stop : stops) {
    SCOPED_TRACE(stop.name);
    auto records = base_case(CaseStatus::Discharged);
    stop.make(records);
    EXPECT_FALSE(find(derive_clock_items(records, rules, now), stop.rule));
  }
}

TEST(CaseClockTest, ADraftNoteOrANoteOfAnotherVisitDoesNotStopTheNoteClock) {
  auto records = base_case();
  records.attended_appointments.push_back({"ap-1", kStart});
  records.notes.push_back({"nt-1", "ap-1", kStart, std::nullopt, false, std::nullopt});       // draft
  records.notes.push_back({"nt-2", "ap-9", kStart, kStart + hours(1), false, std::nullopt});  // another visit
  auto item = find(derive_clock_items(records, ClockRules{}, kStart + hours(1)), ClockRule::ProgressNote);
  ASSERT_TRUE(item);
  EXPECT_EQ(item->record_id, "ap-1");
}

TEST(CaseClockTest, TheFirstContactNeedsASignedNoteOfThatContactOrLater) {
  auto records = base_case();
  const auto contact = kStart + hours(10);
  records.referral = CaseRecords::Referral{"rf-1", kStart, contact, false};
  auto owed = find(derive_clock_items(records, ClockRules{}, contact + hours(25)), ClockRule::ProgressNote);
  ASSERT_TRUE(owed);
  EXPECT_TRUE(owed->overdue);
  EXPECT_EQ(owed->due_at, contact + hours(24));
  // A note of an earlier contact does not document this one.
  records.notes.push_back({"nt-0", "", kStart, kStart + hours(1), false, std::nullopt});
  EXPECT_TRUE(find(derive_clock_items(records, ClockRules{}, contact + hours(25)), ClockRule::ProgressNote));
  records.notes.push_back({"nt-1", "", contact, contact + hours(2), false, std::nullopt});
  EXPECT_FALSE(find(derive_clock_items(records, ClockRules{}, contact + hours(25)), ClockRule::ProgressNote));
}

TEST(CaseClockTest, ACoSignatureIsDueWithinTheNoteClockOfTheSignature) {
  auto records = base_case();
  const auto signed_at = kStart + hours(2);
  records.notes.push_back({"nt-1", "", kStart, signed_at, true, std::nullopt});
  auto item =
      find(derive_clock_items(records, ClockRules{}, signed_at + hours(24) + minutes(1)), ClockRule::NoteCosign);
  ASSERT_TRUE(item);
  EXPECT_TRUE(item->overdue);
  records.notes.back().cosigned_at = signed_at + hours(1);
  EXPECT_FALSE(find(derive_clock_items(records, ClockRules{}, signed_at + hours(30)), ClockRule::NoteCosign));
}

TEST(CaseClockTest, PlanReviewsRunFromTheLastReviewAndComeSoonerAfterAMajorEvent) {
  const ClockRules rules;  // 30 days; 7 days after an event
  auto records = base_case();
  records.admitted_at = kStart;
  records.plan_reviews.push_back(kStart + days(20));
  auto periodic = find(derive_clock_items(records, rules, kStart + days(21)), ClockRule::PlanReview);
  ASSERT_TRUE(periodic);
  EXPECT_EQ(periodic->due_at, kStart + days(50));

  // An incident after the last review brings the review forward to 7 days after it.
  records.incidents.push_back({"in-1", kStart + days(25), kStart + days(25)});
  auto after_event = find(derive_clock_items(records, rules, kStart + days(26)), ClockRule::PlanReview);
  ASSERT_TRUE(after_event);
  EXPECT_EQ(after_event->due_at, kStart + days(32));
  EXPECT_FALSE(
      find(derive_clock_items(records, rules, kStart + days(32) - minutes(1)), ClockRule::PlanReview)->overdue);
  EXPECT_TRUE(find(derive_clock_items(records, rules, kStart + days(32) + minutes(1)), ClockRule::PlanReview)->overdue);

  // A review after the event covers it.
  records.plan_reviews.push_back(kStart + days(27));
  auto reviewed = find(derive_clock_items(records, rules, kStart + days(28)), ClockRule::PlanReview);
  ASSERT_TRUE(reviewed);
  EXPECT_EQ(reviewed->due_at, kStart + days(57));
}

TEST(CaseClockTest, DischargeAndReadmissionAreMajorEventsForThePlan) {
  const ClockRules rules;
  auto records = base_case(CaseStatus::Discharged);
  records.admitted_at = kStart;
  records.plan_reviews.push_back(kStart + days(1));
  records.discharge = CaseRecords::Discharge{"dc-1", kStart + days(10), kStart + days(11), {kStart + days(15)}, false};
  auto item = find(derive_clock_items(records, rules, kStart + days(16)), ClockRule::PlanReview);
  ASSERT_TRUE(item);
  EXPECT_EQ(item->due_at, kStart + days(17)) << "7 days after the discharge, the earliest event";
  records.plan_reviews.push_back(kStart + days(12));
  item = find(derive_clock_items(records, rules, kStart + days(16)), ClockRule::PlanReview);
  ASSERT_TRUE(item);
  EXPECT_EQ(item->due_at, kStart + days(22)) << "7 days after the readmission";
}

TEST(CaseClockTest, AHighReadmissionRiskBringsTheCheckInForward) {
  auto records = base_case(CaseStatus::Discharged);
  records.discharge = CaseRecords::Discharge{"dc-1", kStart, std::nullopt, {}, true};
  ClockRules rules;  // 72 h, or 24 h when early
  auto item =
      find(derive_clock_items(records, rules, kStart + hours(24) + minutes(1)), ClockRule::PostDischargeCheckIn);
  ASSERT_TRUE(item);
  EXPECT_EQ(item->due_at, kStart + hours(24));
  EXPECT_TRUE(item->overdue);
  rules.early_check_in_hours = 100;  // never later than the usual check-in
  item = find(derive_clock_items(records, rules, kStart), ClockRule::PostDischargeCheckIn);
  EXPECT_EQ(item->due_at, kStart + hours(72));
}

TEST(CaseClockTest, EligibilityChecksShowFromTwoWeeksBeforeTheyAreDue) {
  auto records = base_case();
  records.coverages.push_back({"cv-1", "Illinois Medicaid", kStart});
  ClockRules rules;  // 90 days
  EXPECT_FALSE(find(derive_clock_items(records, rules, kStart + days(75) - minutes(1)), ClockRule::EligibilityCheck));
  auto soon = find(derive_clock_items(records, rules, kStart + days(76)), ClockRule::EligibilityCheck);
  ASSERT_TRUE(soon);
  EXPECT_EQ(soon->due_at, kStart + days(90));
  EXPECT_FALSE(soon->overdue);
  EXPECT_TRUE(
      find(derive_clock_items(records, rules, kStart + days(90) + minutes(1)), ClockRule::EligibilityCheck)->overdue);
}

TEST(CaseClockTest, AuthorizationsLowOnUnitsOrEndingSoonAskForRenewal) {
  auto records = base_case();
  records.authorizations.push_back({"au-1", "Aide", 30, false, kStart + days(60)});
  EXPECT_FALSE(find(derive_clock_items(records, ClockRules{}, kStart), ClockRule::AuthorizationRenewal));
  records.authorizations[0].units_low = true;
  EXPECT_TRUE(find(derive_clock_items(records, ClockRules{}, kStart), ClockRule::AuthorizationRenewal));
  records.authorizations[0].units_low = false;
  auto ending = find(derive_clock_items(records, ClockRules{}, kStart + days(47)), ClockRule::AuthorizationRenewal);
  ASSERT_TRUE(ending);
  EXPECT_EQ(ending->due_at, kStart + days(60));
  EXPECT_FALSE(find(derive_clock_items(records, ClockRules{}, kStart + days(91)), ClockRule::AuthorizationRenewal))
      << "long over: no longer a clock";
}

TEST(CaseClockTest, NoPlanReviewBeforeAdmission) {
  auto records = base_case(CaseStatus::Intake);
  records.incidents.push_back({"in-1", kStart, kStart});
  EXPECT_FALSE(find(derive_clock_items(records, ClockRules{}, kStart + days(40)), ClockRule::PlanReview));
}

TEST(CaseClockTest, AClosedCaseOwesNothing) {
  auto records = base_case(CaseStatus::Closed);
  records.referral = CaseRecords::Referral{"rf-1", kStart, std::nullopt, false};
  records.incidents.push_back({"in-1", kStart, std::nullopt});
  records.admitted_at = kStart;
  EXPECT_TRUE(derive_clock_items(records, ClockRules{}, kStart + days(90)).empty());
}

TEST(CaseClockTest, ItemsComeEarliestDueFirst) {
  auto records = base_case();
  records.admitted_at = kStart;                                            // due +30 days
  records.incidents.push_back({"in-1", kStart + hours(1), std::nullopt});  // due +5 h
  records.attended_appointments.push_back({"ap-1", kStart});               // due +24 h
  auto items = derive_clock_items(records, ClockRules{}, kStart + hours(2));
  ASSERT_GE(items.size(), 3u);
  for (std::size_t i = 1; i < items.size(); ++i) EXPECT_LE(items[i - 1].due_at, items[i].due_at);
  EXPECT_EQ(items.front().rule, ClockRule::IncidentDocumentation);
}

TEST(CaseClockTest, RuleNamesRoundTrip) {
  for (auto rule :
       {ClockRule::FirstContact, ClockRule::ProgressNote, ClockRule::NoteCosign, ClockRule::ReferralFollowUp,
        ClockRule::IncidentDocumentation, ClockRule::PlanReview, ClockRule::PostDischargeCheckIn}) {
    EXPECT_EQ(parse_clock_rule(clock_rule_name(rule)), rule);
  }
  EXPECT_FALSE(parse_clock_rule("lunch"));
}

TEST(ClockRulesTest, ValuesOutsideTheirBoundsNameTheSetting) {
  ClockRules rules;
  rules.note_hours = 0;
  auto refused = validate_clock_rules(rules);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "clock_rules.note_hours");
  rules.note_hours = 24;
  rules.plan_review_days = 366;
  refused = validate_clock_rules(rules);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "clock_rules.plan_review_days");
  rules.plan_review_days = 365;
  EXPECT_TRUE(validate_clock_rules(rules));
}

}  // namespace
}  // namespace caseboard
