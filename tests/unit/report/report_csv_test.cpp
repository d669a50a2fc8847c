// The CSV export: one table, RFC 4180 quoting, empty cells for figures without a value.
#include <gtest/gtest.h>

#include "report/report_export.hpp"
#include "sample_report.hpp"

namespace caseboard::report {
namespace {

TEST(ReportCsvTest, OneTableTotalFirstThenCaseManagersByName) {
  EXPECT_EQ(write_report_csv(testing::sample_document()),
            "case_manager,caseload,notes_on_time,cost_per_case,discharges\r\n"
            "Total,12,93.1,,5\r\n"
            "\"Lily \"\"Lil\"\" Chen, RN\",5,100,,\r\n"
            "Sofia Alvarez,7,85.71,,\r\n"
            "Unassigned,0,,,\r\n");
}

TEST(ReportCsvTest, ANameASpreadsheetWouldRunAsAFormulaStaysText) {
  auto document = testing::sample_document();
  document.staff_names["us-sofia"] = "=HYPERLINK(\"x\")";
  document.staff_names["us-lily"] = "Lily\nChen";
  const auto csv = write_report_csv(document);
  EXPECT_NE(csv.find("\r\n\"'=HYPERLINK(\"\"x\"\")\",7,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\r\n\"Lily\nChen\",5,"), std::string::npos) << csv;
}

TEST(ReportCsvTest, ANumberHasAtMostTwoDecimalsAndNoTrailingZeros) {
  EXPECT_EQ(plain_number(12), "12");
  EXPECT_EQ(plain_number(93.10), "93.1");
  EXPECT_EQ(plain_number(200.0 / 3), "66.67");
  EXPECT_EQ(plain_number(-0.001), "0");
  EXPECT_EQ(plain_number(1234.6, 0), "1235");
}

TEST(ReportCsvTest, FileNamesAreSafeInAHeader) {
  auto document = testing::sample_document();
  EXPECT_EQ(report_file_name(document, ReportFormat::Xlsx), "caseboard-sample-2026-10.xlsx");
  document.result.period = *parse_report_period("2026-10-01..2026-10-15", "period");
  EXPECT_EQ(report_file_name(document, ReportFormat::Csv), "caseboard-sample-2026-10-01--2026-10-15.csv");
  EXPECT_EQ(parse_report_format("pdf"), ReportFormat::Pdf);
  EXPECT_EQ(parse_report_format("PDF"), std::nullopt);
}

TEST(ReportDocumentTest, TheScopeIsDescribedAsTheReadersRoleNarrowsIt) {
  const std::map<std::string, std::string> programs{{"pg-1", "Care Transitions"}};
  const std::map<std::string, std::string> staff{{"us-okoro", "Grace Okoro"}, {"us-sofia", "Sofia Alvarez"}};
  Actor director{"us-dana", "org", Role::Director, {}, {}};
  Actor supervisor{"us-okoro", "org", Role::Supervisor, {}, {}};
  Actor case_manager{"us-sofia", "org", Role::CaseManager, {}, {}};
  EXPECT_EQ(describe_report_scope({}, director, programs, staff), "Whole organization");
  EXPECT_EQ(describe_report_scope({}, supervisor, programs, staff), "Team of Grace Okoro");
  EXPECT_EQ(describe_report_scope({}, case_manager, programs, staff), "Cases of Sofia Alvarez");
  EXPECT_EQ(describe_report_scope({"pg-1", std::nullopt, "us-sofia"}, director, programs, staff),
            "Program: Care Transitions \xC2\xB7 Cases of Sofia Alvarez");
  EXPECT_EQ(describe_report_scope({"pg-9", std::nullopt, std::nullopt}, director, programs, staff), "Program: pg-9");
}

TEST(ReportDocumentTest, ExportsListOnlyTheMissedObservationsOfRates) {
  const auto filters = export_drill_down_filters(testing::sample_definition());
  ASSERT_EQ(filters.size(), 4u);
  EXPECT_FALSE(filters[0].missed_only);  // caseload: every case
  EXPECT_TRUE(filters[1].missed_only);   // notes on time: the late ones
  EXPECT_FALSE(filters[2].missed_only);
}

}  // namespace
}  // namespace caseboard::report
