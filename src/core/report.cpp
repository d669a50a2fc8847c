#include "core/report.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace caseboard {

namespace {

using enum Metric;
using enum MetricKind;

struct Accumulator {
  double value_sum = 0;
  double weight_sum = 0;
  double observations = 0;
  std::vector<double> values;
  std::set<std::uint32_t> subjects;
};

Figure figure_of(const MetricInfo& info, const Accumulator& a, const ReportPeriod& period) {
  Figure figure;
  figure.denominator = a.observations;
  switch (info.kind) {
    case Count:
      figure.value = a.weight_sum;
      figure.numerator = a.weight_sum;
      break;
    case Sum:
      figure.value = a.value_sum;
      figure.numerator = a.value_sum;
      break;
    case PerWeek: {
      figure.numerator = a.weight_sum;
      const double weeks = period.weeks();
      figure.value = weeks > 0 ? a.weight_sum / weeks : 0;
      break;
    }
    case Rate:
      figure.numerator = a.value_sum;
      figure.denominator = a.weight_sum;
      if (a.weight_sum > 0) figure.value = 100.0 * a.value_sum / a.weight_sum;
      break;
    case Mean:
      figure.numerator = a.value_sum;
      figure.denominator = a.weight_sum;
      if (a.weight_sum > 0) figure.value = a.value_sum / a.weight_sum;
      break;
    case Median: figure.value = median(a.values); break;
    case Percentile90: figure.value = percentile(a.values, 0.9); break;
    case PerCase:
      figure.numerator = a.value_sum;
      figure.denominator = double(a.subjects.size());
      if (!a.subjects.empty()) figure.value = a.value_sum / double(a.subjects.size());
      break;
  }
  return figure;
}

void add(Accumulator& a, const Observation& o) {
  a.value_sum += o.value;
  a.weight_sum += o.weight;
  a.observations += 1;
  a.values.push_back(o.value);
  a.subjects.insert(o.subject);
}

// A rate's observation that counts against it: something not met where higher is better (a late
// note), something that happened where lower is better (a no-show, a readmission).
bool missed(const MetricInfo& info, const Observation& o) {
  return info.higher_is_better ? o.value < o.weight : o.value > 0;
}

FigureSet figures_of(const std::map<Metric, Accumulator>& accumulators, const ReportPeriod& period) {
  FigureSet set;
  static const Accumulator empty;
  for (const auto& info : all_metrics()) {
    const auto found = accumulators.find(info.metric);
    set.figures[info.metric] = figure_of(info, found == accumulators.end() ? empty : found->second, period);
  }
  return set;
}

}  // namespace

const std::vector<MetricInfo>& all_metrics() {
  static const std::vector<MetricInfo> metrics = {
      {Caseload, "caseload", "Open cases", "cases", Count, false},
      {AcuityWeightedCaseload, "acuity_weighted_caseload", "Acuity-weighted caseload", "points", Sum, false},
      {NewReferralsPerWeek, "new_referrals_per_week", "New referrals per week", "per week", PerWeek, false},
      {TimeToServiceMedian, "time_to_service_median", "Time to service (median)", "hours", Median, false},
      {TimeToServiceP90, "time_to_service_p90", "Time to service (90th percentile)", "hours", Percentile90, false},
      {FirstContactOnTime, "first_contact_on_time", "First contact on time (72 h)", "%", Rate, true},
      {ReferralFollowUpsOnTime, "referral_follow_ups_on_time", "Referral follow-ups on time (48 h)", "%", Rate, true},
      {NotesOnTime, "notes_on_time", "Notes signed on time (24 h)", "%", Rate, true},
      {IncidentsOnTime, "incidents_on_time", "Incidents documented on time (4 h)", "%", Rate, true},
      {PlanReviewsOnTime, "plan_reviews_on_time", "Plan reviews on time", "%", Rate, true},
      {GoalCompletion, "goal_completion", "Goals achieved", "%", Rate, true},
      {Readmissions30Day, "readmissions_30_day", "Readmitted within 30 days", "%", Rate, false},
      {Discharges, "discharges", "Discharges", "discharges", Count, false},
      {NoShowRate, "no_show_rate", "No-show rate", "%", Rate, false},
      {Satisfaction, "satisfaction", "Post-discharge satisfaction", "1-5", Mean, true},
      {ServicesPerCase, "services_per_case", "Services per case", "services", PerCase, false},
      {CostPerCase, "cost_per_case", "Cost per case", "dollars", PerCase, false},
      {AuditReadiness, "audit_readiness", "Audit readiness", "%", Rate, true},
  };
  return metrics;
}

const MetricInfo& metric_info(Metric metric) {
  const auto& metrics = all_metrics();
  return *std::find_if(metrics.begin(), metrics.end(), [&](const MetricInfo& m) { return m.metric == metric; });
}

std::optional<Metric> parse_metric(std::string_view name) {
  for (const auto& info : all_metrics()) {
    if (info.name == name) return info.metric;
  }
  return std::nullopt;
}

const std::vector<ReportDefinition>& report_definitions() {
  static const std::vector<ReportDefinition> reports = [] {
    std::vector<Metric> every;
    for (const auto& info : all_metrics()) every.push_back(info.metric);
    return std::vector<ReportDefinition>{
        {"monthly", "Monthly report", every},
        {"caseload", "Caseload", {Caseload, AcuityWeightedCaseload, NewReferralsPerWeek, Discharges}},
        {"timeliness",
         "Timeliness",
         {TimeToServiceMedian, TimeToServiceP90, FirstContactOnTime, ReferralFollowUpsOnTime, NotesOnTime,
          IncidentsOnTime, PlanReviewsOnTime}},
        {"outcomes",
         "Outcomes",
         {GoalCompletion, Readmissions30Day, Discharges, NoShowRate, Satisfaction, ServicesPerCase, CostPerCase}},
        {"documentation", "Documentation and audit readiness", {NotesOnTime, PlanReviewsOnTime, AuditReadiness}},
    };
  }();
  return reports;
}

const ReportDefinition* find_report(std::string_view name) {
  for (const auto& report : report_definitions()) {
    if (report.name == name) return &report;
  }
  return nullptr;
}

ReportResult compute_report(const ReportFacts& facts, const ReportPeriod& period) {
  std::map<Metric, Accumulator> total;
  std::map<std::string, std::map<Metric, Accumulator>> by_person;
  ReportResult result;
  result.period = period;
  for (const auto& o : facts.observations) {
    add(total[o.metric], o);
    add(by_person[facts.subjects.at(o.subject).case_manager_id][o.metric], o);
    if (o.metric == Discharges) result.discharges_by_destination[o.detail] += o.weight;
  }
  result.total = figures_of(total, period);
  for (const auto& [person, accumulators] : by_person)
    result.by_case_manager[person] = figures_of(accumulators, period);
  return result;
}

std::vector<const Observation*> drill_down(const ReportFacts& facts, const DrillDownFilter& filter) {
  const auto& info = metric_info(filter.metric);
  std::vector<const Observation*> chosen;
  for (const auto& o : facts.observations) {
    if (o.metric != filter.metric) continue;
    if (filter.missed_only && info.kind == Rate && !missed(info, o)) continue;
    if (filter.case_manager_id && facts.subjects.at(o.subject).case_manager_id != *filter.case_manager_id) continue;
    chosen.push_back(&o);
  }
  return chosen;
}

double acuity_weight(std::string_view risk_level) {
  if (risk_level == "high") return 3;
  if (risk_level == "moderate") return 2;
  return 1;
}

std::vector<ReviewDue> plan_reviews_due(Timestamp opened_at, std::optional<Timestamp> ended_at,
                                        const std::vector<Timestamp>& reviews, int interval_days, Timestamp from,
                                        Timestamp to, Timestamp now) {
  std::vector<ReviewDue> dues;
  const std::chrono::seconds interval = std::chrono::days{interval_days};
  if (interval.count() <= 0) return dues;
  Timestamp anchor = opened_at;
  auto next_review = reviews.begin();
  while (true) {
    while (next_review != reviews.end() && *next_review <= anchor) ++next_review;
    const Timestamp due = anchor + interval;
    if (due >= to || due > now) break;
    if (ended_at && *ended_at <= due && (next_review == reviews.end() || *next_review > due)) break;
    const bool met = next_review != reviews.end() && *next_review <= due;
    if (due >= from) dues.push_back({due, met});
    if (next_review == reviews.end()) break;  // missed with no review since: one due, not one per interval
    anchor = *next_review;
  }
  return dues;
}

std::optional<double> percentile(std::vector<double> values, double fraction) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  auto rank = std::size_t(std::ceil(fraction * double(values.size())));
  rank = std::clamp<std::size_t>(rank, 1, values.size());
  return values[rank - 1];
}

std::optional<double> median(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const auto n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace caseboard
