// Indicators' progress as spreadsheet rows (docs/programmes.md, "Indicators"; the indicators
// workbook and the donor report): one row per indicator with its target, value, ratio and
// people by sex × age group, then one row per indicator of its cumulative value by month. For a
// public file the counts of people are suppressed (disclosure.h, publication.h). Pure;
// thread-safe.
#pragma once

#include <cstdint>
#include <vector>

#include "io/table_writer.h"
#include "reports/indicator_progress.h"
#include "reports/publication.h"

namespace sanad::reports {

// `progress` computed with SeriesBy::kMonth over one period (the months are the first's).
std::vector<io::TableRow> IndicatorRows(const std::vector<Progress>& progress, Audience audience,
                                        int64_t threshold);

// True for measures that count people (or households of people): suppressed in public files.
bool CountsPeople(const std::string& measure);

}  // namespace sanad::reports
