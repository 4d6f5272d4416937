// ReadReconciliationCsv (cash_reconciliation.h): the provider file's shape, before any line is
// checked against the round.
#include <cctype>
#include <charconv>

#include "assistance/cash_reconciliation.h"
#include "io/csv_reader.h"

namespace sanad::assistance {
namespace {

std::string HeaderName(std::string_view cell) {
  const auto first = cell.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  cell = cell.substr(first, cell.find_last_not_of(" \t") - first + 1);
  std::string out(cell);
  for (char& ch : out) {
    ch = (ch == ' ' || ch == '-') ? '_'
                                  : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return out;
}

// The CSV reader's "SOURCE:LINE:COL: reason" as a problem with line and character.
registry::ImportProblem ReadingProblem(const std::string& source, const Status& s) {
  std::string_view m = s.message();
  registry::ImportProblem p{.reason = std::string(m)};
  if (!m.starts_with(source + ":")) return p;
  m.remove_prefix(source.size() + 1);
  int line = 0;
  int character = 0;
  const char* end = m.data() + m.size();
  const auto [a, ea] = std::from_chars(m.data(), end, line);
  if (ea != std::errc() || a == end || *a != ':') return p;
  const auto [b, eb] = std::from_chars(a + 1, end, character);
  if (eb != std::errc() || b + 1 >= end || *b != ':') return p;
  return {.row = line, .character = character, .reason = std::string(b + 2, end)};
}

std::string* Cell(ReconciliationLine* l, std::string_view column) {
  if (column == "reference") return &l->reference;
  if (column == "provider_reference") return &l->provider_reference;
  if (column == "amount") return &l->amount;
  if (column == "currency") return &l->currency;
  if (column == "status") return &l->status;
  if (column == "date") return &l->date;
  if (column == "reason") return &l->reason;
  return nullptr;
}

bool IsColumn(std::string_view name) {
  for (std::string_view c : kReconciliationColumns) {
    if (c == name) return true;
  }
  return false;
}

bool Blank(const std::vector<std::string>& cells) {
  for (const auto& c : cells) {
    if (c.find_first_not_of(" \t") != std::string::npos) return false;
  }
  return true;
}

bool Has(const std::vector<std::string>& columns, std::string_view name) {
  for (const auto& c : columns) {
    if (c == name) return true;
  }
  return false;
}

}  // namespace

ReconciliationFile ReadReconciliationCsv(const std::string& source, std::string_view text) {
  ReconciliationFile out;
  io::CsvReader reader(source, text);
  std::vector<std::string> cells;
  std::vector<std::string> columns;  // by position; "" for a column that is not read
  int header_line = 0;
  while (reader.Next(&cells)) {
    if (Blank(cells)) continue;
    header_line = reader.record_line();
    for (const auto& cell : cells) {
      std::string name = HeaderName(cell);
      if (!IsColumn(name)) {
        name.clear();  // the provider's own column
      } else if (Has(columns, name)) {
        out.problems.push_back({.row = header_line, .column = name, .reason = "appears twice"});
        name.clear();
      }
      columns.push_back(std::move(name));
    }
    break;
  }
  if (!reader.status().ok()) {
    out.problems.push_back(ReadingProblem(source, reader.status()));
    return out;
  }
  if (header_line == 0) {
    out.problems.push_back({.reason =
                                "is empty: the first line must name the columns (reference or "
                                "provider_reference, amount, currency, status, date, reason)"});
    return out;
  }
  for (std::string_view required : {"amount", "status"}) {
    if (!Has(columns, required)) {
      out.problems.push_back(
          {.row = header_line, .column = std::string(required), .reason = "is missing"});
    }
  }
  if (!Has(columns, "reference") && !Has(columns, "provider_reference")) {
    out.problems.push_back({.row = header_line,
                            .column = "reference",
                            .reason = "is missing: name the transfer by reference (ours, "
                                      "TR-000040) or provider_reference"});
  }
  while (reader.Next(&cells)) {
    if (Blank(cells)) continue;
    if (out.lines.size() == kMaxReconciliationLines) {
      out.problems.push_back({.row = reader.record_line(),
                              .reason = "is beyond the limit of " +
                                        std::to_string(kMaxReconciliationLines) +
                                        " lines: split the file"});
      return out;
    }
    ReconciliationLine line{.line = reader.record_line()};
    if (cells.size() > columns.size()) {
      out.problems.push_back({.row = line.line,
                              .reason = "has " + std::to_string(cells.size()) +
                                        " cells but the header names " +
                                        std::to_string(columns.size()) + " columns"});
    }
    for (size_t i = 0; i < cells.size() && i < columns.size(); ++i) {
      if (std::string* f = Cell(&line, columns[i])) *f = std::move(cells[i]);
    }
    out.lines.push_back(std::move(line));
  }
  if (!reader.status().ok()) out.problems.push_back(ReadingProblem(source, reader.status()));
  return out;
}

}  // namespace sanad::assistance
