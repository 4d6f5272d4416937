// Writing a table (a header row and data rows of text) as CSV (RFC 4180, UTF-8 with a byte
// order mark so Excel reads Arabic) or as an XLSX workbook of one or more sheets
// (libxlsxwriter). Cells
// that a spreadsheet would run as a formula (=, +, -, @ first) are written as text with a
// leading apostrophe in CSV. Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"

namespace sanad::io {

using TableRow = std::vector<std::string>;

std::string WriteCsv(const std::vector<TableRow>& rows);
// The bytes of an .xlsx file; Internal when libxlsxwriter fails.
Result<std::string> WriteXlsx(const std::string& sheet_name, const std::vector<TableRow>& rows);

// One worksheet of a workbook: its tab name and rows (the first row is the header, in bold).
struct XlsxSheet {
  std::string name;
  std::vector<TableRow> rows;
};
// The bytes of an .xlsx file with these sheets in order; Internal when libxlsxwriter fails.
Result<std::string> WriteXlsxSheets(const std::vector<XlsxSheet>& sheets);

}  // namespace sanad::io
