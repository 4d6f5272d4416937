#include "io/xlsx_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace sanad::io {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream data;
  data << in.rdbuf();
  return data.str();
}

class XlsxReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("sanad_xlsx_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  // A workbook written by libxlsxwriter, as Excel would write it.
  std::string Kobo(bool constant_memory) {
    const std::string path = Path(constant_memory ? "inline.xlsx" : "shared.xlsx");
    lxw_workbook_options opts{};
    opts.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &opts);
    lxw_worksheet* ws = workbook_add_worksheet(wb, "registrations");
    lxw_format* iso = workbook_add_format(wb);
    format_set_num_format(iso, "yyyy-mm-dd");
    lxw_format* builtin = workbook_add_format(wb);
    format_set_num_format_index(builtin, 14);
    lxw_format* money = workbook_add_format(wb);
    format_set_num_format(money, "#,##0.00 \"IQD\"");
    worksheet_write_string(ws, 0, 0, "household/given_name", nullptr);
    worksheet_write_string(ws, 0, 1, "phone", nullptr);
    worksheet_write_string(ws, 0, 2, "birth_date", nullptr);
    worksheet_write_string(ws, 0, 4, "consent", nullptr);
    worksheet_write_string(ws, 1, 0, "محمد", nullptr);
    worksheet_write_number(ws, 1, 1, 9647501234567.0, nullptr);
    lxw_datetime born{.year = 1984, .month = 7, .day = 15, .hour = 0, .min = 0, .sec = 0};
    worksheet_write_datetime(ws, 1, 2, &born, iso);
    worksheet_write_number(ws, 1, 3, 1.5, money);
    worksheet_write_boolean(ws, 1, 4, 1, nullptr);
    worksheet_write_string(ws, 2, 0, "Fatima", nullptr);
    lxw_datetime leap{.year = 2000, .month = 2, .day = 29, .hour = 13, .min = 30, .sec = 0};
    worksheet_write_datetime(ws, 2, 2, &leap, builtin);
    worksheet_write_boolean(ws, 2, 4, 0, nullptr);
    worksheet_write_string(ws, 4, 2, "1990", nullptr);
    lxw_worksheet* other = workbook_add_worksheet(wb, "members");
    worksheet_write_string(other, 0, 0, "second sheet", nullptr);
    EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
    return ReadFile(path);
  }

  // An archive with the given parts, for what libxlsxwriter never writes.
  std::string Zip(const std::vector<std::pair<std::string, std::string>>& parts) {
    const std::string path = Path("handmade.xlsx");
    int error = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    EXPECT_NE(z, nullptr);
    for (const auto& [name, text] : parts) {
      zip_source_t* s = zip_source_buffer(z, text.data(), text.size(), 0);
      EXPECT_GE(zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE), 0);
    }
    EXPECT_EQ(zip_close(z), 0);
    return ReadFile(path);
  }

  // A minimal workbook with one sheet whose <sheetData> is `rows`.
  std::string Handmade(const std::string& rows, const std::string& workbook_pr = "",
                       const std::string& styles = "") {
    std::vector<std::pair<std::string, std::string>> parts = {
        {"xl/workbook.xml",
         R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)" +
             workbook_pr +
             R"(<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
        {"xl/_rels/workbook.xml.rels",
         R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)" +
             std::string(
                 styles.empty()
                     ? ""
                     : R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/>)") +
             "</Relationships>"},
        {"xl/worksheets/sheet1.xml",
         R"(<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>)" +
             rows + "</x:sheetData></x:worksheet>"}};
    if (!styles.empty()) parts.emplace_back("xl/styles.xml", styles);
    return Zip(parts);
  }

  std::filesystem::path dir_;
};

std::vector<std::vector<std::string>> Cells(const std::vector<XlsxRow>& rows) {
  std::vector<std::vector<std::string>> out;
  for (const auto& r : rows) out.push_back(r.cells);
  return out;
}

TEST_F(XlsxReaderTest, ReadsStringsNumbersBooleansAndDatesOfTheFirstSheet) {
  for (const bool constant_memory : {false, true}) {
    SCOPED_TRACE(constant_memory ? "inline strings" : "shared strings");
    auto rows = ReadXlsxSheet("kobo.xlsx", Kobo(constant_memory));
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    ASSERT_EQ(rows->size(), 4u);
    EXPECT_EQ((*rows)[0].number, 1);
    EXPECT_THAT((*rows)[0].cells,
                ElementsAre("household/given_name", "phone", "birth_date", "", "consent"));
    EXPECT_THAT((*rows)[1].cells,
                ElementsAre("محمد", "9647501234567", "1984-07-15", "1.5", "true"));
    EXPECT_THAT((*rows)[2].cells, ElementsAre("Fatima", "", "2000-02-29", "", "false"));
    // Row 4 is empty and left out; row 5 keeps its number so errors can name it.
    EXPECT_EQ((*rows)[3].number, 5);
    EXPECT_THAT((*rows)[3].cells, ElementsAre("", "", "1990"));
  }
}

TEST_F(XlsxReaderTest, ReadsANamedSheetAndListsTheSheetsWhenTheNameIsWrong) {
  const std::string book = Kobo(false);
  auto rows = ReadXlsxSheet("kobo.xlsx", book, {.sheet = "members"});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_EQ(Cells(*rows), (std::vector<std::vector<std::string>>{{"second sheet"}}));

  auto missing = ReadXlsxSheet("kobo.xlsx", book, {.sheet = "people"});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(),
            "kobo.xlsx: has no sheet named 'people' (it has: registrations, members)");
}

TEST_F(XlsxReaderTest, CellReferencesPlaceCellsInTheirColumns) {
  auto rows = ReadXlsxSheet(
      "a.xlsx", Handmade(R"(<x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>b</x:t></x:is></x:c>)"
                         R"(<x:c r="AA2"><x:v>7</x:v></x:c></x:row>)"
                         R"(<x:row><x:c t="inlineStr"><x:is><x:r><x:t>rich </x:t></x:r>)"
                         R"(<x:r><x:t>text</x:t></x:r><x:rPh><x:t>ignored</x:t></x:rPh></x:is>)"
                         R"(</x:c><x:c t="e"><x:v>#N/A</x:v></x:c></x:row>)"));
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].number, 2);
  ASSERT_EQ((*rows)[0].cells.size(), 27u);
  EXPECT_EQ((*rows)[0].cells[1], "b");
  EXPECT_EQ((*rows)[0].cells[26], "7");
  EXPECT_EQ((*rows)[1].number, 3);
  EXPECT_THAT((*rows)[1].cells, ElementsAre("rich text", "#N/A"));
}

TEST_F(XlsxReaderTest, SerialsOfCustomDateFormatsAndThe1904SystemBecomeDates) {
  const std::string styles =
      R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
      R"(<numFmts><numFmt numFmtId="164" formatCode="[$-409]d/m/yyyy"/>)"
      R"(<numFmt numFmtId="165" formatCode="0.0&quot;days&quot;"/></numFmts>)"
      R"(<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>)"
      R"(<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>)";
  const std::string rows =
      R"(<x:row r="1"><x:c r="A1" s="1"><x:v>30878.75</x:v></x:c><x:c r="B1" s="2"><x:v>30878</x:v></x:c>)"
      R"(<x:c r="C1" s="0"><x:v>30878</x:v></x:c><x:c r="D1" s="1"><x:v>59</x:v></x:c>)"
      R"(<x:c r="E1" t="d"><x:v>1984-07-15T00:00:00Z</x:v></x:c></x:row>)";
  auto dates = ReadXlsxSheet("a.xlsx", Handmade(rows, "", styles));
  ASSERT_TRUE(dates.ok()) << dates.status().ToString();
  EXPECT_THAT((*dates)[0].cells,
              ElementsAre("1984-07-15", "30878", "30878", "1900-02-28", "1984-07-15"));

  auto in1904 = ReadXlsxSheet("a.xlsx", Handmade(rows, R"(<workbookPr date1904="1"/>)", styles));
  ASSERT_TRUE(in1904.ok()) << in1904.status().ToString();
  EXPECT_EQ((*in1904)[0].cells[0], "1988-07-16");
}

TEST_F(XlsxReaderTest, RefusesWhatIsNotAWorkbook) {
  struct Case {
    std::string bytes;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"given_name,sex\nمحمد,male\n", "x.xlsx: is not an XLSX workbook (not a zip archive)"},
      {Zip({{"hello.txt", "hi"}}), "x.xlsx: is not an XLSX workbook (xl/workbook.xml is missing)"},
      {Handmade("<x:row><x:c><x:v>1</x:v></x:row>"),
       "x.xlsx: xl/worksheets/sheet1.xml: mismatched tag at line 1"},
      {Handmade(R"(<x:row r="1"><x:c r="A1" t="s"><x:v>3</x:v></x:c></x:row>)"),
       "x.xlsx: cell A1 refers to a missing shared string"},
      {Handmade(R"(<x:row r="2"><x:c r="A1"><x:v>3</x:v></x:c></x:row>)"),
       "x.xlsx: cell reference A1 is not in row 2"},
      {Handmade(R"(<x:row r="2"/><x:row r="1"/>)"), "x.xlsx: row 1 is out of order"},
  };
  for (const auto& c : cases) {
    auto rows = ReadXlsxSheet("x.xlsx", c.bytes);
    ASSERT_FALSE(rows.ok()) << c.message;
    EXPECT_EQ(rows.status().message(), c.message);
  }
}

TEST_F(XlsxReaderTest, RefusesADoctypeSoNoEntityIsEverExpanded) {
  const std::string laughs =
      R"(<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>)"
      R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">&lol2;</workbook>)";
  auto rows = ReadXlsxSheet("x.xlsx", Zip({{"xl/workbook.xml", laughs}}));
  ASSERT_FALSE(rows.ok());
  EXPECT_THAT(rows.status().message(), HasSubstr("has a DOCTYPE"));
}

TEST_F(XlsxReaderTest, StopsAtTheDecompressedSizeLimit) {
  // A zip bomb in small: 8 MiB of one repeated row compresses to a few kilobytes.
  std::string rows;
  const std::string row =
      R"(<x:row><x:c t="inlineStr"><x:is><x:t>aaaaaaaaaaaaaaaa</x:t></x:is></x:c></x:row>)";
  while (rows.size() < (size_t{8} << 20)) rows += row;
  const std::string bomb = Handmade(rows);
  EXPECT_LT(bomb.size(), size_t{100} << 10);
  auto read = ReadXlsxSheet("bomb.xlsx", bomb, {.max_uncompressed_bytes = size_t{1} << 20});
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().message(), "bomb.xlsx: is too large: more than 1 MiB once decompressed");
}

TEST(XlsxColumnNameTest, NamesColumnsAsSpreadsheetsDo) {
  EXPECT_EQ(XlsxColumnName(0), "A");
  EXPECT_EQ(XlsxColumnName(25), "Z");
  EXPECT_EQ(XlsxColumnName(26), "AA");
  EXPECT_EQ(XlsxColumnName(27), "AB");
  EXPECT_EQ(XlsxColumnName(16383), "XFD");
}

}  // namespace
}  // namespace sanad::io
