// Turning the rows of an import file (one per person, docs/import.md) into households: the
// header mapped through import_columns.h, rows grouped by household_ref, the household's fields
// taken from its head's row, every household checked by the validator, and every problem named
// by the file's row and column. Part of HouseholdImporter; pure functions, thread-safe.
#pragma once

#include <string>
#include <vector>

#include "base/partial_date.h"
#include "io/table_reader.h"
#include "registry/household.h"
#include "registry/household_import.h"
#include "registry/household_validator.h"

namespace sanad::registry {

// One household of the file.
struct FileHousehold {
  std::string ref;        // its household_ref
  std::vector<int> rows;  // the file row of each member, in member order
  Household household;    // validated and tidied when `valid`
  bool valid = false;
  bool duplicate = false;  // one of its people is probably registered already
  bool skip = false;       // left out of the import (DuplicatePolicy::kSkip)
};

// The households of `table` in the order they first appear. Problems are appended to
// *problems in row order; a header problem stops there (no household is returned).
std::vector<FileHousehold> HouseholdsFromRows(const io::Table& table, const ValidationContext& ctx,
                                              std::vector<ImportProblem>* problems);

// The latest calendar date anywhere on earth at `now_seconds` (UTC+14), against which dates of
// birth are checked, as HouseholdService does.
PartialDate LatestToday(int64_t now_seconds);

}  // namespace sanad::registry
