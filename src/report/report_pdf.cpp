// The report as a printable PDF (libharu): US Letter portrait, the built-in Helvetica family (so
// text is WinAnsi, see win_ansi.hpp). Page 1 opens with the heading and a bar chart; the figures,
// discharges by destination and the case-manager tables follow, paginated with their headers
// repeated; every page is footed with the report, "Confidential" and "Page n of N".
#include <hpdf.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <optional>

#include "report/report_export.hpp"
#include "report/win_ansi.hpp"

namespace caseboard::report {
namespace {

struct Color {
  float r, g, b;
};
constexpr Color kInk{0.122F, 0.161F, 0.200F};     // #1F2933
constexpr Color kMuted{0.322F, 0.376F, 0.427F};   // #52606D
constexpr Color kRule{0.796F, 0.824F, 0.851F};    // #CBD2D9
constexpr Color kZebra{0.961F, 0.969F, 0.980F};   // #F5F7FA
constexpr Color kHeader{0.894F, 0.922F, 0.953F};  // #E4EBF3
constexpr Color kTrack{0.914F, 0.929F, 0.949F};   // #E9EDF2
constexpr Color kAccent{0.184F, 0.427F, 0.710F};  // #2F6DB5: higher is better
constexpr Color kWarm{0.851F, 0.510F, 0.169F};    // #D9822B: lower is better

constexpr float kPageWidth = 612;  // US Letter, points
constexpr float kPageHeight = 792;
constexpr float kLeft = 54;
constexpr float kRight = kPageWidth - 54;
constexpr float kWidth = kRight - kLeft;
constexpr float kTop = kPageHeight - 54;
constexpr float kBottom = 64;  // the footer sits below
constexpr float kRowHeight = 15;
constexpr std::size_t kMetricsPerTable = 6;  // case-manager tables: name and six metrics across

enum class Face { Regular, Bold, Italic };
enum class Align { Left, Right, Center };

// libharu reports errors through a callback; the first one (other than the end of its own output
// stream, which reading it back reaches by design) is kept and fails the export.
struct ErrorState {
  HPDF_STATUS error = HPDF_OK;
  HPDF_STATUS detail = HPDF_OK;
};
void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* data) {
  auto* state = static_cast<ErrorState*>(data);
  if (error == HPDF_STREAM_EOF || state->error != HPDF_OK) return;
  state->error = error;
  state->detail = detail;
}

std::string grouped(std::string digits) {
  const bool negative = !digits.empty() && digits.front() == '-';
  const auto point = digits.find('.');
  std::size_t end = point == std::string::npos ? digits.size() : point;
  for (std::size_t start = negative ? 1 : 0; end > start + 3;) {
    end -= 3;
    digits.insert(digits.begin() + std::ptrdiff_t(end),
                  ',');  // not insert(pos, ","): GCC 12 -O2 -Wrestrict false positive
  }
  return digits;
}

std::string money(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return "$" + grouped(buffer);
}

// A figure's value as read on paper: "93.1%", "$1,234.56", "41.5 h", "57 cases", "4.25 / 5".
std::string value_text(const MetricInfo& info, double value, bool compact) {
  if (info.unit == "%") return plain_number(value, 1) + "%";
  if (info.unit == "dollars") return compact ? "$" + grouped(plain_number(value, 0)) : money(value);
  const int decimals = info.kind == MetricKind::Count ? 0 : (info.unit == "1-5" ? 2 : 1);
  const std::string number = grouped(plain_number(value, decimals));
  if (compact) return number;
  if (info.unit == "hours") return number + " h";
  if (info.unit == "1-5") return number + " / 5";
  std::string unit(info.unit);
  if (number == "1" && unit.size() > 1 && unit.back() == 's') unit.pop_back();  // "1 case", "1 discharge"
  return number + " " + unit;
}

std::string basis_text(const MetricInfo& info, const Figure& figure) {
  if (info.kind == MetricKind::Rate) {
    return grouped(plain_number(figure.numerator, 1)) + " of " + grouped(plain_number(figure.denominator, 1));
  }
  if (info.kind == MetricKind::Count || figure.denominator <= 0) return {};
  return "n = " + grouped(plain_number(figure.denominator, 1));
}

std::string humanized(std::string code) {
  std::replace(code.begin(), code.end(), '_', ' ');
  if (!code.empty() && code.front() >= 'a' && code.front() <= 'z') code.front() = static_cast<char>(code.front() - 32);
  return code;
}

std::string date_text(std::chrono::year_month_day day) {
  return format_date(day);
}

std::string time_text(Timestamp time) {
  auto text = format_timestamp(time);  // YYYY-MM-DDTHH:MM:SSZ
  return text.substr(0, 10) + " " + text.substr(11, 5) + " UTC";
}

class PdfPages {
 public:
  PdfPages(HPDF_Doc pdf) : pdf_(pdf) {
    regular_ = HPDF_GetFont(pdf_, "Helvetica", "WinAnsiEncoding");
    bold_ = HPDF_GetFont(pdf_, "Helvetica-Bold", "WinAnsiEncoding");
    italic_ = HPDF_GetFont(pdf_, "Helvetica-Oblique", "WinAnsiEncoding");
  }

  void new_page() {
    page_ = HPDF_AddPage(pdf_);
    HPDF_Page_SetSize(page_, HPDF_PAGE_SIZE_LETTER, HPDF_PAGE_PORTRAIT);
    pages_.push_back(page_);
    y_ = kTop;
  }
  // Starts a new page unless `height` more fits on this one; true when it did.
  bool ensure(float height) {
    if (y_ - height >= kBottom) return false;
    new_page();
    return true;
  }
  float& y() { return y_; }
  const std::vector<HPDF_Page>& pages() const { return pages_; }

  HPDF_Font font(Face face) const { return face == Face::Bold ? bold_ : face == Face::Italic ? italic_ : regular_; }

  // Widths and text take WinAnsi bytes (to_win_ansi).
  float width(const std::string& text, Face face, float size) const {
    if (text.empty()) return 0;
    auto measured = HPDF_Font_TextWidth(font(face), reinterpret_cast<const HPDF_BYTE*>(text.data()),
                                        static_cast<HPDF_UINT>(text.size()));
    return static_cast<float>(measured.width) * size / 1000.0F;
  }

  // The text cut to `max_width`, ending in an ellipsis when cut.
  std::string fit(std::string text, Face face, float size, float max_width) const {
    if (width(text, face, size) <= max_width) return text;
    while (!text.empty() && width(text + "\x85", face, size) > max_width) text.pop_back();
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text + "\x85";
  }

  // Words wrapped into lines of at most `max_width`, breaking at spaces and after hyphens (a word
  // longer than a line is cut).
  std::vector<std::string> wrap(const std::string& text, Face face, float size, float max_width) const {
    struct Piece {
      std::string text;
      bool after_space = false;  // false: continues the word before it ("Acuity-" + "weighted")
    };
    std::vector<Piece> pieces;
    bool after_space = false;
    std::string current;
    for (char c : text) {
      if (c == ' ') {
        if (!current.empty()) pieces.push_back({std::move(current), after_space});
        current.clear();
        after_space = true;
        continue;
      }
      current.push_back(c);
      if (c == '-' && current.size() > 1) {
        pieces.push_back({std::move(current), after_space});
        current.clear();
        after_space = false;
      }
    }
    if (!current.empty()) pieces.push_back({std::move(current), after_space});
    std::vector<std::string> lines;
    std::string line;
    for (auto& piece : pieces) {
      std::string candidate = line.empty() ? piece.text : line + (piece.after_space ? " " : "") + piece.text;
      if (line.empty() || width(candidate, face, size) <= max_width) {
        line = std::move(candidate);
      } else {
        lines.push_back(fit(line, face, size, max_width));
        line = std::move(piece.text);
      }
    }
    if (!line.empty()) lines.push_back(fit(line, face, size, max_width));
    return lines;
  }

  void text(float x, float baseline, const std::string& value, Face face, float size, Color color,
            Align align = Align::Left) const {
    if (value.empty()) return;
    if (align == Align::Right) x -= width(value, face, size);
    if (align == Align::Center) x -= width(value, face, size) / 2;
    HPDF_Page_BeginText(page_);
    HPDF_Page_SetFontAndSize(page_, font(face), size);
    HPDF_Page_SetRGBFill(page_, color.r, color.g, color.b);
    HPDF_Page_TextOut(page_, x, baseline, value.c_str());
    HPDF_Page_EndText(page_);
  }

  void rectangle(float x, float bottom, float w, float h, Color color) const {
    HPDF_Page_SetRGBFill(page_, color.r, color.g, color.b);
    HPDF_Page_Rectangle(page_, x, bottom, w, h);
    HPDF_Page_Fill(page_);
  }

  void line(float x1, float y1, float x2, float y2, Color color, float line_width) const {
    line_on(page_, x1, y1, x2, y2, color, line_width);
  }
  static void line_on(HPDF_Page page, float x1, float y1, float x2, float y2, Color color, float line_width) {
    HPDF_Page_SetRGBStroke(page, color.r, color.g, color.b);
    HPDF_Page_SetLineWidth(page, line_width);
    HPDF_Page_MoveTo(page, x1, y1);
    HPDF_Page_LineTo(page, x2, y2);
    HPDF_Page_Stroke(page);
  }

  // A section title with a rule under it.
  void section(const std::string& title, const std::string& note = {}) {
    ensure(48);
    y_ -= 26;
    text(kLeft, y_, title, Face::Bold, 12.5F, kInk);
    if (!note.empty()) text(kRight, y_, note, Face::Regular, 8, kMuted, Align::Right);
    y_ -= 6;
    line(kLeft, y_, kRight, y_, kRule, 0.75F);
    y_ -= 4;
  }

  void draw_on(HPDF_Page page, const std::function<void()>& draw) {
    std::swap(page, page_);
    draw();
    std::swap(page, page_);
  }

 private:
  HPDF_Doc pdf_;
  HPDF_Font regular_ = nullptr;
  HPDF_Font bold_ = nullptr;
  HPDF_Font italic_ = nullptr;
  HPDF_Page page_ = nullptr;
  std::vector<HPDF_Page> pages_;
  float y_ = kTop;
};

void draw_heading(PdfPages& pdf, const ReportDocument& document) {
  auto& y = pdf.y();
  pdf.rectangle(kLeft, y + 8, 36, 3, kAccent);
  pdf.text(kLeft, y - 6, "CASEBOARD", Face::Bold, 8, kAccent);
  pdf.text(kRight, y - 6, pdf.fit(to_win_ansi(document.organization_name), Face::Regular, 8, 300), Face::Regular, 8,
           kMuted, Align::Right);
  y -= 36;
  pdf.text(kLeft, y, pdf.fit(to_win_ansi(document.definition->label), Face::Bold, 22, kWidth), Face::Bold, 22, kInk);
  y -= 20;
  pdf.text(kLeft, y, pdf.fit(to_win_ansi(document.organization_name), Face::Regular, 12, kWidth), Face::Regular, 12,
           kMuted);
  y -= 24;

  const auto& period = document.result.period;
  const std::pair<std::string, std::string> facts[] = {
      {"Scope", to_win_ansi(document.scope_label)},
      {"Period", to_win_ansi(period.label) + "  \x97  " + date_text(period_first_day(period)) + " to " +
                     date_text(period_last_day(period))},
      {"Generated", time_text(document.generated_at) + " by " + to_win_ansi(document.generated_by)},
  };
  for (const auto& [key, value] : facts) {
    pdf.text(kLeft, y, key, Face::Bold, 9, kMuted);
    pdf.text(kLeft + 64, y, pdf.fit(value, Face::Regular, 9, kWidth - 64), Face::Regular, 9, kInk);
    y -= 13;
  }
}

struct Bar {
  std::string label;  // WinAnsi
  std::optional<double> value;
  std::string value_label;  // WinAnsi
  bool lower_is_better = false;
};

// Horizontal bars from 0 to `scale`, with gridlines at each quarter.
void draw_bar_chart(PdfPages& pdf, const std::vector<Bar>& bars, double scale, bool percent) {
  const float label_width = 196;
  const float value_width = 62;
  const float track_left = kLeft + label_width + 8;
  const float track_width = kWidth - label_width - 8 - value_width;
  const float row = 17;
  const float bar_height = 9;
  auto& y = pdf.y();
  pdf.ensure(row * static_cast<float>(bars.size()) + 30);

  const bool any_lower = std::any_of(bars.begin(), bars.end(), [](const Bar& bar) { return bar.lower_is_better; });
  y -= 6;
  if (any_lower) {
    // The legend: which colour reads which way.
    float x = kRight;
    const std::pair<std::string, Color> keys[] = {{"Lower is better", kWarm}, {"Higher is better", kAccent}};
    for (const auto& [key, color] : keys) {
      x -= pdf.width(key, Face::Regular, 7.5F);
      pdf.text(x, y - 7, key, Face::Regular, 7.5F, kMuted);
      x -= 11;
      pdf.rectangle(x, y - 7, 8, 7, color);
      x -= 14;
    }
    y -= 14;
  }

  const float top = y;
  const float bottom = top - row * static_cast<float>(bars.size());
  for (int quarter = 0; quarter <= 4; ++quarter) {
    const float x = track_left + track_width * static_cast<float>(quarter) / 4;
    pdf.line(x, top, x, bottom - 2, quarter == 0 ? kMuted : kRule, quarter == 0 ? 0.75F : 0.5F);
    const double tick = scale * quarter / 4;
    pdf.text(x, bottom - 11, plain_number(tick, scale < 8 ? 1 : 0) + (percent ? "%" : ""), Face::Regular, 7, kMuted,
             Align::Center);
  }
  for (const auto& bar : bars) {
    const float baseline = y - row / 2 - 3;
    pdf.text(kLeft, baseline, pdf.fit(bar.label, Face::Regular, 8.5F, label_width), Face::Regular, 8.5F, kInk);
    const float bar_bottom = y - row / 2 - bar_height / 2;
    if (bar.value) {
      const double share = std::clamp(*bar.value / scale, 0.0, 1.0);
      const float length = std::max(track_width * static_cast<float>(share), 1.0F);
      pdf.rectangle(track_left, bar_bottom, length, bar_height, bar.lower_is_better ? kWarm : kAccent);
      pdf.text(kRight, baseline, bar.value_label, Face::Bold, 8.5F, kInk, Align::Right);
    } else {
      pdf.text(kRight, baseline, "no events", Face::Italic, 8, kMuted, Align::Right);
    }
    y -= row;
  }
  y -= 18;
}

void draw_chart(PdfPages& pdf, const ReportDocument& document) {
  std::vector<Bar> bars;
  for (auto metric : document.definition->metrics) {
    const auto& info = metric_info(metric);
    if (info.unit != "%") continue;
    const auto* figure = figure_with_value(document.result.total, metric);
    bars.push_back({to_win_ansi(info.label), figure ? std::optional(*figure->value) : std::nullopt,
                    figure ? value_text(info, *figure->value, false) : std::string(), !info.higher_is_better});
  }
  if (!bars.empty()) {
    pdf.section("At a glance", "Percentages for the period, 0 to 100%");
    draw_bar_chart(pdf, bars, 100, true);
    return;
  }
  // No percentages in this report: its first metric, by case manager.
  const auto& info = metric_info(document.definition->metrics.front());
  double largest = 0;
  for (const auto& manager : case_manager_rows(document)) {
    const auto* figure = figure_with_value(*manager.figures, info.metric);
    bars.push_back({to_win_ansi(manager.name), figure ? std::optional(*figure->value) : std::nullopt,
                    figure ? value_text(info, *figure->value, true) : std::string(),
                    false});  // a spread, not a verdict
    if (figure) largest = std::max(largest, *figure->value);
  }
  if (bars.empty()) return;
  // A round scale: 1, 2 or 5 times a power of ten, at least the largest bar.
  double scale = 1;
  if (largest > 0) {
    const double magnitude = std::pow(10.0, std::floor(std::log10(largest)));
    for (double step : {1.0, 2.0, 5.0, 10.0}) {
      scale = step * magnitude;
      if (scale >= largest) break;
    }
  }
  pdf.section(to_win_ansi(info.label) + " by case manager", to_win_ansi(std::string(info.unit)));
  draw_bar_chart(pdf, bars, scale, false);
}

// A table row's cells: text, alignment, face.
struct Cell {
  std::string text;  // WinAnsi
  Align align = Align::Left;
  Face face = Face::Regular;
  Color color = kInk;
};

struct Column {
  std::string title;  // WinAnsi; wrapped over up to three lines
  std::string note;   // WinAnsi; a muted line under the title (the unit)
  float width = 0;
  Align align = Align::Left;
};

// A table with its header repeated on each page it runs onto.
class Table {
 public:
  Table(PdfPages& pdf, std::string title, std::vector<Column> columns, float size = 8.5F)
      : pdf_(pdf), title_(std::move(title)), columns_(std::move(columns)), size_(size) {
    for (const auto& column : columns_) {
      header_lines_ = std::max(header_lines_, pdf_.wrap(column.title, Face::Bold, 7.5F, column.width - 8).size());
    }
    header_height_ =
        8 + 9 * static_cast<float>(header_lines_) +
        (std::any_of(columns_.begin(), columns_.end(), [](const Column& c) { return !c.note.empty(); }) ? 9 : 0);
  }

  void begin() {
    pdf_.section(title_);
    draw_header();
  }

  void row(const std::vector<Cell>& cells, bool emphasized = false) {
    if (pdf_.ensure(kRowHeight)) {
      pdf_.section(title_ + " (continued)");
      draw_header();
      rows_ = 0;
    }
    auto& y = pdf_.y();
    if (emphasized) {
      pdf_.rectangle(kLeft, y - kRowHeight, kWidth, kRowHeight, kHeader);
    } else if (rows_ % 2 == 1) {
      pdf_.rectangle(kLeft, y - kRowHeight, kWidth, kRowHeight, kZebra);
    }
    float x = kLeft;
    for (std::size_t i = 0; i < columns_.size() && i < cells.size(); ++i) {
      const auto& column = columns_[i];
      const auto& cell = cells[i];
      const Face face = emphasized ? Face::Bold : cell.face;
      const auto text = pdf_.fit(cell.text, face, size_, column.width - 8);
      const float baseline = y - kRowHeight + 4.5F;
      if (column.align == Align::Right) {
        pdf_.text(x + column.width - 4, baseline, text, face, size_, cell.color, Align::Right);
      } else {
        pdf_.text(x + 4, baseline, text, face, size_, cell.color);
      }
      x += column.width;
    }
    y -= kRowHeight;
    ++rows_;
  }

  void end() {
    pdf_.line(kLeft, pdf_.y(), kRight, pdf_.y(), kRule, 0.75F);
    pdf_.y() -= 4;
  }

  float height_of(std::size_t rows) const { return 48 + header_height_ + kRowHeight * static_cast<float>(rows); }

 private:
  void draw_header() {
    auto& y = pdf_.y();
    const float top = y;
    pdf_.rectangle(kLeft, top - header_height_, kWidth, header_height_, kHeader);
    float x = kLeft;
    for (const auto& column : columns_) {
      const auto lines = pdf_.wrap(column.title, Face::Bold, 7.5F, column.width - 8);
      float baseline = top - 11;
      for (const auto& line : lines) {
        if (column.align == Align::Right) {
          pdf_.text(x + column.width - 4, baseline, line, Face::Bold, 7.5F, kInk, Align::Right);
        } else {
          pdf_.text(x + 4, baseline, line, Face::Bold, 7.5F, kInk);
        }
        baseline -= 9;
      }
      if (!column.note.empty()) {
        const float note_baseline = top - 11 - 9 * static_cast<float>(header_lines_);
        const auto note = pdf_.fit(column.note, Face::Regular, 7, column.width - 8);
        if (column.align == Align::Right) {
          pdf_.text(x + column.width - 4, note_baseline, note, Face::Regular, 7, kMuted, Align::Right);
        } else {
          pdf_.text(x + 4, note_baseline, note, Face::Regular, 7, kMuted);
        }
      }
      x += column.width;
    }
    y = top - header_height_;
  }

  PdfPages& pdf_;
  std::string title_;
  std::vector<Column> columns_;
  float size_;
  std::size_t header_lines_ = 1;
  float header_height_ = 0;
  std::size_t rows_ = 0;
};

void draw_figures(PdfPages& pdf, const ReportDocument& document) {
  Table table(
      pdf, "Figures",
      {{"Measure", {}, 300, Align::Left}, {"Value", {}, 104, Align::Right}, {"Based on", {}, 100, Align::Right}});
  // Keep the table with its title when it would otherwise start at the foot of a page.
  if (pdf.y() - table.height_of(std::min<std::size_t>(document.definition->metrics.size(), 6)) < kBottom) {
    pdf.new_page();
  }
  table.begin();
  for (auto metric : document.definition->metrics) {
    const auto& info = metric_info(metric);
    const auto* figure = figure_with_value(document.result.total, metric);
    if (figure) {
      table.row({{to_win_ansi(info.label)},
                 {value_text(info, *figure->value, false), Align::Right, Face::Bold},
                 {basis_text(info, *figure), Align::Right, Face::Regular, kMuted}});
    } else {
      table.row({{to_win_ansi(info.label)}, {"no events", Align::Right, Face::Italic, kMuted}, {}});
    }
  }
  table.end();
}

void draw_discharges(PdfPages& pdf, const ReportDocument& document) {
  const auto& metrics = document.definition->metrics;
  const auto& destinations = document.result.discharges_by_destination;
  if (std::find(metrics.begin(), metrics.end(), Metric::Discharges) == metrics.end() || destinations.empty()) return;
  std::vector<std::pair<std::string, double>> sorted(destinations.begin(), destinations.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  double total = 0;
  for (const auto& entry : sorted) total += entry.second;
  Table table(
      pdf, "Discharges by destination",
      {{"Destination", {}, 300, Align::Left}, {"Discharges", {}, 104, Align::Right}, {"Share", {}, 100, Align::Right}});
  if (pdf.y() - table.height_of(std::min<std::size_t>(sorted.size(), 4)) < kBottom) pdf.new_page();
  table.begin();
  for (const auto& [destination, count] : sorted) {
    table.row({{to_win_ansi(humanized(destination))},
               {grouped(plain_number(count, 0)), Align::Right},
               {total > 0 ? plain_number(100 * count / total, 1) + "%" : std::string(), Align::Right, Face::Regular,
                kMuted}});
  }
  table.end();
}

void draw_case_managers(PdfPages& pdf, const ReportDocument& document) {
  const auto& metrics = document.definition->metrics;
  const auto managers = case_manager_rows(document);
  const std::size_t groups = (metrics.size() + kMetricsPerTable - 1) / kMetricsPerTable;
  for (std::size_t group = 0; group < groups; ++group) {
    const std::size_t first = group * kMetricsPerTable;
    const std::size_t last = std::min(metrics.size(), first + kMetricsPerTable);
    const float name_width = 132;
    const float metric_width = (kWidth - name_width) / static_cast<float>(kMetricsPerTable);
    std::vector<Column> columns{{"Case manager", {}, name_width, Align::Left}};
    for (std::size_t i = first; i < last; ++i) {
      const auto& info = metric_info(metrics[i]);
      columns.push_back({to_win_ansi(info.label), to_win_ansi(info.unit), metric_width, Align::Right});
    }
    std::string title = "By case manager";
    if (groups > 1) title += " (" + std::to_string(group + 1) + " of " + std::to_string(groups) + ")";
    Table table(pdf, title, std::move(columns));
    if (pdf.y() - table.height_of(std::min<std::size_t>(managers.size() + 1, 5)) < kBottom) pdf.new_page();
    table.begin();
    auto cells_of = [&](const std::string& name, const FigureSet& figures) {
      std::vector<Cell> cells{{to_win_ansi(name)}};
      for (std::size_t i = first; i < last; ++i) {
        const auto& info = metric_info(metrics[i]);
        if (const auto* figure = figure_with_value(figures, metrics[i])) {
          cells.push_back({value_text(info, *figure->value, true), Align::Right});
        } else {
          cells.push_back({"\x96", Align::Right, Face::Regular, kMuted});
        }
      }
      return cells;
    };
    table.row(cells_of("Total", document.result.total), true);
    for (const auto& manager : managers) table.row(cells_of(manager.name, *manager.figures));
    table.end();
  }
}

void draw_footers(PdfPages& pdf, const ReportDocument& document) {
  const auto& pages = pdf.pages();
  const std::string left =
      pdf.fit(to_win_ansi(document.organization_name) + "  \xB7  " + to_win_ansi(document.definition->label) +
                  "  \xB7  " + to_win_ansi(document.result.period.label),
              Face::Regular, 7.5F, 210);
  for (std::size_t i = 0; i < pages.size(); ++i) {
    pdf.draw_on(pages[i], [&] {
      pdf.line(kLeft, 46, kRight, 46, kRule, 0.5F);
      pdf.text(kLeft, 34, left, Face::Regular, 7.5F, kMuted);
      pdf.text(kLeft + kWidth / 2, 34, "Confidential", Face::Bold, 7.5F, kMuted, Align::Center);
      pdf.text(kRight, 34, "Page " + std::to_string(i + 1) + " of " + std::to_string(pages.size()), Face::Regular, 7.5F,
               kMuted, Align::Right);
    });
  }
}

HPDF_Date pdf_date(Timestamp time) {
  const auto days = std::chrono::floor<std::chrono::days>(time);
  const std::chrono::year_month_day day{days};
  const std::chrono::hh_mm_ss clock{time - days};
  return {static_cast<HPDF_INT>(static_cast<int>(day.year())),
          static_cast<HPDF_INT>(static_cast<unsigned>(day.month())),
          static_cast<HPDF_INT>(static_cast<unsigned>(day.day())),
          static_cast<HPDF_INT>(clock.hours().count()),
          static_cast<HPDF_INT>(clock.minutes().count()),
          static_cast<HPDF_INT>(clock.seconds().count()),
          'Z',
          0,
          0};
}

}  // namespace

Result<std::string> write_report_pdf(const ReportDocument& document) {
  ErrorState errors;
  HPDF_Doc doc = HPDF_New(on_error, &errors);
  if (doc == nullptr) return fail(internal_error("pdf: libharu could not start"));
  struct Free {
    HPDF_Doc doc;
    ~Free() { HPDF_Free(doc); }
  } free_doc{doc};

  HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
  const std::string title = to_win_ansi(std::string(document.definition->label) + " " + document.result.period.label);
  const std::string author = to_win_ansi(document.generated_by);
  HPDF_SetInfoAttr(doc, HPDF_INFO_TITLE, title.c_str());
  HPDF_SetInfoAttr(doc, HPDF_INFO_AUTHOR, author.c_str());
  HPDF_SetInfoAttr(doc, HPDF_INFO_CREATOR, "Caseboard");
  HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, pdf_date(document.generated_at));

  PdfPages pdf(doc);
  pdf.new_page();
  draw_heading(pdf, document);
  if (!document.definition->metrics.empty()) draw_chart(pdf, document);
  draw_figures(pdf, document);
  draw_discharges(pdf, document);
  draw_case_managers(pdf, document);
  draw_footers(pdf, document);
  if (errors.error != HPDF_OK) {
    char message[96];
    std::snprintf(message, sizeof message, "pdf: libharu error 0x%04X (detail %u)", static_cast<unsigned>(errors.error),
                  static_cast<unsigned>(errors.detail));
    return fail(internal_error(message));
  }

  if (HPDF_SaveToStream(doc) != HPDF_OK) return fail(internal_error("pdf: cannot write the document"));
  std::string bytes(HPDF_GetStreamSize(doc), '\0');
  auto size = static_cast<HPDF_UINT32>(bytes.size());
  const auto read = HPDF_ReadFromStream(doc, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
  if ((read != HPDF_OK && read != HPDF_STREAM_EOF) || size != bytes.size()) {
    return fail(internal_error("pdf: cannot read the document back"));
  }
  return bytes;
}

}  // namespace caseboard::report
