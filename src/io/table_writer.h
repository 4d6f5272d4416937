// Writing a table (a header row and data rows of text) as CSV (RFC 4180, UTF-8 with a byte
// order mark so Excel reads Arabic) or as an XLSX workbook of one sheet (libxlsxwriter). Cells
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

}  // namespace sanad::io
