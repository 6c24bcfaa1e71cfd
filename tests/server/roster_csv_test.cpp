// tests/server/roster_csv_test.cpp — CSV cells: RFC 4180 quoting and the spreadsheet formula guard.
#include "server/api/roster_csv.h"

#include <gtest/gtest.h>

namespace gongyou::server::api {
namespace {

TEST(RosterCsv, PlainCellsStayAsTheyAre) {
  EXPECT_EQ(csv_cell("王小明"), "王小明");
  EXPECT_EQ(csv_cell(""), "");
  EXPECT_EQ(csv_cell("2026-12-05 10:00"), "2026-12-05 10:00");
}

TEST(RosterCsv, QuotesCommasQuotesAndLineBreaks) {
  EXPECT_EQ(csv_cell("Li, Lei"), "\"Li, Lei\"");
  EXPECT_EQ(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_cell("two\nlines"), "\"two\nlines\"");
}

TEST(RosterCsv, FormulaStartsArePrefixed) {
  EXPECT_EQ(csv_cell("=1+2"), "'=1+2");
  EXPECT_EQ(csv_cell("+86 138"), "'+86 138");
  EXPECT_EQ(csv_cell("-1"), "'-1");
  EXPECT_EQ(csv_cell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_cell("\tx"), "'\tx");
  EXPECT_EQ(csv_cell("=HYPERLINK(\"u\",\"t\")"), "\"'=HYPERLINK(\"\"u\"\",\"\"t\"\")\"");
  EXPECT_EQ(csv_cell("a=b"), "a=b");
}

TEST(RosterCsv, FileHasBomHeaderAndCrlf) {
  const std::string csv = roster_csv({});
  EXPECT_EQ(csv, "\xEF\xBB\xBF时段开始,时段结束,姓名,用户名,状态,预约时间,签到时间\r\n");
}

}  // namespace
}  // namespace gongyou::server::api
