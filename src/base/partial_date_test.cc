#include "base/partial_date.h"

#include <gtest/gtest.h>

namespace sanad {
namespace {

struct ParseCase {
  const char* text;
  bool ok;
};

void PrintTo(const ParseCase& c, std::ostream* os) { *os << '"' << c.text << '"'; }

class ParsePartialDateTest : public testing::TestWithParam<ParseCase> {};

TEST_P(ParsePartialDateTest, AcceptsOnlyRealDatesAtAnyPrecision) {
  std::string why;
  auto d = ParsePartialDate(GetParam().text, &why);
  EXPECT_EQ(d.has_value(), GetParam().ok) << GetParam().text << " " << why;
  if (d) {
    EXPECT_EQ(d->ToString(), GetParam().text);
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, ParsePartialDateTest,
                         testing::Values(ParseCase{"1984", true}, ParseCase{"1984-07", true},
                                         ParseCase{"1984-07-15", true},
                                         ParseCase{"2024-02-29", true},
                                         ParseCase{"2023-02-29", false},
                                         ParseCase{"1984-13", false}, ParseCase{"84", false},
                                         ParseCase{"1984/07/15", false}, ParseCase{"1700", false},
                                         ParseCase{"", false}, ParseCase{"19a4", false}));

TEST(PartialDateTest, YearOnlyDateIsNotInTheFutureDuringThatYear) {
  std::string why;
  const auto today = *ParsePartialDate("2026-11-23", &why);
  EXPECT_FALSE(ParsePartialDate("2026", &why)->IsAfter(today));
  EXPECT_FALSE(ParsePartialDate("2026-11", &why)->IsAfter(today));
  EXPECT_TRUE(ParsePartialDate("2026-11-24", &why)->IsAfter(today));
  EXPECT_TRUE(ParsePartialDate("2026-12", &why)->IsAfter(today));
  EXPECT_TRUE(ParsePartialDate("2027", &why)->IsAfter(today));
}

}  // namespace
}  // namespace sanad
