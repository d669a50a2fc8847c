// The report as one CSV table (RFC 4180): quoting by libcsv, only where a field needs it.
#include <csv.h>

#include "report/report_export.hpp"

namespace caseboard::report {
namespace {

// A text field as RFC 4180 wants it: quoted (libcsv doubles the quotes inside) when it holds a
// comma, a quote or a line break. A leading = + - @ (or tab, carriage return) would make a
// spreadsheet run the cell as a formula: an apostrophe before it keeps it text.
std::string text_field(std::string value) {
  if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos) {
    value.insert(value.begin(), '\'');
  }
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted(value.size() * 2 + 2, '\0');
  quoted.resize(csv_write(quoted.data(), quoted.size(), value.data(), value.size()));
  return quoted;
}

void append_row(std::string& out, const std::string& first, const FigureSet& figures,
                const ReportDefinition& definition) {
  out += text_field(first);
  for (auto metric : definition.metrics) {
    out += ',';
    if (const auto* figure = figure_with_value(figures, metric)) out += plain_number(*figure->value);
  }
  out += "\r\n";
}

}  // namespace

std::string write_report_csv(const ReportDocument& document) {
  const auto& definition = *document.definition;
  std::string out = "case_manager";
  for (auto metric : definition.metrics) {
    out += ',';
    out += metric_info(metric).name;
  }
  out += "\r\n";
  append_row(out, "Total", document.result.total, definition);
  for (const auto& row : case_manager_rows(document)) append_row(out, row.name, *row.figures, definition);
  return out;
}

}  // namespace caseboard::report
