#include "report/report_document.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace caseboard::report {
namespace {

std::string name_or_id(const std::map<std::string, std::string>& names, const std::string& id) {
  auto found = names.find(id);
  return found == names.end() || found->second.empty() ? id : found->second;
}

}  // namespace

std::vector<DrillDownFilter> export_drill_down_filters(const ReportDefinition& definition) {
  std::vector<DrillDownFilter> filters;
  filters.reserve(definition.metrics.size());
  for (auto metric : definition.metrics) {
    filters.push_back({metric, metric_info(metric).kind == MetricKind::Rate, std::nullopt});
  }
  return filters;
}

std::string describe_report_scope(const store::ReportScope& scope, const Actor& reader,
                                  const std::map<std::string, std::string>& program_names,
                                  const std::map<std::string, std::string>& staff_names) {
  std::vector<std::string> parts;
  if (scope.program_id) parts.push_back("Program: " + name_or_id(program_names, *scope.program_id));
  if (scope.team_supervisor_id) parts.push_back("Team of " + name_or_id(staff_names, *scope.team_supervisor_id));
  if (scope.case_manager_id) parts.push_back("Cases of " + name_or_id(staff_names, *scope.case_manager_id));
  // The store narrows an unscoped request to what the reader may see.
  const bool narrowed = scope.team_supervisor_id || scope.case_manager_id;
  if (!narrowed && reader.role == Role::Supervisor) {
    parts.push_back("Team of " + name_or_id(staff_names, reader.user_id));
  } else if (!narrowed && (reader.role == Role::CaseManager || reader.role == Role::NurseCaseManager)) {
    parts.push_back("Cases of " + name_or_id(staff_names, reader.user_id));
  }
  if (parts.empty()) return "Whole organization";
  std::string label;
  for (const auto& part : parts) label += (label.empty() ? "" : " \xC2\xB7 ") + part;
  return label;
}

std::vector<CaseManagerRow> case_manager_rows(const ReportDocument& document) {
  std::vector<CaseManagerRow> rows;
  for (const auto& [user_id, figures] : document.result.by_case_manager) {
    rows.push_back({user_id, user_id.empty() ? "Unassigned" : name_or_id(document.staff_names, user_id), &figures});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const CaseManagerRow& a, const CaseManagerRow& b) {
    if (a.user_id.empty() != b.user_id.empty()) return b.user_id.empty();
    return a.name < b.name;
  });
  return rows;
}

const Figure* figure_with_value(const FigureSet& figures, Metric metric) {
  auto found = figures.figures.find(metric);
  if (found == figures.figures.end() || !found->second.value || !std::isfinite(*found->second.value)) return nullptr;
  return &found->second;
}

std::string plain_number(double value, int decimals) {
  if (!std::isfinite(value)) return {};
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string text = buffer;
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  if (text == "-0") text = "0";
  return text;
}

std::chrono::year_month_day period_first_day(const ReportPeriod& period) {
  return date_of(period.from);
}

std::chrono::year_month_day period_last_day(const ReportPeriod& period) {
  return date_of(period.to - std::chrono::seconds{1});
}

}  // namespace caseboard::report
