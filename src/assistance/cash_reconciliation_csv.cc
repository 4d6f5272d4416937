// ReadReconciliationCsv (cash_reconciliation.h): the provider file's shape, before any line is
// checked against the round.
#include <cctype>

#include "assistance/cash_reconciliation.h"
#include "io/csv_reader.h"

namespace sanad::assistance {
namespace {

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
      std::string name = registry::ImportHeaderName(cell);
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
    out.problems.push_back(registry::ReadingProblem(source, reader.status()));
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
  if (!reader.status().ok())
    out.problems.push_back(registry::ReadingProblem(source, reader.status()));
  return out;
}

}  // namespace sanad::assistance
