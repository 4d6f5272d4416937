// SQL of service_records (migration 0006_programmes.sql; docs/programmes.md, "Service
// records"): one row each time someone was served, written by the module that served them in its
// own transaction, and the rewrite of person_key when deduplication merges or separates people.
// Functions run on a Connection inside the caller's transaction.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "base/status.h"
#include "store/database.h"

namespace sanad::store {

// What every row of one serving event shares.
struct ServiceRecordBase {
  int64_t organisation_id = 0;  // who served
  int64_t project_id = 0;       // 0 = none
  int64_t office_id = 0;        // 0 = none
  std::string sector;
  std::string source;  // activity, collection, case_service, referral
  int64_t source_id = 0;
  std::string kind;
  std::string pcode;      // where
  std::string served_on;  // YYYY-MM-DD
};

// One row per registered person, with sex, birth year and population group copied from the
// registry and person_key the person they are after deduplication. Ids that are not people
// are skipped.
Status InsertPeopleRecords(Connection& c, const ServiceRecordBase& base,
                           std::span<const int64_t> person_ids);
// One row per live member (not archived, not merged away) of the household.
Status InsertHouseholdRecords(Connection& c, const ServiceRecordBase& base, int64_t household_id);
// One row of `count` people counted, not registered.
Status InsertCountedRecord(Connection& c, const ServiceRecordBase& base, std::string_view sex,
                           std::string_view age_group, std::string_view population_group,
                           int64_t count);
// Removes the rows of one serving event (a voided collection, replaced attendance); how many.
Result<int64_t> DeleteServiceRecords(Connection& c, std::string_view source, int64_t source_id);
// After a merge or its undo: rewrites person_key of the rows of these people and of everyone
// merged into them, directly or through others.
Status RekeyServiceRecords(Connection& c, std::span<const int64_t> person_ids);

// The population group of a household's displacement status: idp, returnee, refugee, host,
// other (migrants), or unknown.
std::string_view PopulationGroup(std::string_view displacement_status);

}  // namespace sanad::store
