// Reading a CSV file of services (the columns of docs/cases.md, "Services and referrals") into
// rows to validate: the header names the columns in any order; every problem with the file's
// shape is reported with its line and column. Pure function; thread-safe.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "referrals/service.h"
#include "registry/household_import.h"

namespace sanad::referrals {

inline constexpr std::array<std::string_view, 7> kServiceCsvColumns = {
    "type", "name", "pcode", "contact_name", "contact_phone", "contact_email", "eligibility"};
inline constexpr std::array<std::string_view, 3> kRequiredServiceCsvColumns = {"type", "name",
                                                                               "pcode"};
inline constexpr size_t kMaxServiceCsvRows = 5000;

struct ServiceRow {
  int line = 0;  // where the row starts in the file
  Service service;
};

struct ServiceCsv {
  std::vector<ServiceRow> rows;                   // rows with any text, in file order
  std::vector<registry::ImportProblem> problems;  // of the file's shape; rows are not validated
  // False when a required column is missing: then every row would repeat that problem, so
  // rows are not worth validating.
  bool columns_ok = true;
};

// Reads `text` (UTF-8, RFC 4180, an optional byte-order mark). Header names are matched
// without regard to case or surrounding spaces. Problems: malformed CSV (line and character),
// an empty file, unknown, repeated or missing columns (the header's line), a row with more
// cells than the header, more than kMaxServiceCsvRows rows.
ServiceCsv ReadServiceCsv(const std::string& source, std::string_view text);

}  // namespace sanad::referrals
