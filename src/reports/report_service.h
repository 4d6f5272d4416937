// ReportService: the dashboard and the exports of the actor's organisation (docs/programmes.md,
// "Reports and exports", "Dashboard"): the 4W as CSV or XLSX, the donor report of a project and
// the indicators workbook. Every role of the organisation reads the dashboard (kReadReports);
// exports need kExportReports, are audited (action `export`, written once the figures are read;
// no file without its entry) and never hold a name, id or phone of a person. A public export has
// its counts of people suppressed below the server's threshold. Thread-safe: it holds references to
// a thread-safe Database, PlaceDirectory and Clock.
#pragma once

#include <cstdint>
#include <string>

#include "access/actor.h"
#include "base/clock.h"
#include "base/status.h"
#include "registry/place_directory.h"
#include "reports/dashboard.h"
#include "reports/four_w.h"
#include "reports/publication.h"
#include "store/database.h"

namespace sanad::reports {

// A file to download.
struct ReportFile {
  std::string filename;
  std::string content_type;
  std::string body;
};

enum class FileFormat { kCsv, kXlsx };

class ReportService {
 public:
  ReportService(store::Database& db, const registry::PlaceDirectory& places, const Clock& clock,
                int64_t threshold)
      : db_(db), places_(places), clock_(clock), threshold_(threshold) {}

  int64_t threshold() const { return threshold_; }

  // Bounds left "" are the current year to today. InvalidArgument naming from, to,
  // project_id (not a project of the organisation), sector or pcode.
  Result<Dashboard> GetDashboard(const access::Actor& actor, DashboardQuery q) const;

  // The 4W over the query's period (bounds left "": the current year to today).
  Result<ReportFile> FourW(const access::Actor& actor, FourWQuery q, FileFormat format);
  // The donor report of a project; period bounds left "" are the project's dates (to today at
  // most). NotFound for another organisation's project.
  Result<ReportFile> DonorReport(const access::Actor& actor, int64_t project_id,
                                 const Period& period, Audience audience);
  // One sheet per project with active indicators (project_id 0) or of one project.
  Result<ReportFile> IndicatorWorkbook(const access::Actor& actor, int64_t project_id,
                                       Audience audience);

 private:
  // Checks the filters a dashboard or 4W names against the organisation.
  Status CheckFilters(store::Connection& c, const access::Actor& actor, int64_t project_id,
                      const std::string& sector, const std::string& pcode) const;
  Period YearToDate(const Period& asked) const;

  store::Database& db_;
  const registry::PlaceDirectory& places_;
  const Clock& clock_;
  int64_t threshold_;
};

}  // namespace sanad::reports
