// The donor report of a project (docs/programmes.md, "Reports and exports"): the project (dates,
// donor, budget, spending by category and month), its indicators' progress with
// disaggregation, activities held by type, and people reached by month and governorate, as
// worksheets. Counts of people are suppressed in a public report. Built on a Connection inside
// the caller's transaction; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "io/table_writer.h"
#include "programmes/programme.h"
#include "registry/place_directory.h"
#include "reports/publication.h"
#include "reports/report_period.h"
#include "store/database.h"

namespace sanad::reports {

struct DonorReportInput {
  const programmes::Project& project;
  Period period;  // both bounds set
  Audience audience = Audience::kPublic;
  int64_t threshold = kDefaultDisclosureThreshold;
};

Result<std::vector<io::XlsxSheet>> DonorReportSheets(store::Connection& c,
                                                     const DonorReportInput& in,
                                                     const registry::PlaceDirectory& places);

// The worksheets of the indicators workbook: one per project, with its indicators' rows
// (indicator_sheet.h) over `periods[i]`, the project's period.
Result<std::vector<io::XlsxSheet>> IndicatorWorkbookSheets(
    store::Connection& c, const std::vector<programmes::Project>& projects,
    const std::vector<Period>& periods, Audience audience, int64_t threshold,
    const registry::PlaceDirectory& places);

}  // namespace sanad::reports
