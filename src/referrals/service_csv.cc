#include "referrals/service_csv.h"

#include "io/csv_reader.h"

namespace sanad::referrals {
namespace {

std::string* Field(Service* s, std::string_view column) {
  if (column == "type") return &s->type;
  if (column == "name") return &s->name;
  if (column == "pcode") return &s->pcode;
  if (column == "contact_name") return &s->contact_name;
  if (column == "contact_phone") return &s->contact_phone;
  if (column == "contact_email") return &s->contact_email;
  if (column == "eligibility") return &s->eligibility;
  return nullptr;
}

std::string KnownColumns() {
  std::string out;
  for (std::string_view c : kServiceCsvColumns) out += (out.empty() ? "" : ", ") + std::string(c);
  return out;
}

bool Blank(const std::vector<std::string>& cells) {
  for (const auto& c : cells) {
    if (c.find_first_not_of(" \t") != std::string::npos) return false;
  }
  return true;
}

}  // namespace

ServiceCsv ReadServiceCsv(const std::string& source, std::string_view text) {
  ServiceCsv out;
  io::CsvReader reader(source, text);
  std::vector<std::string> cells;
  std::vector<std::string> columns;  // by position; "" for a column that is not read
  int header_line = 0;
  while (reader.Next(&cells)) {
    if (Blank(cells)) continue;
    header_line = reader.record_line();
    for (const auto& cell : cells) {
      std::string name = registry::ImportHeaderName(cell);
      bool known = false;
      for (std::string_view c : kServiceCsvColumns) known = known || c == name;
      bool repeated = false;
      for (const auto& seen : columns) repeated = repeated || (!name.empty() && seen == name);
      if (!known) {
        out.problems.push_back(
            {.row = header_line,
             .column = cell,
             .reason = "is not a column of the service directory (" + KnownColumns() + ")"});
        name.clear();
      } else if (repeated) {
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
    out.problems.push_back(
        {.reason = "is empty: the first line must name the columns (" + KnownColumns() + ")"});
    return out;
  }
  for (std::string_view required : kRequiredServiceCsvColumns) {
    bool found = false;
    for (const auto& c : columns) found = found || c == required;
    if (!found) {
      out.columns_ok = false;
      out.problems.push_back(
          {.row = header_line, .column = std::string(required), .reason = "is missing"});
    }
  }
  while (reader.Next(&cells)) {
    if (Blank(cells)) continue;
    if (out.rows.size() == kMaxServiceCsvRows) {
      out.problems.push_back({.row = reader.record_line(),
                              .reason = "is beyond the limit of " +
                                        std::to_string(kMaxServiceCsvRows) +
                                        " services: split the file"});
      return out;
    }
    ServiceRow row{.line = reader.record_line()};
    if (cells.size() > columns.size()) {
      out.problems.push_back({.row = row.line,
                              .reason = "has " + std::to_string(cells.size()) +
                                        " cells but the header names " +
                                        std::to_string(columns.size()) + " columns"});
    }
    for (size_t i = 0; i < cells.size() && i < columns.size(); ++i) {
      if (std::string* f = Field(&row.service, columns[i])) *f = std::move(cells[i]);
    }
    out.rows.push_back(std::move(row));
  }
  if (!reader.status().ok())
    out.problems.push_back(registry::ReadingProblem(source, reader.status()));
  return out;
}

}  // namespace sanad::referrals
