#include "io/person_csv.h"

#include <gtest/gtest.h>

namespace sanad::io {
namespace {

TEST(PersonCsvTest, ReadsColumnsInAnyOrderWithQuotesAndEmptyFields) {
  const auto r = ReadPersonCsv("p.csv",
                               "\xEF\xBB\xBFname_latin,id,sex,birth_date,given_name,phone\r\n"
                               "\"Ali, Hussein\",1,M,1984,علي,0750 123 4567\r\n"
                               ",2,female,1990-03,,\r\n"
                               ",3,,1990-03-02,,\n");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->records.size(), 3U);
  EXPECT_EQ(r->records[0].id, "1");
  EXPECT_EQ(r->records[0].name_latin, "Ali, Hussein");
  EXPECT_EQ(r->records[0].given_name, "علي");
  EXPECT_EQ(r->records[0].sex, 'm');
  EXPECT_EQ(r->records[0].birth_date->precision, DatePrecision::kYear);
  EXPECT_EQ(r->records[1].sex, 'f');
  EXPECT_EQ(r->records[1].birth_date->precision, DatePrecision::kMonth);
  EXPECT_EQ(r->records[2].sex, 0);
  EXPECT_EQ(r->records[2].birth_date->day, 2);
  EXPECT_EQ(r->lines, (std::vector<int>{2, 3, 4}));
}

struct Bad {
  const char* text;
  const char* message;
};

void PrintTo(const Bad& b, std::ostream* os) { *os << b.message; }

class PersonCsvBadTest : public testing::TestWithParam<Bad> {};

TEST_P(PersonCsvBadTest, NamesTheLineAndColumn) {
  const auto r = ReadPersonCsv("p.csv", GetParam().text);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().substr(0, std::string(GetParam().message).size()),
            GetParam().message)
      << r.status().message();
}

INSTANTIATE_TEST_SUITE_P(
    Errors, PersonCsvBadTest,
    testing::Values(
        Bad{"", "p.csv:1:1: empty file"},
        Bad{"id,given,sex\n", "p.csv:1:4: unknown column \"given\""},
        Bad{"given_name,sex\n", "p.csv:1:1: the header has no id column"},
        Bad{"id,sex,id\n", "p.csv:1:8: column \"id\" appears twice"},
        Bad{"id,sex\n1,m\n2,m,extra\n", "p.csv:3:5: the row has 3 fields, the header 2"},
        Bad{"id,sex\n1\n", "p.csv:2:1: the row has 1 fields, the header 2"},
        Bad{"id,sex\n1,m\n2,x\n", "p.csv:3:3: sex: \"x\" is not f, m"},
        Bad{"id,given_name,birth_date\n1,علي,1984-02-30\n",
            "p.csv:2:7: birth_date: \"1984-02-30\" is not a date"},
        Bad{"id,sex\n1,m\n1,f\n", "p.csv:3:1: id: duplicate id \"1\" (first on line 2)"},
        Bad{"id,sex\n,m\n", "p.csv:2:1: id: empty id"},
        Bad{"id,given_name\n1,\"Ali\n", "p.csv:2:3: quoted field is never closed"},
        Bad{"id,given_name\n1,ab\xff\n", "p.csv:2:5: not valid UTF-8"}));

TEST(PersonCsvTest, HeaderOnlyIsAnEmptyList) {
  const auto r = ReadPersonCsv("p.csv", "id,given_name\n");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->records.empty());
}

}  // namespace
}  // namespace sanad::io
