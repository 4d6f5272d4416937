// ReadXlsxSheet: the cells of one worksheet of an XLSX workbook (Office Open XML, as written by
// Excel, LibreOffice and KoboToolbox) held in memory, as text. Shared and inline strings,
// numbers, booleans, formula results and dates stored as serial numbers in a date format (as
// YYYY-MM-DD) are all read; empty cells come back as "". Pure function; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace sanad::io {

struct XlsxOptions {
  // The worksheet to read by its name as shown on its tab; "" reads the first one.
  std::string sheet;
  // Reading stops with an error once this many bytes have been decompressed from the archive
  // in all (a zip bomb expands a few kilobytes into gigabytes).
  size_t max_uncompressed_bytes = size_t{256} << 20;
};

// One row of a worksheet: its row number as the spreadsheet shows it (1-based; rows without
// any cell are absent) and its cells from column A on, up to the last non-empty one.
struct XlsxRow {
  int number = 0;
  std::vector<std::string> cells;
};

// Returns the rows in order, or InvalidArgument "SOURCE: reason" when the bytes are not an
// XLSX workbook, the sheet is missing (the message lists the sheets there are), the XML is
// malformed, or the content is larger than max_uncompressed_bytes.
Result<std::vector<XlsxRow>> ReadXlsxSheet(const std::string& source, std::string_view bytes,
                                           const XlsxOptions& options = {});

// The column letters of a 0-based column index (0 → "A", 27 → "AB").
std::string XlsxColumnName(size_t index);

}  // namespace sanad::io
