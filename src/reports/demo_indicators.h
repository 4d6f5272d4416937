// Demo indicators for `sanad demo`: for every project of the actor's organisation, the people
// and households it reached (counting every record of the organisation in the project's places
// and dates and sectors, so the demo distributions, cases and referrals count as well as the
// project's own activities) and the activities it held, with targets a little above what the
// demo reaches so progress bars have something to show. Goes through IndicatorService like an
// M&E officer would. Deterministic; not thread-safe (one demo at a time).
#pragma once

#include "access/actor.h"
#include "base/status.h"
#include "programmes/project_service.h"
#include "reports/indicator_service.h"

namespace sanad::reports {

// `officer` holds kManageProjects. Returns how many indicators were created.
Result<int> CreateDemoIndicators(const programmes::ProjectService& projects,
                                 IndicatorService& indicators, const access::Actor& officer);

}  // namespace sanad::reports
