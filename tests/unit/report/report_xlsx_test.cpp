// The XLSX export, read back with the system's unzip: the sheets, numbers as numeric cells (never
// shared strings), dates as date serials with a date format.
#include <gtest/gtest.h>

#include <regex>

#include "report/report_export.hpp"
#include "sample_report.hpp"
#include "temporary_file.hpp"

namespace caseboard::report {
namespace {

class ReportXlsxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::have_program("unzip")) GTEST_SKIP() << "unzip is not installed";
    auto bytes = write_report_xlsx(testing::sample_document());
    ASSERT_TRUE(bytes) << bytes.error().internal_message;
    ASSERT_EQ(bytes->substr(0, 2), "PK");  // a zip
    file_ = std::make_unique<testing::TemporaryFile>(*bytes, ".xlsx");
    ASSERT_TRUE(file_->ok());
  }

  std::string part(const std::string& name) const {
    return testing::output_of("unzip -p '" + file_->path() + "' '" + name + "'");
  }

  std::unique_ptr<testing::TemporaryFile> file_;
};

// The XML of one cell ("<c r="D12" ...>...</c>"), or "" when the sheet has no such cell.
std::string cell(const std::string& sheet, const std::string& reference) {
  const auto start = sheet.find("<c r=\"" + reference + "\"");
  if (start == std::string::npos) return {};
  const auto empty = sheet.find("/>", start);
  const auto close = sheet.find("</c>", start);
  const auto open_end = sheet.find('>', start);
  if (empty != std::string::npos && empty + 1 == open_end) return sheet.substr(start, empty + 2 - start);
  return sheet.substr(start, close + 4 - start);
}

bool numeric(const std::string& xml, const std::string& value) {
  return xml.find(" t=\"") == std::string::npos && xml.find("<v>" + value + "</v>") != std::string::npos;
}

TEST_F(ReportXlsxTest, HasTheFourSheets) {
  const auto workbook = part("xl/workbook.xml");
  for (const char* name : {"Figures", "By case manager", "Discharges", "Cases"}) {
    EXPECT_NE(workbook.find(std::string("name=\"") + name + "\""), std::string::npos) << name;
  }
}

TEST_F(ReportXlsxTest, FiguresAreNumbersAndThePeriodIsDates) {
  const auto sheet = part("xl/worksheets/sheet1.xml");
  // Heading rows 1-9, the table header on row 11, caseload on row 12, notes on time on row 13.
  EXPECT_TRUE(numeric(cell(sheet, "D12"), "12")) << cell(sheet, "D12");
  EXPECT_TRUE(numeric(cell(sheet, "E13"), "27")) << cell(sheet, "E13");
  EXPECT_TRUE(numeric(cell(sheet, "F13"), "29")) << cell(sheet, "F13");
  EXPECT_NE(cell(sheet, "D13").find("<v>93.10344827586"), std::string::npos) << cell(sheet, "D13");
  EXPECT_EQ(cell(sheet, "D14"), "");  // cost per case: no value, no cell
  // 2026-10-01 and 2026-10-31 as Excel serials (days since 1899-12-30), styled as dates.
  using namespace std::chrono;
  const auto serial = [](year_month_day day) {
    return std::to_string((sys_days{day} - sys_days{year{1899} / December / 30}).count());
  };
  EXPECT_TRUE(numeric(cell(sheet, "B5"), serial(year{2026} / October / 1))) << cell(sheet, "B5");
  EXPECT_TRUE(numeric(cell(sheet, "B6"), serial(year{2026} / October / 31))) << cell(sheet, "B6");
  EXPECT_NE(cell(sheet, "B5").find(" s=\""), std::string::npos);
  EXPECT_NE(part("xl/styles.xml").find("formatCode=\"yyyy-mm-dd\""), std::string::npos);
  // No number column below the header holds text.
  const std::regex text_in_numbers("<c r=\"[D-F](1[2-9]|[2-9][0-9])\"[^>]* t=\"s\"");
  EXPECT_FALSE(std::regex_search(sheet, text_in_numbers));
}

TEST_F(ReportXlsxTest, CaseManagersAndCasesAreRowsOfNumbers) {
  const auto by_case_manager = part("xl/worksheets/sheet2.xml");
  EXPECT_TRUE(numeric(cell(by_case_manager, "C2"), "12")) << cell(by_case_manager, "C2");  // Total
  EXPECT_TRUE(numeric(cell(by_case_manager, "C3"), "5"));                                  // Lily, by name first
  EXPECT_TRUE(numeric(cell(by_case_manager, "C4"), "7"));                                  // Sofia
  const auto discharges = part("xl/worksheets/sheet3.xml");
  EXPECT_TRUE(numeric(cell(discharges, "B2"), "4"));  // home, the most first
  EXPECT_TRUE(numeric(cell(discharges, "B3"), "1"));
  const auto cases = part("xl/worksheets/sheet4.xml");
  EXPECT_TRUE(numeric(cell(cases, "G2"), "2"));
  EXPECT_TRUE(numeric(cell(cases, "H2"), "3"));
  const auto strings = part("xl/sharedStrings.xml");
  for (const char* text : {"Doe, Jane", "withheld", "cs_withheld", "Lily \"Lil\" Chen, RN", "Sofia Alvarez",
                           "assisted_living", "Dana Whitfield (director)"}) {
    EXPECT_NE(strings.find(text), std::string::npos) << text;
  }
}

}  // namespace
}  // namespace caseboard::report
