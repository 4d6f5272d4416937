// The 4W (who does what, where, when; docs/programmes.md, "Reports and exports"): one row per
// organisation × project × sector × activity kind × governorate × district × month with the
// unique people reached and their sex, age group and population group, under a header row and
// a row of HXL hashtags. A public 4W has its counts of people suppressed (disclosure.h); an
// internal one is exact and says so on every row. Never a name or id of a person. Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "io/table_writer.h"
#include "registry/place_directory.h"
#include "reports/publication.h"
#include "reports/report_period.h"
#include "store/database.h"
#include "store/reach_store.h"

namespace sanad::reports {

struct FourWQuery {
  Period period;           // both bounds set
  int64_t project_id = 0;  // 0 = every project and none
  std::string sector;      // "" = every sector
  Audience audience = Audience::kPublic;
};

// One row before publication.
struct FourWLine {
  std::string organisation;
  std::string project_code;
  std::string project_name;
  std::string donor;
  std::string sector;
  std::string kind;
  std::string adm1_code;
  std::string adm1_name;
  std::string adm2_code;
  std::string adm2_name;
  std::string month;  // YYYY-MM
  store::ReachRow reach;
};

// The header row and the HXL row.
std::vector<io::TableRow> FourWHeader();

// The table as published: header, hashtags, then one row per line with `today` deciding the
// status (a month ended before today is completed, else ongoing). Pure.
std::vector<io::TableRow> FourWTable(const std::vector<FourWLine>& lines, Audience audience,
                                     int64_t threshold, const std::string& today);

// The lines of the organisation's service records for the query.
Result<std::vector<FourWLine>> FourWLines(store::Connection& c, int64_t organisation_id,
                                          const std::string& organisation_name, const FourWQuery& q,
                                          const registry::PlaceDirectory& places);

}  // namespace sanad::reports
