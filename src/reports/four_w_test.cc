#include "reports/four_w.h"

#include <gtest/gtest.h>

namespace sanad::reports {
namespace {

FourWLine Line(std::string month, int64_t female_adults, int64_t boys, int64_t times) {
  FourWLine l{.organisation = "Demo Relief",
              .project_code = "PRJ-1",
              .project_name = "Protection",
              .donor = "ECHO",
              .sector = "protection",
              .kind = "awareness_session",
              .adm1_code = "IQG15",
              .adm1_name = "Ninewa",
              .adm2_code = "IQG15Q03",
              .adm2_name = "Al-Hamdaniya",
              .month = std::move(month)};
  l.reach.people = female_adults + boys;
  l.reach.times_served = times;
  l.reach.cells = {{"female", "18-59", "idp", female_adults}, {"male", "6-17", "host", boys}};
  return l;
}

TEST(FourWTest, HasTheHxlRowAndExactCountsInternally) {
  const auto rows = FourWTable({Line("2026-02", 12, 3, 20)}, Audience::kInternal, 5, "2026-03-10");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].front(), "Organisation");
  EXPECT_EQ(rows[1].front(), "#org");
  EXPECT_EQ(rows[1][13], "#reached+ind");
  EXPECT_EQ(rows[1].size(), rows[2].size());
  const std::vector<std::string> expected = {
      "Demo Relief", "PRJ-1", "Protection", "ECHO", "protection", "awareness_session", "Ninewa",
      "IQG15", "Al-Hamdaniya", "IQG15Q03", "2026-02-01", "2026-02-28", "completed",
      // people, female, male, 0-5, 6-17, 18-59, 60+, idp, returnee, refugee, host, times
      "15", "12", "3", "0", "3", "12", "0", "12", "0", "0", "3", "20", kInternalMark};
  EXPECT_EQ(rows[2], expected);
}

TEST(FourWTest, SuppressesSmallCountsAndTheirComplementsInPublic) {
  const auto rows = FourWTable({Line("2026-03", 12, 3, 20), Line("2026-03", 2, 0, 2)},
                               Audience::kPublic, 5, "2026-03-10");
  ASSERT_EQ(rows.size(), 4u);
  const auto& a = rows[2];
  EXPECT_EQ(a[12], "ongoing");
  EXPECT_EQ(a[13], "15");  // the total is shown
  // 3 boys is small: male is suppressed, and female with it (15 - 12 would tell).
  EXPECT_EQ(a[14], "");
  EXPECT_EQ(a[15], "");
  EXPECT_EQ(a[17], "");   // 6-17
  EXPECT_EQ(a[19], "0");  // zero is shown
  EXPECT_EQ(a[24], "20");
  EXPECT_EQ(a[25], "Counts of people below 5 are not shown.");
  const auto& b = rows[3];
  EXPECT_EQ(b[13], "");  // 2 people
  EXPECT_EQ(b[24], "");  // and not their times served
}

}  // namespace
}  // namespace sanad::reports
