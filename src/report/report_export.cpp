#include "report/report_export.hpp"

namespace caseboard::report {

std::optional<ReportFormat> parse_report_format(std::string_view name) {
  if (name == "csv") return ReportFormat::Csv;
  if (name == "xlsx") return ReportFormat::Xlsx;
  if (name == "pdf") return ReportFormat::Pdf;
  return std::nullopt;
}

std::string_view report_format_name(ReportFormat format) {
  switch (format) {
    case ReportFormat::Csv: return "csv";
    case ReportFormat::Xlsx: return "xlsx";
    case ReportFormat::Pdf: return "pdf";
  }
  return "csv";
}

std::string_view report_content_type(ReportFormat format) {
  switch (format) {
    case ReportFormat::Csv: return "text/csv; charset=utf-8";
    case ReportFormat::Xlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    case ReportFormat::Pdf: return "application/pdf";
  }
  return "application/octet-stream";
}

std::string report_file_name(const ReportDocument& document, ReportFormat format) {
  std::string name = "caseboard-" + std::string(document.definition->name) + "-" + document.result.period.label;
  for (auto& c : name) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!safe) c = '-';  // "2026-10-01..2026-10-15" -> "2026-10-01--2026-10-15"
  }
  return name + "." + std::string(report_format_name(format));
}

Result<std::string> write_report(const ReportDocument& document, ReportFormat format) {
  switch (format) {
    case ReportFormat::Csv: return write_report_csv(document);
    case ReportFormat::Xlsx: return write_report_xlsx(document);
    case ReportFormat::Pdf: return write_report_pdf(document);
  }
  return fail(internal_error("unknown report format"));
}

}  // namespace caseboard::report
