// ReadTable: a file of rows and columns — CSV (UTF-8, RFC 4180) or an XLSX worksheet — as a
// header and rows of text cells, each row with the line (CSV) or row number (XLSX) it came from
// so problems can name it. Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace sanad::io {

enum class TableFormat { kCsv, kXlsx };

struct TableRow {
  int line = 0;
  std::vector<std::string> cells;
};

struct Table {
  TableFormat format = TableFormat::kCsv;
  int header_line = 0;  // 0 when the file is empty
  std::vector<std::string> header;
  std::vector<TableRow> rows;  // rows without any text are left out
};

struct TableOptions {
  std::string sheet;  // XLSX: the worksheet's name; "" for the first
  size_t max_uncompressed_bytes = size_t{256} << 20;
};

// XLSX when the bytes start like a zip archive, CSV otherwise.
TableFormat DetectTableFormat(std::string_view bytes);

// InvalidArgument "SOURCE:LINE:COLUMN: reason" for malformed CSV (an unclosed quote, text after
// a closing quote), "SOURCE: reason" for a bad workbook (xlsx_reader.h), an old .xls workbook,
// or a SOURCE named .xlsx whose bytes are not a zip archive.
Result<Table> ReadTable(const std::string& source, std::string_view bytes,
                        const TableOptions& options = {});

}  // namespace sanad::io
