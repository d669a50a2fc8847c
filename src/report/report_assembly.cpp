#include "report/report_assembly.hpp"

namespace caseboard::report {

Result<ReportDocument> assemble_report(store::Store& store, const Actor& reader, const ReportDefinition& definition,
                                       const store::ReportScope& scope, const ReportPeriod& period, ReportFormat format,
                                       Timestamp now) {
  CB_TRY_ASSIGN(result, store.report(reader, scope, period, now));
  // The drill-down rows go into the XLSX only, and that read records the export; the other formats
  // record it without reading the cases a second time.
  const std::string detail = "report=" + std::string(definition.name) +
                             " format=" + std::string(report_format_name(format)) + " period=" + period.label;
  store::ReportCases cases;
  if (format == ReportFormat::Xlsx) {
    CB_TRY_ASSIGN(rows, store.report_cases(reader, scope, period, export_drill_down_filters(definition),
                                           kExportCasesPerMetric, now, "report.export", detail));
    cases = std::move(rows);
  } else {
    CB_TRY(store.record_event(reader, {"report.export", "report", {}, {}, "success", detail}, now));
  }
  CB_TRY_ASSIGN(staff, store.staff_names(reader));
  std::map<std::string, std::string> programs;
  CB_TRY_ASSIGN(listed, store.list_programs(reader));
  for (const auto& program : listed) programs[program.id] = program.fields.name;
  std::string organization_name;
  CB_TRY_ASSIGN(organizations, store.list_organizations());
  for (const auto& organization : organizations) {
    if (organization.id == reader.organization_id) organization_name = organization.name;
  }
  ReportDocument document;
  document.definition = &definition;
  document.organization_name = std::move(organization_name);
  document.scope_label = describe_report_scope(scope, reader, programs, staff);
  document.result = std::move(result);
  const auto name = staff.find(reader.user_id);
  document.generated_by =
      (name == staff.end() ? reader.user_id : name->second) + " (" + std::string(role_name(reader.role)) + ")";
  document.staff_names = std::move(staff);
  document.cases = std::move(cases);
  document.generated_at = now;
  return document;
}

}  // namespace caseboard::report
