// A report document built by hand for the writers' tests: four metrics (counts, a rate, one with
// no value), two named case managers (one name with a comma and quotes) and the unassigned row.
#pragma once

#include <string>

#include "core/report_period.hpp"
#include "report/report_document.hpp"

namespace caseboard::report::testing {

inline const ReportDefinition& sample_definition() {
  static const ReportDefinition definition{
      "sample", "Sample report", {Metric::Caseload, Metric::NotesOnTime, Metric::CostPerCase, Metric::Discharges}};
  return definition;
}

inline FigureSet figures(double caseload, std::optional<double> notes, double met, double due) {
  FigureSet set;
  set.figures[Metric::Caseload] = {caseload, caseload, caseload};
  set.figures[Metric::NotesOnTime] = {notes, met, due};
  set.figures[Metric::CostPerCase] = {std::nullopt, 0, 0};
  return set;
}

inline ReportDocument sample_document() {
  ReportDocument document;
  document.definition = &sample_definition();
  document.organization_name = "Riverside Care Partners";
  document.scope_label = "Whole organization";
  document.result.period = *parse_report_period("2026-10", "period");
  document.result.total = figures(12, 27.0 / 29.0 * 100, 27, 29);
  document.result.total.figures[Metric::Discharges] = {5, 5, 5};
  document.result.by_case_manager["us-sofia"] = figures(7, 6.0 / 7.0 * 100, 6, 7);
  document.result.by_case_manager["us-lily"] = figures(5, 100, 5, 5);
  document.result.by_case_manager[""] = figures(0, std::nullopt, 0, 0);
  document.result.discharges_by_destination = {{"home", 4}, {"assisted_living", 1}};
  document.staff_names = {{"us-sofia", "Sofia Alvarez"}, {"us-lily", "Lily \"Lil\" Chen, RN"}};
  store::ReportCase named;
  named.metric = Metric::NotesOnTime;
  named.case_id = "cs_named";
  named.client_id = "cl_named";
  named.client_name = "Doe, Jane";
  named.program_name = "Care Transitions";
  named.case_manager_id = "us-sofia";
  named.case_manager_name = "Sofia Alvarez";
  named.value = 2;
  named.weight = 3;
  named.detail = "note signed 30.5 h after the visit";
  store::ReportCase withheld = named;
  withheld.case_id = "cs_withheld";
  withheld.client_name.clear();
  withheld.withheld = true;
  document.cases.cases = {named, withheld};
  document.cases.not_listed = 1;
  document.generated_by = "Dana Whitfield (director)";
  document.generated_at = *parse_timestamp("2026-11-02T14:03:00Z");
  return document;
}

}  // namespace caseboard::report::testing
