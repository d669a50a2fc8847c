// The report as an Excel workbook (libxlsxwriter): one sheet per table, numbers as numeric cells,
// dates as dates. libxlsxwriter 1.1 writes only to a file: it goes to a private temporary folder
// (mode 0700, as client names may be in it) that is removed before returning.
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

#include "core/text.hpp"
#include "report/report_export.hpp"

namespace caseboard::report {
namespace {

// What libxlsxwriter may safely put in XML: valid UTF-8 without control characters (tab and line
// break kept). Anything else becomes '?'.
std::string clean_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const bool valid = is_valid_utf8(text);
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\t' && c != '\n') || byte == 0x7F) continue;
    out.push_back(!valid && byte >= 0x80 ? '?' : c);
  }
  return out;
}

lxw_datetime excel_date(std::chrono::year_month_day day) {
  return {static_cast<int>(day.year()),
          static_cast<int>(static_cast<unsigned>(day.month())),
          static_cast<int>(static_cast<unsigned>(day.day())),
          0,
          0,
          0};
}

lxw_datetime excel_time(Timestamp time) {
  const auto days = std::chrono::floor<std::chrono::days>(time);
  const std::chrono::hh_mm_ss clock{time - days};
  auto value = excel_date(std::chrono::year_month_day{days});
  value.hour = static_cast<int>(clock.hours().count());
  value.min = static_cast<int>(clock.minutes().count());
  value.sec = static_cast<double>(clock.seconds().count());
  return value;
}

// A private folder for the workbook and libxlsxwriter's own temporary files; removed with its
// contents when this goes out of scope.
class TemporaryFolder {
 public:
  TemporaryFolder() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/caseboard-xlsx-XXXXXX";
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TemporaryFolder() {
    if (path_.empty()) return;
    for (const auto& file : files_) unlink(file.c_str());
    rmdir(path_.c_str());
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;

  const std::string& path() const { return path_; }
  std::string file(const std::string& name) {
    files_.push_back(path_ + "/" + name);
    return files_.back();
  }

 private:
  std::string path_;
  std::vector<std::string> files_;
};

struct Formats {
  lxw_format* title = nullptr;
  lxw_format* key = nullptr;
  lxw_format* header = nullptr;
  lxw_format* bold = nullptr;
  lxw_format* date = nullptr;
  lxw_format* date_time = nullptr;
  lxw_format* count = nullptr;    // #,##0
  lxw_format* decimal = nullptr;  // 0.0
  lxw_format* two_decimals = nullptr;
  lxw_format* dollars = nullptr;
};

Formats make_formats(lxw_workbook* workbook) {
  Formats formats;
  formats.title = workbook_add_format(workbook);
  format_set_bold(formats.title);
  format_set_font_size(formats.title, 14);
  formats.key = workbook_add_format(workbook);
  format_set_bold(formats.key);
  format_set_font_color(formats.key, 0x44546A);
  formats.header = workbook_add_format(workbook);
  format_set_bold(formats.header);
  format_set_bg_color(formats.header, 0xDDE6F0);
  format_set_bottom(formats.header, LXW_BORDER_THIN);
  format_set_text_wrap(formats.header);
  format_set_align(formats.header, LXW_ALIGN_VERTICAL_TOP);
  formats.bold = workbook_add_format(workbook);
  format_set_bold(formats.bold);
  formats.date = workbook_add_format(workbook);
  format_set_num_format(formats.date, "yyyy-mm-dd");
  format_set_align(formats.date, LXW_ALIGN_LEFT);
  formats.date_time = workbook_add_format(workbook);
  format_set_num_format(formats.date_time, "yyyy-mm-dd hh:mm");
  format_set_align(formats.date_time, LXW_ALIGN_LEFT);
  formats.count = workbook_add_format(workbook);
  format_set_num_format(formats.count, "#,##0");
  formats.decimal = workbook_add_format(workbook);
  format_set_num_format(formats.decimal, "#,##0.0");
  formats.two_decimals = workbook_add_format(workbook);
  format_set_num_format(formats.two_decimals, "#,##0.00");
  formats.dollars = workbook_add_format(workbook);
  format_set_num_format(formats.dollars, "$#,##0.00");
  return formats;
}

// How a metric's value is shown (the cell stays a plain number).
lxw_format* value_format(const Formats& formats, const MetricInfo& info) {
  if (info.unit == "dollars") return formats.dollars;
  if (info.kind == MetricKind::Count) return formats.count;
  if (info.unit == "1-5" || info.kind == MetricKind::PerCase) return formats.two_decimals;
  return formats.decimal;
}

// One worksheet, remembering the first error of any write.
class Sheet {
 public:
  Sheet(lxw_workbook* workbook, const char* name, lxw_error& error)
      : sheet_(workbook_add_worksheet(workbook, name)), error_(error) {
    if (sheet_ == nullptr && error_ == LXW_NO_ERROR) error_ = LXW_ERROR_MEMORY_MALLOC_FAILED;
  }
  bool ok() const { return sheet_ != nullptr; }
  lxw_worksheet* get() const { return sheet_; }

  void text(lxw_row_t row, lxw_col_t column, std::string_view value, lxw_format* format = nullptr) {
    if (value.empty()) return;
    check(worksheet_write_string(sheet_, row, column, clean_text(value).c_str(), format));
  }
  void number(lxw_row_t row, lxw_col_t column, double value, lxw_format* format = nullptr) {
    if (!std::isfinite(value)) return;  // an empty cell rather than a broken file
    check(worksheet_write_number(sheet_, row, column, value, format));
  }
  void date(lxw_row_t row, lxw_col_t column, lxw_datetime value, lxw_format* format) {
    check(worksheet_write_datetime(sheet_, row, column, &value, format));
  }
  void width(lxw_col_t first, lxw_col_t last, double characters) {
    check(worksheet_set_column(sheet_, first, last, characters, nullptr));
  }
  void header_row(lxw_row_t row, const std::vector<std::string>& titles, lxw_format* format) {
    for (std::size_t i = 0; i < titles.size(); ++i) text(row, static_cast<lxw_col_t>(i), titles[i], format);
  }
  void table_filter(lxw_row_t header, lxw_row_t last, std::size_t columns) {
    check(worksheet_autofilter(sheet_, header, 0, std::max(header, last), static_cast<lxw_col_t>(columns - 1)));
  }

 private:
  void check(lxw_error result) {
    if (result != LXW_NO_ERROR && error_ == LXW_NO_ERROR) error_ = result;
  }
  lxw_worksheet* sheet_;
  lxw_error& error_;
};

std::string metric_heading(const MetricInfo& info) {
  return std::string(info.label) + " (" + std::string(info.unit) + ")";
}

void write_figures(Sheet& sheet, const ReportDocument& document, const Formats& formats) {
  const auto& period = document.result.period;
  sheet.text(0, 0, std::string(document.definition->label), formats.title);
  lxw_row_t row = 1;
  auto heading = [&](std::string_view key) { sheet.text(row, 0, key, formats.key); };
  heading("Organization");
  sheet.text(row++, 1, document.organization_name);
  heading("Scope");
  sheet.text(row++, 1, document.scope_label);
  heading("Period");
  sheet.text(row++, 1, period.label + " (" + std::string(period_kind_name(period.kind)) + ")");
  heading("First day");
  sheet.date(row++, 1, excel_date(period_first_day(period)), formats.date);
  heading("Last day");
  sheet.date(row++, 1, excel_date(period_last_day(period)), formats.date);
  heading("Generated by");
  sheet.text(row++, 1, document.generated_by);
  heading("Generated at (UTC)");
  sheet.date(row++, 1, excel_time(document.generated_at), formats.date_time);
  heading("Cases not listed (consent)");
  sheet.number(row++, 1, static_cast<double>(document.cases.not_listed), formats.count);

  const lxw_row_t header = row + 1;
  sheet.header_row(header, {"Metric", "Label", "Unit", "Value", "Numerator", "Denominator"}, formats.header);
  row = header + 1;
  for (auto metric : document.definition->metrics) {
    const auto& info = metric_info(metric);
    sheet.text(row, 0, info.name);
    sheet.text(row, 1, info.label);
    sheet.text(row, 2, info.unit);
    auto found = document.result.total.figures.find(metric);
    if (found != document.result.total.figures.end()) {
      if (const auto* figure = figure_with_value(document.result.total, metric)) {
        sheet.number(row, 3, *figure->value, value_format(formats, info));
      }
      sheet.number(row, 4, found->second.numerator);
      sheet.number(row, 5, found->second.denominator);
    }
    ++row;
  }
  sheet.table_filter(header, row - 1, 6);
  sheet.width(0, 0, 28);
  sheet.width(1, 1, 44);
  sheet.width(2, 2, 11);
  sheet.width(3, 5, 13);
}

void write_by_case_manager(Sheet& sheet, const ReportDocument& document, const Formats& formats) {
  const auto& metrics = document.definition->metrics;
  std::vector<std::string> titles{"Case manager", "User id"};
  for (auto metric : metrics) titles.push_back(metric_heading(metric_info(metric)));
  sheet.header_row(0, titles, formats.header);
  auto write_figures_row = [&](lxw_row_t row, const FigureSet& figures) {
    for (std::size_t i = 0; i < metrics.size(); ++i) {
      if (const auto* figure = figure_with_value(figures, metrics[i])) {
        sheet.number(row, static_cast<lxw_col_t>(i + 2), *figure->value,
                     value_format(formats, metric_info(metrics[i])));
      }
    }
  };
  sheet.text(1, 0, "Total", formats.bold);
  write_figures_row(1, document.result.total);
  lxw_row_t row = 2;
  for (const auto& manager : case_manager_rows(document)) {
    sheet.text(row, 0, manager.name);
    sheet.text(row, 1, manager.user_id);
    write_figures_row(row, *manager.figures);
    ++row;
  }
  sheet.table_filter(0, row - 1, titles.size());
  worksheet_freeze_panes(sheet.get(), 1, 1);
  worksheet_set_row(sheet.get(), 0, 45, nullptr);
  sheet.width(0, 0, 26);
  sheet.width(1, 1, 14);
  sheet.width(2, static_cast<lxw_col_t>(titles.size() - 1), 16);
}

void write_discharges(Sheet& sheet, const ReportDocument& document, const Formats& formats) {
  sheet.header_row(0, {"Destination", "Discharges"}, formats.header);
  std::vector<std::pair<std::string, double>> destinations(document.result.discharges_by_destination.begin(),
                                                           document.result.discharges_by_destination.end());
  std::stable_sort(destinations.begin(), destinations.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  lxw_row_t row = 1;
  for (const auto& [destination, count] : destinations) {
    sheet.text(row, 0, destination);
    sheet.number(row, 1, count, formats.count);
    ++row;
  }
  sheet.table_filter(0, row - 1, 2);
  worksheet_freeze_panes(sheet.get(), 1, 0);
  sheet.width(0, 0, 28);
  sheet.width(1, 1, 12);
}

void write_cases(Sheet& sheet, const ReportDocument& document, const Formats& formats) {
  sheet.header_row(
      0, {"Metric", "Case id", "Referral id", "Client", "Program", "Case manager", "Value", "Weight", "Detail"},
      formats.header);
  lxw_row_t row = 1;
  for (const auto& item : document.cases.cases) {
    const auto& info = metric_info(item.metric);
    sheet.text(row, 0, info.name);
    sheet.text(row, 1, item.case_id);
    sheet.text(row, 2, item.referral_id);
    sheet.text(row, 3, item.withheld ? std::string("withheld") : item.client_name);
    sheet.text(row, 4, item.program_name.empty() ? item.program_id : item.program_name);
    sheet.text(row, 5,
               !item.case_manager_name.empty() ? item.case_manager_name
               : item.case_manager_id.empty()  ? std::string("Unassigned")
                                               : item.case_manager_id);
    sheet.number(row, 6, item.value, value_format(formats, info));
    sheet.number(row, 7, item.weight);
    sheet.text(row, 8, item.detail);
    ++row;
  }
  sheet.table_filter(0, row - 1, 9);
  worksheet_freeze_panes(sheet.get(), 1, 0);
  sheet.width(0, 0, 26);
  sheet.width(1, 2, 30);
  sheet.width(3, 5, 24);
  sheet.width(6, 7, 10);
  sheet.width(8, 8, 40);
}

}  // namespace

Result<std::string> write_report_xlsx(const ReportDocument& document) {
  TemporaryFolder folder;
  if (folder.path().empty())
    return fail(internal_error(std::string("xlsx: no temporary folder: ") + std::strerror(errno)));
  const std::string path = folder.file("report.xlsx");
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  options.tmpdir = const_cast<char*>(folder.path().c_str());  // libxlsxwriter only reads it
  options.use_zip64 = LXW_FALSE;                              // a report is far below 4 GB; plain zip opens everywhere
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  if (workbook == nullptr) return fail(internal_error("xlsx: cannot create the workbook"));

  std::string title = std::string(document.definition->label) + " " + document.result.period.label;
  std::string author = clean_text(document.generated_by);
  std::string company = clean_text(document.organization_name);
  lxw_doc_properties properties{};
  properties.title = title.data();
  properties.author = author.data();
  properties.company = company.data();
  properties.created = static_cast<time_t>(document.generated_at.time_since_epoch().count());
  lxw_error error = workbook_set_properties(workbook, &properties);

  const auto formats = make_formats(workbook);
  Sheet figures(workbook, "Figures", error);
  Sheet by_case_manager(workbook, "By case manager", error);
  Sheet discharges(workbook, "Discharges", error);
  Sheet cases(workbook, "Cases", error);
  if (figures.ok() && by_case_manager.ok() && discharges.ok() && cases.ok()) {
    write_figures(figures, document, formats);
    write_by_case_manager(by_case_manager, document, formats);
    write_discharges(discharges, document, formats);
    write_cases(cases, document, formats);
  }
  const lxw_error closed = workbook_close(workbook);  // frees the workbook whatever happens
  if (error == LXW_NO_ERROR) error = closed;
  if (error != LXW_NO_ERROR) return fail(internal_error(std::string("xlsx: ") + lxw_strerror(error)));

  std::ifstream file(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  if (!file) return fail(internal_error("xlsx: cannot read the written workbook back"));
  return bytes.str();
}

}  // namespace caseboard::report
