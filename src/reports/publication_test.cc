#include "reports/publication.h"

#include <gtest/gtest.h>

#include "reports/report_period.h"

namespace sanad::reports {
namespace {

TEST(PublicationTest, ReadsTheAudiencePublicByDefault) {
  EXPECT_EQ(*ParseAudience(""), Audience::kPublic);
  EXPECT_EQ(*ParseAudience("public"), Audience::kPublic);
  EXPECT_EQ(*ParseAudience("internal"), Audience::kInternal);
  auto bad = ParseAudience("donor");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().fields().at(0).field, "audience");
  EXPECT_EQ(FileNote(Audience::kPublic, 5), "Counts of people below 5 are not shown.");
  EXPECT_EQ(FileNote(Audience::kInternal, 5), kInternalMark);
}

TEST(PublicationTest, HidesSmallRisesOfACumulativeSeries) {
  // 0 shown; 3 is small; 7 rose by 7 from the last shown (0); 9 rose by 2; 12 by 5 from 7.
  const int64_t cumulative[] = {0, 3, 7, 9, 12, 12};
  const std::vector<Count> shown = SuppressCumulative(cumulative, 5);
  const std::vector<Count> expected = {0, std::nullopt, 7, std::nullopt, 12, 12};
  EXPECT_EQ(shown, expected);
  EXPECT_EQ(CountCell(std::nullopt), "");
  EXPECT_EQ(CountCell(12), "12");
}

TEST(ReportPeriodTest, ChecksDatesAndListsMonths) {
  EXPECT_TRUE(CheckPeriod("", "").ok());
  EXPECT_TRUE(CheckPeriod("2026-01-01", "2026-01-01").ok());
  const Status s = CheckPeriod("2026-02-30", "2025-01-01");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.fields().at(0).field, "from");
  EXPECT_EQ(CheckPeriod("2026-02-01", "2026-01-31").fields().at(0).field, "to");
  EXPECT_EQ(MonthEnd("2024-02"), "2024-02-29");
  EXPECT_EQ(MonthEnd("2026-12"), "2026-12-31");
  EXPECT_EQ(MonthsOf({"2025-11-15", "2026-02-01"}),
            (std::vector<std::string>{"2025-11", "2025-12", "2026-01", "2026-02"}));
  EXPECT_EQ(DayStart("1970-01-02"), 86'400);
  EXPECT_EQ(DayEnd("2026-01-01") - DayStart("2026-01-01"), 86'399);
  EXPECT_EQ(YearOf("2026-05-01"), 2026);
}

}  // namespace
}  // namespace sanad::reports
