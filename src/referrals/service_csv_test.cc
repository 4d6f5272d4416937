// Reading a CSV file of services: columns by header name in any order, every problem with its
// line and column, and rows kept with the line they start on.
#include "referrals/service_csv.h"

#include <gtest/gtest.h>

namespace sanad::referrals {
namespace {

std::string Problems(const ServiceCsv& csv) {
  std::string out;
  for (const auto& p : csv.problems) out += registry::FormatProblem("s.csv", p) + "\n";
  return out;
}

TEST(ServiceCsvTest, ReadsColumnsByNameInAnyOrder) {
  const ServiceCsv csv =
      ReadServiceCsv("s.csv",
                     "\xEF\xBB\xBF Name ,TYPE,pcode,eligibility\r\n"
                     "\"Clinic, Qaraqosh\",health,IQG15Q03N03,\"women and girls\n(all ages)\"\r\n"
                     ",,,\r\n"
                     "Legal desk,legal_aid,IQG15Q03\r\n");
  EXPECT_TRUE(csv.problems.empty()) << Problems(csv);
  ASSERT_EQ(csv.rows.size(), 2u);
  EXPECT_EQ(csv.rows[0].line, 2);
  EXPECT_EQ(csv.rows[0].service.name, "Clinic, Qaraqosh");
  EXPECT_EQ(csv.rows[0].service.type, "health");
  EXPECT_EQ(csv.rows[0].service.eligibility, "women and girls\n(all ages)");
  EXPECT_EQ(csv.rows[1].line, 5);  // the quoted line break moved it down
  EXPECT_EQ(csv.rows[1].service.pcode, "IQG15Q03");
  EXPECT_EQ(csv.rows[1].service.eligibility, "");
}

TEST(ServiceCsvTest, HeaderProblemsNameTheColumn) {
  const ServiceCsv csv = ReadServiceCsv("s.csv", "type,name,name,phone\nhealth,a,b,1\n");
  EXPECT_EQ(Problems(csv),
            "s.csv:1:name: appears twice\n"
            "s.csv:1:phone: is not a column of the service directory (type, name, pcode, "
            "contact_name, contact_phone, contact_email, eligibility)\n"
            "s.csv:1:pcode: is missing\n");
  EXPECT_FALSE(csv.columns_ok);  // the rows would all lack a P-code: not worth checking
}

TEST(ServiceCsvTest, MalformedCsvNamesLineAndCharacter) {
  const ServiceCsv csv = ReadServiceCsv("s.csv", "type,name,pcode\nhealth,\"Clinic\" x,IQG15\n");
  EXPECT_EQ(Problems(csv), "s.csv:2:16: unexpected character after a closing quote\n");
}

TEST(ServiceCsvTest, RowWithMoreCellsThanTheHeader) {
  const ServiceCsv csv = ReadServiceCsv("s.csv", "type,name,pcode\nhealth,a,IQG15,extra\n");
  EXPECT_EQ(Problems(csv), "s.csv:2: has 4 cells but the header names 3 columns\n");
}

TEST(ServiceCsvTest, EmptyFile) {
  EXPECT_EQ(Problems(ReadServiceCsv("s.csv", "\n\n")),
            "s.csv: is empty: the first line must name the columns (type, name, pcode, "
            "contact_name, contact_phone, contact_email, eligibility)\n");
}

}  // namespace
}  // namespace sanad::referrals
