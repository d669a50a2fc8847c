// The PDF export: a PDF whose pages are counted in its page tree, and (when poppler-utils is
// installed) whose text holds the heading, the names and a footer on every page.
#include <gtest/gtest.h>

#include "report/report_export.hpp"
#include "sample_report.hpp"
#include "temporary_file.hpp"

namespace caseboard::report {
namespace {

// libharu writes page objects uncompressed ("/Type /Page"; the tree is "/Type /Pages").
int page_count(const std::string& pdf) {
  int pages = 0;
  for (auto at = pdf.find("/Type /Page"); at != std::string::npos; at = pdf.find("/Type /Page", at + 1)) {
    if (pdf.compare(at, 12, "/Type /Pages") != 0) ++pages;
  }
  return pages;
}

std::string text_of(const std::string& pdf) {
  testing::TemporaryFile file(pdf, ".pdf");
  return testing::output_of("pdftotext -layout '" + file.path() + "' -");
}

ReportDocument many_case_managers(int count) {
  auto document = testing::sample_document();
  for (int i = 0; i < count; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "us-%03d", i);
    document.result.by_case_manager[id] = testing::figures(i % 9, 80 + i % 20, 8, 10);
    document.staff_names[id] = "Case Manager " + std::to_string(i);
  }
  return document;
}

TEST(ReportPdfTest, ASmallReportIsOnePage) {
  auto pdf = write_report_pdf(testing::sample_document());
  ASSERT_TRUE(pdf) << pdf.error().internal_message;
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  EXPECT_EQ(page_count(*pdf), 1);
  if (!testing::have_program("pdftotext")) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  const auto text = text_of(*pdf);
  for (const char* expected : {"Sample report", "Riverside Care Partners", "Whole organization",
                               "2026-10-01 to 2026-10-31", "Dana Whitfield (director)", "Sofia Alvarez",
                               "Lily \"Lil\" Chen, RN", "93.1%", "27 of 29", "Assisted living", "Page 1 of 1"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
}

TEST(ReportPdfTest, ALongTableRunsOntoMorePagesWithItsHeaderAndFooters) {
  auto pdf = write_report_pdf(many_case_managers(120));
  ASSERT_TRUE(pdf) << pdf.error().internal_message;
  // Page 1: heading, chart, figures, discharges, the table's first rows; 123 rows of 15 pt then
  // take about 2.7 pages more.
  EXPECT_EQ(page_count(*pdf), 4);
  if (!testing::have_program("pdftotext")) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  const auto text = text_of(*pdf);
  for (int page = 1; page <= 4; ++page) {
    EXPECT_NE(text.find("Page " + std::to_string(page) + " of 4"), std::string::npos) << page;
  }
  EXPECT_NE(text.find("By case manager (continued)"), std::string::npos);
  EXPECT_NE(text.find("Case Manager 119"), std::string::npos);
}

TEST(ReportPdfTest, TextOutsideWinAnsiIsTransliterated) {
  auto document = testing::sample_document();
  document.staff_names["us-sofia"] = "\xC5\x81ukasz \xC5\xBB\xC3\xB3\xC5\x82\xC4\x87 \xE4\xB8\xAD";  // Łukasz Żółć 中
  auto pdf = write_report_pdf(document);
  ASSERT_TRUE(pdf) << pdf.error().internal_message;
  if (!testing::have_program("pdftotext")) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  EXPECT_NE(text_of(*pdf).find("Lukasz Z\xC3\xB3lc ?"), std::string::npos);  // pdftotext answers UTF-8
}

TEST(ReportPdfTest, AReportWithoutPercentagesChartsItsFirstMetricByCaseManager) {
  auto document = testing::sample_document();
  static const ReportDefinition caseload{"caseload", "Caseload report", {Metric::Caseload}};
  document.definition = &caseload;
  auto pdf = write_report_pdf(document);
  ASSERT_TRUE(pdf) << pdf.error().internal_message;
  if (!testing::have_program("pdftotext")) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  EXPECT_NE(text_of(*pdf).find("by case manager"), std::string::npos);
}

}  // namespace
}  // namespace caseboard::report
