#include "io/csv_reader.h"

#include <gtest/gtest.h>

namespace sanad::io {
namespace {

std::vector<std::vector<std::string>> ReadAll(std::string_view text, Status* status) {
  CsvReader r("t.csv", text);
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> f;
  while (r.Next(&f)) out.push_back(f);
  *status = r.status();
  return out;
}

TEST(CsvReaderTest, ReadsQuotedFieldsWithCommasQuotesAndNewlines) {
  Status s;
  auto rows =
      ReadAll("\xEF\xBB\xBFid,name\r\n1,\"Al-Jubouri, \"\"Abu Ali\"\"\"\n2,\"two\nlines\"\n3,", &s);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"id", "name"}));
  EXPECT_EQ(rows[1][1], "Al-Jubouri, \"Abu Ali\"");
  EXPECT_EQ(rows[2][1], "two\nlines");
  EXPECT_EQ(rows[3], (std::vector<std::string>{"3", ""}));
}

TEST(CsvReaderTest, ArabicFieldsPassThroughUntouched) {
  Status s;
  auto rows = ReadAll("محمد,الجبوري\n", &s);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][1], "الجبوري");
}

TEST(CsvReaderTest, UnclosedQuoteNamesFileLineAndColumn) {
  Status s;
  ReadAll("a,b\n1,\"oops\n", &s);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "t.csv:2:3: quoted field is never closed");
}

TEST(CsvReaderTest, GarbageAfterQuoteIsAnError) {
  Status s;
  ReadAll("\"a\"b,c\n", &s);
  EXPECT_EQ(s.message(), "t.csv:1:4: unexpected character after a closing quote");
}

}  // namespace
}  // namespace sanad::io
