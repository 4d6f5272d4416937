// The people file of `sanad dedup`: a UTF-8 CSV with a header naming some of the columns
// id, given_name, father_name, grandfather_name, family_name, name_latin, sex, birth_date, pcode,
// phone, document_number, in any order (id is required). Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "matching/person_matcher.h"

namespace sanad::io {

struct PersonCsv {
  std::vector<matching::PersonRecord> records;  // in file order
  std::vector<int> lines;                       // the line each record starts on
};

// Parses the whole file. On the first problem, InvalidArgument "SOURCE:LINE:COLUMN: reason"
// (columns count characters from 1): bad UTF-8, a malformed or unknown header, an unclosed
// quote, a row with more or fewer fields than the header, an empty or repeated id, a sex other
// than f/m/female/male, an invalid birth date.
Result<PersonCsv> ReadPersonCsv(const std::string& source, std::string_view text);

}  // namespace sanad::io
