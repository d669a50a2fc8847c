// Reports: the figures supervisors and directors are judged on, computed from facts the store reads
// for one scope (organization, program, team or case manager) and one period. Pure: the same facts
// give the same figures, and the drill-down of a figure lists exactly the cases that made it, because
// both come from the same observations.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "core/report_period.hpp"
#include "core/result.hpp"

namespace caseboard {

enum class Metric {
  Caseload,                 // cases open at the end of the period (count)
  AcuityWeightedCaseload,   // the same cases weighted by the client's risk level (sum)
  NewReferralsPerWeek,      // referrals received in the period, per week
  TimeToServiceMedian,      // hours from referral received to first contact (median)
  TimeToServiceP90,         // the same, 90th percentile
  FirstContactOnTime,       // % of referrals contacted within the program's first-contact hours (72)
  ReferralFollowUpsOnTime,  // % of referrals out followed up within the program's hours (48)
  NotesOnTime,              // % of notes signed within the program's note hours (24)
  IncidentsOnTime,          // % of incidents documented within the program's incident hours (4)
  PlanReviewsOnTime,        // % of plan reviews falling due in the period done by their due time
  GoalCompletion,           // % of care-plan goals due in the period that are achieved
  Readmissions30Day,        // % of discharges in the period followed by a readmission within 30 days
  Discharges,               // discharges in the period (count; by destination)
  NoShowRate,               // % of visits in the period that ended as a no-show (of attended + no-show)
  Satisfaction,             // mean post-discharge satisfaction (1-5) of check-ins in the period
  ServicesPerCase,          // attended visits and completed referrals out per case served
  CostPerCase,              // cost of those services per case served (dollars)
  AuditReadiness,           // % of documentation checks passed by the cases open in the period
};

// How a metric's observations combine into its figure.
enum class MetricKind {
  Count,   // number of observations (weights summed)
  Sum,     // sum of values
  Rate,    // 100 × Σ value / Σ weight (each observation: value met, weight due)
  Mean,    // Σ value / Σ weight
  Median,  // median of values
  Percentile90,
  PerWeek,  // Σ weight / weeks in the period
  PerCase,  // Σ value / number of distinct cases served (the Services/Cost observations)
};

struct MetricInfo {
  Metric metric;
  std::string_view name;   // "notes_on_time": in URLs, CSV headers and the CLI
  std::string_view label;  // "Notes signed within 24 h"
  std::string_view unit;   // "%", "hours", "cases", "per week", "1-5", "dollars", "services"
  MetricKind kind;
  bool higher_is_better;
};

const std::vector<MetricInfo>& all_metrics();
const MetricInfo& metric_info(Metric metric);
std::optional<Metric> parse_metric(std::string_view name);

// The named reports (exports and the command line): which metrics each holds, in order.
// "monthly" (every metric), "caseload", "timeliness", "outcomes", "documentation".
struct ReportDefinition {
  std::string_view name;
  std::string_view label;
  std::vector<Metric> metrics;
};
const std::vector<ReportDefinition>& report_definitions();
const ReportDefinition* find_report(std::string_view name);

// A case (or an unassigned referral, with an empty case id) that observations refer to.
struct ReportSubject {
  std::string case_id;
  std::string referral_id;  // set for referral observations
  std::string client_id;
  std::string program_id;
  std::string case_manager_id;  // "" when unassigned
};

// One measured thing about a subject. For rates, weight is how many events were due and value how
// many were met (a case's notes in the period aggregate into one observation); for counts, weight
// is how many; for durations and scores, value is the figure and weight 1. `detail` names what
// failed (the audit-readiness check, a late note) or the category (a discharge destination).
struct Observation {
  Metric metric = Metric::Caseload;
  std::uint32_t subject = 0;  // index into ReportFacts::subjects
  double value = 0;
  double weight = 1;
  std::string detail;
};

struct ReportFacts {
  std::vector<ReportSubject> subjects;
  std::vector<Observation> observations;
};

// One figure: the value (absent when nothing was observed: no rate without events), and the
// numerator/denominator a person can check it against.
struct Figure {
  std::optional<double> value;
  double numerator = 0;    // met (rates), sum (sums, means)
  double denominator = 0;  // due (rates), count (means), observations (others)
};

struct FigureSet {
  std::map<Metric, Figure> figures;
};

struct ReportResult {
  ReportPeriod period;
  FigureSet total;
  std::map<std::string, FigureSet> by_case_manager;  // key: case manager id ("" = unassigned)
  std::map<std::string, double> discharges_by_destination;
};

ReportResult compute_report(const ReportFacts& facts, const ReportPeriod& period);

// The observations of one metric that a drill-down lists: all of them, or only those that count
// against a rate (`missed_only`: a late note, an incident documented late, a no-show, a
// readmission; other kinds list everything). Optionally one case manager.
struct DrillDownFilter {
  Metric metric = Metric::Caseload;
  bool missed_only = false;
  std::optional<std::string> case_manager_id;
};
std::vector<const Observation*> drill_down(const ReportFacts& facts, const DrillDownFilter& filter);

// Weights of the acuity-weighted caseload by client risk level.
double acuity_weight(std::string_view risk_level);

// The times a plan review fell due within [from, to) and whether each was met: a review is due
// `interval_days` after the case opened and after each review; a review done by the due time is
// met (and restarts the interval). Reviews are in time order. Used by the store-free report logic.
struct ReviewDue {
  Timestamp due_at;
  bool met = false;
};
std::vector<ReviewDue> plan_reviews_due(Timestamp opened_at, std::optional<Timestamp> ended_at,
                                        const std::vector<Timestamp>& reviews, int interval_days, Timestamp from,
                                        Timestamp to, Timestamp now);

// The value at `fraction` (0 < fraction <= 1) by nearest rank; nullopt when empty.
std::optional<double> percentile(std::vector<double> values, double fraction);
// The median (the mean of the two middle values for an even count); nullopt when empty.
std::optional<double> median(std::vector<double> values);

}  // namespace caseboard
