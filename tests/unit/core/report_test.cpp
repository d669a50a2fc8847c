// Report figures from hand-made observations: each kind of metric, per case manager, and the
// drill-down listing exactly the observations behind a figure; plan reviews due in a period.
#include "core/report.hpp"

#include <gtest/gtest.h>

namespace caseboard {
namespace {

using std::chrono::days;

Timestamp at(const char* text) {
  return *parse_timestamp(text);
}

ReportPeriod october() {
  return *parse_report_period("2026-10", "period");
}

struct Facts {
  ReportFacts facts;
  std::uint32_t subject(const char* case_id, const char* manager) {
    facts.subjects.push_back({case_id, "", std::string("client-") + case_id, "program-1", manager});
    return std::uint32_t(facts.subjects.size() - 1);
  }
  void observe(Metric metric, std::uint32_t who, double value, double weight = 1, std::string detail = {}) {
    facts.observations.push_back({metric, who, value, weight, std::move(detail)});
  }
};

TEST(Report, RatesSumMetAndDueAcrossCases) {
  Facts f;
  const auto a = f.subject("a", "ann");
  const auto b = f.subject("b", "bob");
  f.observe(Metric::NotesOnTime, a, 3, 4, "1 of 4 late");
  f.observe(Metric::NotesOnTime, b, 2, 2);
  const auto result = compute_report(f.facts, october());
  const auto& notes = result.total.figures.at(Metric::NotesOnTime);
  ASSERT_TRUE(notes.value);
  EXPECT_DOUBLE_EQ(*notes.value, 100.0 * 5 / 6);
  EXPECT_DOUBLE_EQ(notes.numerator, 5);
  EXPECT_DOUBLE_EQ(notes.denominator, 6);
  EXPECT_DOUBLE_EQ(*result.by_case_manager.at("ann").figures.at(Metric::NotesOnTime).value, 75.0);
  EXPECT_DOUBLE_EQ(*result.by_case_manager.at("bob").figures.at(Metric::NotesOnTime).value, 100.0);
}

TEST(Report, NothingObservedGivesNoRateButZeroCounts) {
  const auto result = compute_report({}, october());
  EXPECT_FALSE(result.total.figures.at(Metric::IncidentsOnTime).value);
  EXPECT_FALSE(result.total.figures.at(Metric::TimeToServiceMedian).value);
  EXPECT_FALSE(result.total.figures.at(Metric::Satisfaction).value);
  ASSERT_TRUE(result.total.figures.at(Metric::Caseload).value);
  EXPECT_DOUBLE_EQ(*result.total.figures.at(Metric::Caseload).value, 0);
  EXPECT_DOUBLE_EQ(*result.total.figures.at(Metric::NewReferralsPerWeek).value, 0);
}

TEST(Report, DurationsGiveMedianAndNinetiethPercentile) {
  Facts f;
  const auto a = f.subject("a", "ann");
  for (double hours : {10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 100.0}) {
    f.observe(Metric::TimeToServiceMedian, a, hours);
    f.observe(Metric::TimeToServiceP90, a, hours);
  }
  const auto result = compute_report(f.facts, october());
  EXPECT_DOUBLE_EQ(*result.total.figures.at(Metric::TimeToServiceMedian).value, 55.0);
  EXPECT_DOUBLE_EQ(*result.total.figures.at(Metric::TimeToServiceP90).value, 90.0);
}

TEST(Report, CountsSumsPerWeekMeansAndPerCase) {
  Facts f;
  const auto a = f.subject("a", "ann");
  const auto b = f.subject("b", "ann");
  f.observe(Metric::Caseload, a, 1);
  f.observe(Metric::Caseload, b, 1);
  f.observe(Metric::AcuityWeightedCaseload, a, acuity_weight("high"));
  f.observe(Metric::AcuityWeightedCaseload, b, acuity_weight("none"));
  for (int i = 0; i < 31; ++i) f.observe(Metric::NewReferralsPerWeek, a, 1);
  f.observe(Metric::Satisfaction, a, 5);
  f.observe(Metric::Satisfaction, b, 2);
  f.observe(Metric::ServicesPerCase, a, 3);
  f.observe(Metric::ServicesPerCase, b, 1);
  f.observe(Metric::CostPerCase, a, 120.5);
  f.observe(Metric::CostPerCase, b, 0);
  f.observe(Metric::Discharges, a, 1, 1, "home");
  f.observe(Metric::Discharges, b, 1, 1, "home");
  const auto result = compute_report(f.facts, october());
  const auto& t = result.total.figures;
  EXPECT_DOUBLE_EQ(*t.at(Metric::Caseload).value, 2);
  EXPECT_DOUBLE_EQ(*t.at(Metric::AcuityWeightedCaseload).value, 4);
  EXPECT_DOUBLE_EQ(*t.at(Metric::NewReferralsPerWeek).value, 31.0 / (31.0 / 7.0));
  EXPECT_DOUBLE_EQ(*t.at(Metric::Satisfaction).value, 3.5);
  EXPECT_DOUBLE_EQ(*t.at(Metric::ServicesPerCase).value, 2);
  EXPECT_DOUBLE_EQ(*t.at(Metric::CostPerCase).value, 60.25);
  EXPECT_DOUBLE_EQ(*t.at(Metric::Discharges).value, 2);
  EXPECT_DOUBLE_EQ(result.discharges_by_destination.at("home"), 2);
}

TEST(Report, DrillDownListsWhatCountsAgainstTheRate) {
  Facts f;
  const auto a = f.subject("a", "ann");
  const auto b = f.subject("b", "bob");
  const auto c = f.subject("c", "bob");
  f.observe(Metric::NotesOnTime, a, 3, 4);
  f.observe(Metric::NotesOnTime, b, 2, 2);
  f.observe(Metric::NoShowRate, b, 0, 3);
  f.observe(Metric::NoShowRate, c, 1, 2);
  const auto late = drill_down(f.facts, {Metric::NotesOnTime, true, std::nullopt});
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0]->subject, a);
  EXPECT_EQ(drill_down(f.facts, {Metric::NotesOnTime, false, std::nullopt}).size(), 2u);
  // Lower is better: the case with a no-show is the one that counts against the rate.
  const auto no_shows = drill_down(f.facts, {Metric::NoShowRate, true, std::nullopt});
  ASSERT_EQ(no_shows.size(), 1u);
  EXPECT_EQ(no_shows[0]->subject, c);
  EXPECT_EQ(drill_down(f.facts, {Metric::NotesOnTime, false, std::string("bob")}).size(), 1u);
}

TEST(Report, EveryMetricHasAUniqueNameAndEveryReportKnownMetrics) {
  for (const auto& info : all_metrics()) {
    ASSERT_TRUE(parse_metric(info.name)) << info.name;
    EXPECT_EQ(*parse_metric(info.name), info.metric);
  }
  EXPECT_FALSE(parse_metric("nonsense"));
  ASSERT_NE(find_report("monthly"), nullptr);
  EXPECT_EQ(find_report("monthly")->metrics.size(), all_metrics().size());
  EXPECT_EQ(find_report("nonsense"), nullptr);
}

TEST(PlanReviewsDue, OnTimeLateAndNotYetDue) {
  const auto opened = at("2026-08-01T00:00:00Z");
  const auto period = october();
  const auto now = at("2026-11-22T00:00:00Z");
  // Reviewed 30 days after opening (met), then late: the next is due 2026-09-30 and comes 2026-10-05,
  // which restarts the interval; due 2026-11-04 falls outside October.
  const std::vector<Timestamp> reviews{opened + days{30}, at("2026-10-05T00:00:00Z")};
  const auto dues = plan_reviews_due(opened, std::nullopt, reviews, 30, period.from, period.to, now);
  EXPECT_TRUE(dues.empty());  // 2026-08-31 and 2026-09-30 are due before October
  const auto september = *parse_report_period("2026-09", "period");
  const auto in_september = plan_reviews_due(opened, std::nullopt, reviews, 30, september.from, september.to, now);
  ASSERT_EQ(in_september.size(), 1u);
  EXPECT_EQ(in_september[0].due_at, at("2026-09-30T00:00:00Z"));
  EXPECT_FALSE(in_september[0].met);
  const auto in_august =
      plan_reviews_due(opened, std::nullopt, reviews, 30, at("2026-08-01T00:00:00Z"), at("2026-09-01T00:00:00Z"), now);
  ASSERT_EQ(in_august.size(), 1u);
  EXPECT_TRUE(in_august[0].met);
  // A due after `now` is not yet counted; a case that ended before its due owes nothing.
  EXPECT_TRUE(
      plan_reviews_due(opened, std::nullopt, {}, 30, period.from, period.to, at("2026-08-15T00:00:00Z")).empty());
  EXPECT_TRUE(plan_reviews_due(opened, at("2026-08-20T00:00:00Z"), {}, 30, at("2026-08-01T00:00:00Z"),
                               at("2026-09-01T00:00:00Z"), now)
                  .empty());
}

}  // namespace
}  // namespace caseboard
