// A report as it is exported: the figures of one named report for one scope and period, with what a
// reader needs beside them (who and what it covers, the names of the rows, the cases behind the
// figures, who asked and when). The writers (report_export.hpp) turn it into CSV, XLSX or PDF bytes;
// they do no I/O of their own beyond the temporary file libxlsxwriter needs.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/report.hpp"
#include "store/store.hpp"

namespace caseboard::report {

struct ReportDocument {
  const ReportDefinition* definition = nullptr;  // which report: its label and its metrics, in order
  std::string organization_name;
  std::string scope_label;  // "Whole organization", "Team of Grace Okoro", ... (describe_report_scope)
  ReportResult result;
  std::map<std::string, std::string> staff_names;  // user id -> display name, for the case-manager rows
  store::ReportCases cases;                        // the drill-down rows the reader may see (XLSX only)
  std::string generated_by;                        // "Dana Whitfield (director)"
  Timestamp generated_at;
};

// At most this many drill-down rows per metric in an export (an XLSX sheet holds about a million).
inline constexpr int kExportCasesPerMetric = 50000;

// The drill-down an export lists: one filter per metric of the report, only the observations that
// missed for rates (and audit readiness), every observation otherwise.
std::vector<DrillDownFilter> export_drill_down_filters(const ReportDefinition& definition);

// The scope in words, as the reader's role narrows it: "Whole organization", "Program: Care
// Transitions", "Team of Grace Okoro", "Cases of Sofia Alvarez", joined with " · " when combined.
// Unknown ids are shown as they are.
std::string describe_report_scope(const store::ReportScope& scope, const Actor& reader,
                                  const std::map<std::string, std::string>& program_names,
                                  const std::map<std::string, std::string>& staff_names);

// One row per case manager of the result, ordered by name, the unassigned ("" id) last.
struct CaseManagerRow {
  std::string user_id;
  std::string name;  // from staff_names; "Unassigned" for ""; the id when the name is unknown
  const FigureSet* figures = nullptr;
};
std::vector<CaseManagerRow> case_manager_rows(const ReportDocument& document);

// The figure of `metric` in `figures`, or nullptr when it is absent or has no value.
const Figure* figure_with_value(const FigureSet& figures, Metric metric);

// A number as plain text with at most `decimals` decimals and no trailing zeros: 12, 93.1, 66.67.
std::string plain_number(double value, int decimals = 2);

// The first day of the period and its last day (the period is half-open: `to` is the day after).
std::chrono::year_month_day period_first_day(const ReportPeriod& period);
std::chrono::year_month_day period_last_day(const ReportPeriod& period);

}  // namespace caseboard::report
