// WriteXlsxSheets: a workbook of several sheets read back, and a sheet name the format refuses
// (a repeat that differs only in case) reported as an error instead of written to nothing.
#include "io/table_writer.h"

#include <gtest/gtest.h>

#include "io/xlsx_reader.h"

namespace sanad::io {
namespace {

TEST(TableWriterTest, WritesSheetsThatReadBack) {
  auto bytes = WriteXlsxSheets({{.name = "P1", .rows = {{"المؤشر", "Target"}, {"a", "20"}}},
                                {.name = "P2", .rows = {{"x"}}}});
  ASSERT_TRUE(bytes.ok()) << bytes.status().message();
  auto first = ReadXlsxSheet("indicators.xlsx", *bytes, {.sheet = "P1"});
  ASSERT_TRUE(first.ok()) << first.status().message();
  ASSERT_EQ(first->size(), 2U);
  EXPECT_EQ((*first)[0].cells, (std::vector<std::string>{"المؤشر", "Target"}));
  auto second = ReadXlsxSheet("indicators.xlsx", *bytes, {.sheet = "P2"});
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_EQ((*second)[0].cells, std::vector<std::string>{"x"});
}

TEST(TableWriterTest, ASheetNameRepeatedInAnotherCaseIsAnErrorNotACrash) {
  auto bytes = WriteXlsxSheets({{.name = "P1", .rows = {{"a"}}}, {.name = "p1", .rows = {{"b"}}}});
  ASSERT_FALSE(bytes.ok());
  EXPECT_NE(bytes.status().message().find("p1"), std::string::npos) << bytes.status().message();
}

}  // namespace
}  // namespace sanad::io
