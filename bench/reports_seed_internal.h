// Inside the reports benchmark's seeding: the registry as the generator sees it (compact, in
// memory), the organisations, offices and projects the records name, a writer of multi-row
// INSERTs in large transactions, and the generator of service records (reports_records.cc).
// One thread.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/database.h"

namespace sanad::bench {

struct SeedPerson {
  int64_t id = 0;
  int64_t household_id = 0;
  int64_t key = 0;         // who the registry says they are: merged_into, else id
  int32_t birth_year = 0;  // as service_record_store.cc copies it: 0 unknown
  uint32_t sex = 0;        // index into SeedRegistry::sexes (people.sex as stored)
  uint32_t group = 0;      // index into SeedRegistry::groups (store::PopulationGroup)
  uint32_t place = 0;      // the household's place, index into SeedRegistry::places
  uint32_t household = 0;  // index into SeedRegistry::households
};

struct SeedHousehold {
  int64_t id = 0;
  uint32_t first = 0;  // index of its first member in SeedRegistry::people
  uint32_t size = 0;
  uint32_t place = 0;
};

struct SeedRegistry {
  std::vector<SeedPerson> people;  // live members, by id
  std::vector<SeedHousehold> households;
  std::vector<std::string> sexes;
  std::vector<std::string> groups;
  std::vector<std::string> places;               // households' P-codes (subdistricts)
  std::vector<std::vector<uint32_t>> people_at;  // by place: indexes into people
  int64_t merged = 0;                            // people merged into another
};

struct SeedProject {
  int64_t id = 0;
  int64_t office_id = 0;
};

struct SeedProgramme {
  int64_t organisation_id = 0;  // the registry's organisation
  int64_t partner_health = 0;   // receives health and MHPSS referrals
  int64_t partner_legal = 0;    // receives legal, livelihoods, cash and shelter referrals
  std::map<std::string, SeedProject, std::less<>> by_sector;  // the organisation's projects
  SeedProject health_project;    // the health partner's own (its activities)
  std::vector<int64_t> offices;  // the organisation's
};

// Rows of several tables buffered and written with multi-row INSERTs (bound parameters), all
// tables in one transaction every `rows_per_transaction` rows, in the order they were added (so
// a row may reference one of an earlier table).
class BulkWriter {
 public:
  BulkWriter(store::Database& db, int64_t rows_per_transaction)
      : db_(db), rows_per_transaction_(rows_per_transaction) {}

  // Returns the table's handle for Add.
  size_t AddTable(std::string name, std::vector<std::string> columns);
  // One row, a value per column; writes everything buffered when the transaction is full.
  Status Add(size_t table, std::initializer_list<store::Value> row);
  Status Flush();
  int64_t rows(size_t table) const { return tables_.at(table).written; }
  double seconds() const { return seconds_; }

 private:
  struct Table {
    std::string name;
    std::vector<std::string> columns;
    std::vector<store::Value> values;  // buffered rows, flat
    int64_t written = 0;
  };
  Status WriteTable(store::Connection& c, const Table& t) const;

  store::Database& db_;
  int64_t rows_per_transaction_;
  std::vector<Table> tables_;
  int64_t buffered_ = 0;
  double seconds_ = 0;
};

// What WriteRecords wrote.
struct RecordCounts {
  std::map<std::string, int64_t, std::less<>> by_source;  // rows
  int64_t counted_rows = 0;
  int64_t activities = 0;
  int64_t attendance = 0;
  int64_t rows = 0;
  double seconds = 0;
  std::vector<uint32_t> per_person;  // rows of each person of the registry (its index)
};

// About `records` service records of the four sources over kReportsFrom..kReportsTo, with done
// activities and their attendance, deterministic for `seed`.
Result<RecordCounts> WriteRecords(store::Database& db, const SeedRegistry& registry,
                                  const SeedProgramme& programme, int64_t records, uint64_t seed);

}  // namespace sanad::bench
