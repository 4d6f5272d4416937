// IndicatorService: the indicators of the actor's organisation's projects and their progress
// (docs/programmes.md, "Indicators"). Every role of the organisation reads (kReadReports);
// admins, supervisors and M&E officers (kManageProjects) create and edit. Another
// organisation's indicator or project is NotFound. Every change is one write transaction with
// its audit entry. Thread-safe: it holds references to a thread-safe Database, PlaceDirectory
// and Clock.
#pragma once

#include <cstdint>
#include <vector>

#include "access/actor.h"
#include "base/clock.h"
#include "base/status.h"
#include "registry/place_directory.h"
#include "reports/indicator.h"
#include "reports/indicator_progress.h"
#include "store/database.h"

namespace sanad::reports {

class IndicatorService {
 public:
  IndicatorService(store::Database& db, const registry::PlaceDirectory& places, const Clock& clock)
      : db_(db), places_(places), clock_(clock) {}

  // By project, then code. InvalidArgument naming page, limit or project_id.
  Result<IndicatorPage> List(const access::Actor& actor, const IndicatorQuery& q) const;
  Result<Indicator> Get(const access::Actor& actor, int64_t id) const;
  // PermissionDenied without kManageProjects; InvalidArgument naming every bad field
  // (`project_id` not a project of the organisation, `definition.<key>`); AlreadyExists naming
  // `code` when the project has an indicator of that code.
  Result<Indicator> Create(const access::Actor& actor, const IndicatorEdit& edit);
  // As Create; Conflict when `edit.version` is stale; InvalidArgument naming `project_id` when
  // it would move to another project.
  Result<Indicator> Update(const access::Actor& actor, int64_t id, const IndicatorEdit& edit);

  // Progress over `period` ("" bounds: the project's dates, to today at most).
  Result<Progress> GetProgress(const access::Actor& actor, int64_t id, const Period& period,
                               SeriesBy by) const;
  // Every active indicator of the project, without series. NotFound for another
  // organisation's project.
  Result<std::vector<Progress>> ProjectProgress(const access::Actor& actor, int64_t project_id,
                                                const Period& period) const;

 private:
  store::Database& db_;
  const registry::PlaceDirectory& places_;
  const Clock& clock_;
};

// The period of a project's progress: what was asked, bounds left empty taken from the
// project's dates, the end never after `today`.
Period ProjectPeriod(const programmes::Project& project, const Period& asked,
                     const std::string& today);

}  // namespace sanad::reports
