// ReportServices: the services of the reports module built over one database, one place
// directory, one clock and the server's disclosure threshold, so the server and tools wire them
// in one line. Thread-safe as its members are.
#pragma once

#include <cstdint>

#include "base/clock.h"
#include "registry/place_directory.h"
#include "reports/indicator_service.h"
#include "reports/report_service.h"
#include "store/database.h"

namespace sanad::reports {

struct ReportServices {
  ReportServices(store::Database& db, const registry::PlaceDirectory& places, const Clock& clock,
                 int64_t disclosure_threshold)
      : indicators(db, places, clock), reports(db, places, clock, disclosure_threshold) {}

  IndicatorService indicators;
  ReportService reports;
};

}  // namespace sanad::reports
