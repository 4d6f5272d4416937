// ReadTable: CSV and XLSX told apart by their bytes, and files that only look like a workbook
// refused with a message that says what is wrong with them.
#include "io/table_reader.h"

#include <gtest/gtest.h>

namespace sanad::io {
namespace {

TEST(TableReaderTest, ReadsCsvWithArabicCellsAndSkipsBlankRows) {
  auto table = ReadTable("people.csv", "household_ref,given_name\n\nH1,محمد\n , \nH2,زينب\n");
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_EQ(table->format, TableFormat::kCsv);
  EXPECT_EQ(table->header_line, 1);
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->rows[0].line, 3);
  EXPECT_EQ(table->rows[0].cells[1], "محمد");
  EXPECT_EQ(table->rows[1].line, 5);
}

TEST(TableReaderTest, AnEmptyFileHasNoHeader) {
  auto table = ReadTable("empty.csv", "");
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->header_line, 0);
  EXPECT_TRUE(table->rows.empty());
}

TEST(TableReaderTest, AFileNamedXlsxThatIsNotAZipIsRefusedAsSuch) {
  auto table = ReadTable("upload.xlsx", "household_ref,given_name\nH1,Ali\n");
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().message(), "upload.xlsx: not an XLSX workbook (not a zip archive)");
}

TEST(TableReaderTest, AnOldXlsWorkbookIsRefusedWithWhatToDo) {
  const std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest of the file", 24);
  auto table = ReadTable("registrations.xls", ole);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().message(),
            "registrations.xls: an Excel 97-2003 (.xls) workbook; save it as .xlsx or CSV");
}

}  // namespace
}  // namespace sanad::io
