// HouseholdImporter: registering many households at once from a CSV or XLSX file of one row per
// person (docs/import.md). Every row is checked with the same validator as the API, every
// person is checked against the organisation's registry and the earlier rows of the file for
// probable duplicates, and the households are written all together in one transaction, each
// audited as a create — or, when anything is wrong, not at all. Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "access/actor.h"
#include "base/clock.h"
#include "base/status.h"
#include "matching/person_matcher.h"
#include "registry/household_observer.h"
#include "registry/people_index.h"
#include "registry/place_directory.h"
#include "store/database.h"

namespace sanad::registry {

// What to do with a household one of whose people is probably registered already.
enum class DuplicatePolicy {
  kRefuse,  // a problem like any other: nothing is imported (the default)
  kSkip,    // leave that household out, import the others, list it in the report
  kAllow,   // import it anyway (the report lists it; a dedup run can merge it later)
};

// One problem: the file's row (line of a CSV, row number of a sheet; 0 for the file as a
// whole), the column as named in the file's header ("" for the whole row), and the reason.
// `character` is set instead of `column` for CSV syntax errors (unclosed quotes).
struct ImportProblem {
  int row = 0;
  std::string column;
  int character = 0;
  std::string reason;
  bool operator==(const ImportProblem&) const = default;
};

// "FILE:ROW:COLUMN: reason" (or FILE:ROW:CHARACTER: / FILE:ROW: / FILE:).
std::string FormatProblem(std::string_view source, const ImportProblem& p);
// The CSV or XLSX reader's "x.csv:3:14: reason" as {row 3, character 14, reason}; any other
// reading error as a problem of the whole file. Shared by every file import.
ImportProblem ReadingProblem(const std::string& source, const Status& s);
// A header cell as a column key: trimmed, lower case, spaces and dashes as '_' ("Contact
// Name" → "contact_name").
std::string ImportHeaderName(std::string_view cell);

// A person of the file who is probably someone already registered (household_id and
// member_id set) or someone on an earlier row of the same file (other_row set).
struct ProbableDuplicate {
  int row = 0;
  std::string name;  // the person as written in the file
  int64_t household_id = 0;
  int64_t member_id = 0;
  int other_row = 0;
  std::string other_name;  // the registered person's (or the earlier row's) name
  double score = 0;
  std::vector<matching::MatchReason> reasons;
  bool skipped = false;  // its household was left out (DuplicatePolicy::kSkip)
};

struct ImportReport {
  bool dry_run = true;
  bool imported = false;  // whether households were written
  int households = 0;     // households in the file
  int people = 0;         // people (rows) in the file
  int households_imported = 0;
  int people_imported = 0;
  int households_skipped = 0;
  std::vector<ImportProblem> problems;  // in file order
  std::vector<ProbableDuplicate> duplicates;
  std::vector<int64_t> household_ids;  // of the households written, in file order
};

struct ImportRequest {
  std::string source;  // the file's name, for messages
  std::string_view bytes;
  std::string sheet;  // XLSX: the worksheet's name; "" for the first
  bool dry_run = true;
  DuplicatePolicy duplicates = DuplicatePolicy::kRefuse;
};

class HouseholdImporter {
 public:
  // `people` is the registry's people index (probable duplicates are looked for among those of
  // the actor's organisation); `observer`, if any, is told about each household written.
  HouseholdImporter(store::Database& db, const PlaceDirectory& places, const Clock& clock,
                    const PeopleIndex& people, HouseholdObserver* observer = nullptr)
      : db_(db), places_(places), clock_(clock), people_(people), observer_(observer) {}

  // PermissionDenied for roles that may not import. Otherwise a report: the households are
  // written only when this is not a dry run, the file has no problem, and no household has a
  // probable duplicate that the policy refuses; `imported` says whether they were. Store
  // failures (unavailable, internal) are returned as errors and nothing is written.
  Result<ImportReport> Import(const access::Actor& actor, const ImportRequest& request) const;

  // The score from which a pair is reported: matching::kSuggestThreshold (a person decides).
  static double ProbableDuplicateScore();
  // Largest number of rows a file may have.
  static constexpr int kMaxRows = 100'000;

 private:
  store::Database& db_;
  const PlaceDirectory& places_;
  const Clock& clock_;
  const PeopleIndex& people_;
  HouseholdObserver* observer_;
};

}  // namespace sanad::registry
