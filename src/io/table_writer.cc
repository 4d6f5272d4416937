#include "io/table_writer.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace sanad::io {
namespace {

bool LooksLikeFormula(const std::string& cell) {
  return !cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@');
}

void AppendCsvCell(const std::string& cell, std::string* out) {
  const std::string text = LooksLikeFormula(cell) ? "'" + cell : cell;
  if (text.find_first_of(",\"\r\n") == std::string::npos) {
    *out += text;
    return;
  }
  *out += '"';
  for (char ch : text) {
    if (ch == '"') *out += '"';
    *out += ch;
  }
  *out += '"';
}

}  // namespace

std::string WriteCsv(const std::vector<TableRow>& rows) {
  std::string out = "\xEF\xBB\xBF";
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      AppendCsvCell(row[i], &out);
    }
    out += "\r\n";
  }
  return out;
}

Result<std::string> WriteXlsx(const std::string& sheet_name, const std::vector<TableRow>& rows) {
  return WriteXlsxSheets({{.name = sheet_name, .rows = rows}});
}

Result<std::string> WriteXlsxSheets(const std::vector<XlsxSheet>& sheets) {
  // libxlsxwriter writes to a file: a private temporary one, removed before returning.
  char path[] = "/tmp/sanad-export-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) return Status::Internal("cannot create a temporary file for the export");
  close(fd);
  lxw_workbook_options options{
      .constant_memory = LXW_TRUE, .tmpdir = nullptr, .use_zip64 = LXW_FALSE};
  lxw_workbook* book = workbook_new_opt(path, &options);
  if (!book) {
    std::remove(path);
    return Status::Internal("cannot start the XLSX export");
  }
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  // In constant-memory mode each sheet is written row by row, one sheet after the other.
  for (const XlsxSheet& s : sheets) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, s.name.c_str());
    if (!sheet) {  // a name the format refuses (too long, a repeat ignoring case, […]:*?/\)
      workbook_close(book);
      std::remove(path);
      return Status::Internal("cannot add the sheet \"" + s.name + "\" to the XLSX export");
    }
    const auto& rows = s.rows;
    for (size_t r = 0; r < rows.size(); ++r) {
      for (size_t col = 0; col < rows[r].size(); ++col) {
        worksheet_write_string(sheet, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(col),
                               rows[r][col].c_str(), r == 0 ? bold : nullptr);
      }
    }
  }
  const lxw_error closed = workbook_close(book);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream data;
  data << in.rdbuf();
  std::remove(path);
  if (closed != LXW_NO_ERROR) {
    return Status::Internal(std::string("XLSX export failed: ") + lxw_strerror(closed));
  }
  return data.str();
}

}  // namespace sanad::io
