// A report document as a file: CSV (RFC 4180), Excel .xlsx (libxlsxwriter) or PDF (libharu). Each
// writer returns the file's bytes.
//
// - CSV: one table. A header row (`case_manager` then the report's metric names), a `Total` row,
//   then one row per case manager by name; an empty cell where a figure has no value. Lines end in
//   CRLF; fields holding a comma, a quote or a line break are quoted (libcsv); a text field that a
//   spreadsheet would run as a formula (= + - @ first) is prefixed with an apostrophe.
// - XLSX: sheets `Figures` (the report's heading with its dates as dates, then metric, label, unit,
//   value, numerator, denominator), `By case manager`, `Discharges` (destination, count) and `Cases`
//   (the drill-down rows). Numbers are numeric cells, never text.
// - PDF: a printable US Letter report: heading, a bar chart, the figures, discharges by destination
//   and the case-manager tables, paginated, each page footed with "Page n of N".
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "report/report_document.hpp"

namespace caseboard::report {

enum class ReportFormat { Csv, Xlsx, Pdf };

std::optional<ReportFormat> parse_report_format(std::string_view name);  // "csv", "xlsx", "pdf"
std::string_view report_format_name(ReportFormat format);
std::string_view report_content_type(ReportFormat format);
// "caseboard-monthly-2026-10.xlsx": letters, digits, '-' and '.' only (safe in Content-Disposition).
std::string report_file_name(const ReportDocument& document, ReportFormat format);

std::string write_report_csv(const ReportDocument& document);
// Internal when libxlsxwriter or its temporary file fails.
[[nodiscard]] Result<std::string> write_report_xlsx(const ReportDocument& document);
// Internal when libharu fails.
[[nodiscard]] Result<std::string> write_report_pdf(const ReportDocument& document);

[[nodiscard]] Result<std::string> write_report(const ReportDocument& document, ReportFormat format);

}  // namespace caseboard::report
