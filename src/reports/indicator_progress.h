// Computing an indicator's progress (docs/programmes.md, "Indicators"): its value over a period
// from service records (people, households, times served: store/reach_store.h) or from done
// activities (store/report_store.h), the sex × age group × population group cells of people
// reached, and a series by month (with the cumulative value to the end of each month) or by
// governorate. Runs on a Connection inside the caller's transaction; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "programmes/programme.h"
#include "registry/place_directory.h"
#include "reports/indicator.h"
#include "reports/report_period.h"
#include "store/database.h"
#include "store/reach_store.h"

namespace sanad::reports {

enum class SeriesBy { kNone, kMonth, kPlace };

struct SeriesPoint {
  std::string key;                    // YYYY-MM, or a governorate's P-code
  std::string label;                  // the month, or the governorate's English name
  int64_t value = 0;                  // within the month or the governorate
  std::optional<int64_t> cumulative;  // months only: to the end of the month, from the start
};

struct Progress {
  Indicator indicator;
  Period period;
  int64_t value = 0;
  int64_t times_served = 0;     // measures over service records only
  int64_t counted = 0;          // people_reached: counted (not registered) people in value
  std::optional<double> ratio;  // value / target; nullopt without a target
  std::vector<store::ReachCell> disaggregation;  // people_reached only; adds up to value
  std::vector<SeriesPoint> series;
};

// The reach filter of an indicator of `project` over `period`: the project's records
// (project_only), else the organisation's records in the project's places.
store::ReachFilter ReachFilterOf(const Indicator& indicator, const programmes::Project& project,
                                 const Period& period);

Result<Progress> ComputeProgress(store::Connection& c, const Indicator& indicator,
                                 const programmes::Project& project, const Period& period,
                                 SeriesBy by, const registry::PlaceDirectory& places);

}  // namespace sanad::reports
