#include "io/table_reader.h"

#include <algorithm>

#include "io/csv_reader.h"
#include "io/xlsx_reader.h"

namespace sanad::io {
namespace {

bool Blank(const std::vector<std::string>& cells) {
  return std::all_of(cells.begin(), cells.end(), [](const std::string& c) {
    return c.find_first_not_of(" \t") == std::string::npos;
  });
}

}  // namespace

TableFormat DetectTableFormat(std::string_view bytes) {
  return bytes.starts_with("PK\x03\x04") ? TableFormat::kXlsx : TableFormat::kCsv;
}

Result<Table> ReadTable(const std::string& source, std::string_view bytes,
                        const TableOptions& options) {
  Table table{.format = DetectTableFormat(bytes)};
  // Without these, a workbook that is not a zip would be read as CSV and answered with header
  // problems that say nothing about what is wrong with the file.
  if (bytes.starts_with("\xD0\xCF\x11\xE0")) {
    return Status::InvalidArgument(source +
                                   ": an Excel 97-2003 (.xls) workbook; save it as .xlsx or CSV");
  }
  if (table.format == TableFormat::kCsv && source.ends_with(".xlsx")) {
    return Status::InvalidArgument(source + ": not an XLSX workbook (not a zip archive)");
  }
  auto add = [&table](int line, std::vector<std::string> cells) {
    if (Blank(cells)) return;
    if (table.header_line == 0) {
      table.header_line = line;
      table.header = std::move(cells);
    } else {
      table.rows.push_back({line, std::move(cells)});
    }
  };
  if (table.format == TableFormat::kXlsx) {
    SANAD_ASSIGN_OR_RETURN(
        auto rows, ReadXlsxSheet(source, bytes,
                                 {.sheet = options.sheet,
                                  .max_uncompressed_bytes = options.max_uncompressed_bytes}));
    for (auto& r : rows) add(r.number, std::move(r.cells));
    return table;
  }
  CsvReader reader(source, bytes);
  std::vector<std::string> fields;
  while (reader.Next(&fields)) add(reader.record_line(), std::move(fields));
  SANAD_RETURN_IF_ERROR(reader.status());
  return table;
}

}  // namespace sanad::io
